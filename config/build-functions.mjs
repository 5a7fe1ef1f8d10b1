// Bundles each cloud function into dist/cloudfunctions/<fn>/ exactly as it is uploaded: one index.js
// (everything inlined but wx-server-sdk), a package.json whose only dependency is wx-server-sdk, and
// the config.json that grants its cloud calls. The local host runs these same files.
import { build } from 'esbuild'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const sdkVersion = JSON.parse(await readFile(path.join(root, 'node_modules/wx-server-sdk/package.json'), 'utf8')).version

/**
 * The cloud environment as one file: cloudbaserc.json at the root, in the CloudBase CLI's format, which
 * `npm run deploy` hands to the CLI. Each function's config.json below is derived from it, so the
 * DevTools upload and the CLI deploy cannot disagree (docs/local-cloud.md, "The declared environment").
 */
export const ENVIRONMENT_FILE = path.join(root, 'cloudbaserc.json')

/** The declared functions by name: `{ name, timeout, memorySize, envVariables, permissions, triggers, … }`. */
export function declaredFunctions() {
  const declaration = JSON.parse(readFileSync(ENVIRONMENT_FILE, 'utf8'))
  return new Map(declaration.functions.map((fn) => [fn.name, fn]))
}

/**
 * A function's config.json as uploaded: the cloud calls it may make and its timer triggers (7-field cron,
 * Beijing time; the trigger's name is the action it runs, `timer` in cloudfunctions/shared/router.ts).
 * The local host reads the triggers back from the built file (cloudfunctions/emulator/host/timer-triggers.ts).
 */
export function functionConfig(name) {
  const fn = declaredFunctions().get(name)
  if (!fn) throw new Error(`cloudfunctions/functions/${name} is not declared in cloudbaserc.json`)
  const triggers = fn.triggers ?? []
  return { permissions: { openapi: fn.permissions?.openapi ?? [] }, ...(triggers.length > 0 ? { triggers } : {}) }
}

/**
 * zod re-exports all its 40-odd locales as one namespace (`export * as locales` in its barrel), and a
 * namespace object that code uses whole (`z.string()`) is not tree-shaken, so every bundle carried
 * ~260 KB of languages nobody reads. The functions use zh-CN only, imported by its own path
 * (shared/router.ts), and the default `en` comes in by its own path too; the barrel is bundled empty.
 */
const zodLocalesBarrel = {
  name: 'zod-locales-barrel',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.split(path.sep).includes('zod') ? { path: 'zod-locales-barrel', namespace: 'zod-locales' } : undefined,
    )
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, () => ({ contents: 'export {}', loader: 'js' }))
  },
}

/**
 * Parts of a function loaded only when an action needs them, each bundled as its own file beside
 * index.js (uploaded with it): the function's code reaches them with `await import('<module>')`, which
 * the bundle turns into a `require` of that file. A cold instance then parses only what it serves.
 */
export const LAZY_PARTS = {
  lecture: [
    { source: 'cloudfunctions/modules/lectures/attendance.ledger.ts', file: 'attendance-ledger.js' },
    // pinyin-pro's dictionaries: needed only to write a check-in record or to list one by name.
    { source: 'cloudfunctions/shared/name-sort.rules.ts', file: 'name-sort.js' },
  ],
  wish: [{ source: 'cloudfunctions/modules/wishes/wish.ledger.ts', file: 'wish-ledger.js' }],
  commitment: [{ source: 'cloudfunctions/modules/commitments/commitment.ledger.ts', file: 'commitment-ledger.js' }],
}

function lazyParts(parts) {
  const byPath = new Map(parts.map((p) => [path.join(root, p.source), p.file]))
  return {
    name: 'lazy-parts',
    setup(b) {
      b.onResolve({ filter: /\.(ledger|rules)(\.ts)?$/ }, (args) => {
        if (args.kind !== 'dynamic-import') return undefined
        const resolved = path.resolve(args.resolveDir, args.path.endsWith('.ts') ? args.path : `${args.path}.ts`)
        const file = byPath.get(resolved)
        return file ? { path: `./${file}`, external: true } : undefined
      })
    },
  }
}

export async function buildFunctions({ quiet = false } = {}) {
  const srcDir = path.join(root, 'cloudfunctions/functions')
  const names = (await readdir(srcDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name)
  for (const name of names) {
    const outDir = path.join(root, 'dist/cloudfunctions', name)
    await mkdir(outDir, { recursive: true })
    const parts = LAZY_PARTS[name] ?? []
    const common = {
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external: ['wx-server-sdk'],
      // Minified: the upload is smaller and a cold start parses less; names are kept for readable stacks.
      minify: true,
      keepNames: true,
      legalComments: 'none',
      metafile: true,
      plugins: [zodLocalesBarrel],
      logLevel: 'warning',
    }
    for (const part of parts) await build({ ...common, entryPoints: [path.join(root, part.source)], outfile: path.join(outDir, part.file) })
    const result = await build({
      ...common,
      plugins: [zodLocalesBarrel, lazyParts(parts)],
      entryPoints: [path.join(srcDir, name, 'index.ts')],
      outfile: path.join(outDir, 'index.js'),
    })
    await writeFile(
      path.join(outDir, 'package.json'),
      JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': sdkVersion } }, null, 2) + '\n',
    )
    await writeFile(path.join(outDir, 'config.json'), JSON.stringify(functionConfig(name), null, 2) + '\n')
    if (!quiet) {
      const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0)
      const lazy = parts.length > 0 ? ` (+ ${parts.map((p) => p.file).join(', ')} on demand)` : ''
      console.log(`function ${name}: ${(bytes / 1024).toFixed(1)} KB${lazy} -> dist/cloudfunctions/${name}/`)
    }
  }
  return names
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  if (!existsSync(path.join(root, 'node_modules/wx-server-sdk'))) {
    console.error('请先运行 npm install')
    process.exit(1)
  }
  await buildFunctions()
}
