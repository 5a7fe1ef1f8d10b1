import { existsSync } from 'node:fs'
import path from 'node:path'

/**
 * Where a function instance's code comes from. The bundled host (dist/emulator) ships a compiled
 * `function-worker.js` beside it; when the host runs from TypeScript source (jest, e2e) there is only
 * the `.ts`, which a worker thread cannot load on Node 20, so it is compiled once in memory.
 */
export type WorkerScript = { kind: 'file'; filename: string } | { kind: 'code'; code: string }

let compiled: Promise<WorkerScript> | undefined

export function resolveWorkerScript(): Promise<WorkerScript> {
  const built = path.join(__dirname, 'function-worker.js')
  if (existsSync(built)) return Promise.resolve({ kind: 'file', filename: built })
  compiled ??= compileWorker(path.join(__dirname, 'function-worker.ts'))
  return compiled
}

async function compileWorker(entry: string): Promise<WorkerScript> {
  // Loaded lazily: the bundled host never reaches this line, so esbuild is only needed in development.
  const { build } = await import('esbuild')
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  })
  const output = result.outputFiles[0]
  if (!output) throw new Error(`esbuild produced nothing for ${entry}`)
  return { kind: 'code', code: output.text }
}
