// `npm run bench`: builds what is stale (function bundles, the local cloud), bundles the benchmark and
// runs it. Benchmarks print figures; they are not tests and assert nothing.
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { ensureBuilt, root } from './build-stale.mjs'
import { buildHost, hostStale } from './build-host.mjs'

await ensureBuilt({ h5: false })
if (hostStale()) await buildHost()
const outfile = path.join(root, 'dist/bench/check-in.bench.js')
await build({
  entryPoints: [path.join(root, 'scripts/bench/check-in.bench.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
})
const res = spawnSync(process.execPath, [outfile], { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } })
process.exit(res.status ?? 1)
