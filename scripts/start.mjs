// `npm start`: builds whatever is older than its sources (function bundles, the H5 app, the local cloud
// itself), then runs the local cloud on http://127.0.0.1:$PORT (default 8080) with data in $DATA_DIR
// (default .data/). Works from a clean clone after `npm install`.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { ensureBuilt, root } from './build-stale.mjs'

if (!existsSync(path.join(root, 'node_modules/wx-server-sdk'))) {
  console.error('缺少依赖：请先在项目根目录运行 npm install')
  process.exit(1)
}

try {
  console.log('> 检查构建（只重建有改动的部分）')
  await ensureBuilt()
  const { buildHost, hostMain, hostStale } = await import('./build-host.mjs')
  if (hostStale()) {
    console.log('> 打包本地云')
    await buildHost()
  }
  // In this process: Ctrl-C reaches the host directly, and it closes the store before exiting.
  const { runHostCli } = createRequire(import.meta.url)(hostMain)
  await runHostCli()
} catch (err) {
  console.error(`启动失败：${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
}
