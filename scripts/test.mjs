// `npm test`: every layer (unit, local-cloud, integration, app, e2e) with TZ=UTC, after building what the
// e2e layer drives (function bundles, H5). Extra arguments go to Jest, e.g. `npm test -- --selectProjects unit`.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { ensureBuilt, root } from './build-stale.mjs'

const CHROMIUM = '/usr/bin/chromium'
const args = process.argv.slice(2)
const wantsE2e = args.length === 0 || args.some((a) => a.includes('e2e'))

if (wantsE2e && !existsSync(CHROMIUM)) {
  console.error(`浏览器测试需要 Debian 的 Chromium（${CHROMIUM}），但本机没有安装。`)
  console.error('Chromium not found at /usr/bin/chromium — install it with: sudo apt-get install -y chromium')
  process.exit(1)
}

await ensureBuilt({ h5: wantsE2e })

const jest = path.join(root, 'node_modules/jest/bin/jest.js')
const res = spawnSync(process.execPath, [jest, '--ci', ...args], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TZ: 'UTC' },
})
process.exit(res.status ?? 1)
