// Bundles the local cloud (cloudfunctions/emulator: host, backend, seed, dev pages) into dist/emulator/:
// main.js, which `npm start` runs, and function-worker.js, the code of one function instance. npm
// packages stay external (required from node_modules at run time); only our own TypeScript is bundled.
import { build } from 'esbuild'
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { newestMtime, root } from './build-stale.mjs'

const hostDir = path.join(root, 'cloudfunctions/emulator/host')
export const hostOutDir = path.join(root, 'dist/emulator')
export const hostMain = path.join(hostOutDir, 'main.js')
const outputs = [hostMain, path.join(hostOutDir, 'function-worker.js')]

/** Stale when an output is missing or anything it may bundle (all of cloudfunctions/) is newer. */
export function hostStale() {
  if (!outputs.every((file) => existsSync(file))) return true
  const oldest = Math.min(...outputs.map((file) => statSync(file).mtimeMs))
  return newestMtime(['cloudfunctions', 'scripts/build-host.mjs', 'package.json'], new Set(['node_modules'])) > oldest
}

export async function buildHost() {
  await build({
    entryPoints: {
      main: path.join(hostDir, 'main.ts'),
      'function-worker': path.join(hostDir, 'function-worker.ts'),
    },
    outdir: hostOutDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'warning',
  })
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await buildHost()
  console.log('本地云已打包到 dist/emulator/')
}
