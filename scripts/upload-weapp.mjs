// `npm run upload:weapp`: uploads the built mini-program (dist/weapp) as a development version with
// miniprogram-ci, after the same checks as `npm run check:weapp` (a failing build is never uploaded).
// The version is package.json's, the description the last commit's. `-- --dry-run` needs no appid or key
// and prints what it would upload.
//
//   WEAPP_APPID            the mini-program's AppID
//   WEAPP_UPLOAD_KEY_PATH  the code-upload key file (console: 开发管理 → 开发设置 → 小程序代码上传密钥)
//   WEAPP_ROBOT            optional, 1–30: which CI robot the version is uploaded as (default 1)
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { root } from './weapp/on-demand-tools.mjs'
import { loadCi, quietly, uploadProject } from './weapp/wechat-ci.mjs'

const dryRun = process.argv.includes('--dry-run')
const unknown = process.argv.slice(2).filter((arg) => arg !== '--dry-run')

function lastCommit() {
  const res = spawnSync('git', ['log', '-1', '--format=%h %s'], { cwd: root, encoding: 'utf8' })
  return res.status === 0 ? res.stdout.trim() : null
}

const bytes = (n) => `${n.toLocaleString('en-US')} B`

/**
 * scripts/check-weapp.mjs in its own process: miniprogram-ci keeps compiler state per process, and an
 * upload after a local compile in the same process trips over it.
 */
function checkWeapp() {
  const res = spawnSync(process.execPath, [path.join(root, 'scripts/check-weapp.mjs'), '--json'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  const last = res.stdout.trim().split('\n').pop()
  if (!last?.startsWith('{')) throw new Error(`the weapp check did not finish (exit ${res.status})`)
  return JSON.parse(last)
}

async function main() {
  if (unknown.length > 0) throw new Error(`unknown argument ${unknown[0]} (only --dry-run)`)
  const appid = process.env.WEAPP_APPID ?? ''
  const privateKeyPath = process.env.WEAPP_UPLOAD_KEY_PATH ? path.resolve(process.env.WEAPP_UPLOAD_KEY_PATH) : ''
  const robot = Number(process.env.WEAPP_ROBOT ?? 1)
  const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version
  const commit = lastCommit()
  const desc = commit ?? `version ${version}`

  if (!Number.isInteger(robot) || robot < 1 || robot > 30) throw new Error(`WEAPP_ROBOT must be a whole number from 1 to 30, not ${process.env.WEAPP_ROBOT}`)
  if (!dryRun) {
    const missing = [!appid && 'WEAPP_APPID', !privateKeyPath && 'WEAPP_UPLOAD_KEY_PATH'].filter(Boolean)
    if (missing.length > 0) throw new Error(`set ${missing.join(' and ')} (see README, "Upload the mini-program"), or pass --dry-run`)
    if (!existsSync(privateKeyPath)) throw new Error(`WEAPP_UPLOAD_KEY_PATH: no file at ${privateKeyPath}`)
  }

  const check = checkWeapp()
  console.log(dryRun ? 'Would upload (dry run: nothing is sent):' : 'Uploading:')
  console.log(`  appid     ${appid || '(WEAPP_APPID not set: needed for a real upload)'}`)
  console.log(`  key       ${privateKeyPath || '(WEAPP_UPLOAD_KEY_PATH not set: needed for a real upload)'}`)
  console.log(`  version   ${version} (package.json)`)
  console.log(`  desc      ${desc}${commit ? ' (last commit)' : ''}`)
  console.log(`  robot     ${robot}`)
  if (check.pages && check.sizes) {
    const packages = [{ name: 'main package', size: check.sizes.main, pages: check.pages.main }, ...check.pages.subPackages.map((sub) => ({ name: sub.root, size: check.sizes[sub.root], pages: sub.pages }))]
    for (const pkg of packages) {
      console.log(`  ${pkg.name}: ${bytes(pkg.size)} (as uploaded), ${pkg.pages.length} page${pkg.pages.length === 1 ? '' : 's'}`)
      for (const page of pkg.pages) console.log(`    ${page}`)
    }
  }
  console.log(`  check     ${check.ok ? 'passed' : 'FAILED'}: ${check.summary}`)
  for (const problem of check.problems) console.log(`    ${problem}`)
  if (!check.ok) throw new Error('the build fails the weapp check: not uploaded')
  if (dryRun) return

  const ci = loadCi()
  const project = uploadProject(ci, root, { appid, privateKeyPath })
  const { value: result } = await quietly(() => ci.upload({ project, version, desc, robot, setting: { useProjectConfig: true } }))
  console.log(`Uploaded ${version} as robot ${robot}: it is now a development version (版本管理 → 开发版本) in the mini-program console.`)
  for (const pkg of result.subPackageInfo ?? []) {
    const name = { __FULL__: 'whole mini-program', __APP__: 'main package' }[pkg.name] ?? pkg.name
    console.log(`  ${name}: ${bytes(pkg.size)} (as WeChat received it)`)
  }
}

let exitCode = 0
try {
  await main()
} catch (error) {
  console.error(`upload:weapp: ${error instanceof Error ? error.message : error}`)
  exitCode = 1
}
// miniprogram-ci leaves a file watcher running: end here rather than wait for it.
process.exit(exitCode)
