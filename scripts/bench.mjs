// `npm run bench`: builds what is stale (function bundles, the local cloud), bundles each benchmark and
// runs it: the check-in burst, then the ledgers against their declared timeouts. `npm run bench -- scale`
// runs the scale benchmark instead (minutes: a city's data, at two sizes). Benchmarks print figures; they
// are not tests and assert nothing.
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { ensureBuilt, root } from './build-stale.mjs'
import { buildHost, hostStale } from './build-host.mjs'

const benches = process.argv.slice(2).includes('scale') ? ['scale'] : ['check-in', 'ledger']

await ensureBuilt({ h5: false })
if (hostStale()) await buildHost()
for (const name of benches) {
  const outfile = path.join(root, `dist/bench/${name}.bench.js`)
  await build({
    entryPoints: [path.join(root, `scripts/bench/${name}.bench.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'warning',
  })
  const res = spawnSync(process.execPath, [outfile], { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } })
  if (res.status !== 0) process.exit(res.status ?? 1)
}
