// Builds what is older than its sources: the function bundles and the H5 app. Shared by `npm start`
// and `npm test` so a newcomer never runs yesterday's build by accident.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Newest modification time under `paths` (files or folders), skipping `skip` folder names. */
export function newestMtime(paths, skip = new Set(['node_modules', 'emulator'])) {
  let newest = 0
  const visit = (p) => {
    if (!existsSync(p)) return
    const st = statSync(p)
    if (st.isDirectory()) {
      for (const entry of readdirSync(p)) if (!skip.has(entry)) visit(path.join(p, entry))
    } else if (st.mtimeMs > newest) newest = st.mtimeMs
  }
  for (const p of paths) visit(path.resolve(root, p))
  return newest
}

function mtimeOf(file) {
  const p = path.resolve(root, file)
  return existsSync(p) ? statSync(p).mtimeMs : 0
}

export function functionsStale() {
  const fnDir = path.join(root, 'cloudfunctions/functions')
  const names = existsSync(fnDir) ? readdirSync(fnDir) : []
  const oldestBundle = Math.min(...names.map((n) => mtimeOf(`dist/cloudfunctions/${n}/index.js`)))
  return names.length > 0 && newestMtime(['cloudfunctions', 'config/build-functions.mjs', 'cloudbaserc.json', 'package.json']) > oldestBundle
}

export function h5Stale() {
  return newestMtime(['src', 'config/index.ts', 'babel.config.js', 'cloudfunctions/contracts', 'package.json']) > mtimeOf('dist/h5/index.html')
}

function run(cmd, args, label) {
  console.log(`> ${label}`)
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (res.status !== 0) throw new Error(`${label} 失败（退出码 ${res.status}）`)
}

export async function ensureBuilt({ h5 = true } = {}) {
  if (functionsStale()) {
    const { buildFunctions } = await import('../config/build-functions.mjs')
    console.log('> 打包云函数')
    await buildFunctions()
  }
  if (h5 && h5Stale()) run(process.execPath, [path.join(root, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', 'h5'], '构建 H5 应用（约 20 秒）')
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await ensureBuilt()
}
