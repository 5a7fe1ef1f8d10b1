import { existsSync } from 'node:fs'
import path from 'node:path'
import v8 from 'node:v8'
import { parseLogLevel } from './host-log'
import { defaultInstances, startHost } from './start-host'

/**
 * `node dist/emulator/main.js` (what `npm start` runs after building): the local cloud on one port,
 * configured by environment variables, stopped cleanly by Ctrl-C so the store is flushed.
 *
 *   PORT (8080) · DATA_DIR (.data) · FN_INSTANCES (CPU cores, at least 2) · ADMIN_OPENIDS (demo-admin)
 *   FN_TIMEOUT_MS (60000: the cloud's longest): a cap on the timeouts cloudbaserc.json declares per function
 *   HOST_LOG (info | debug | warn) · FN_ENV_<NAME>=value → <NAME>=value in every function's environment
 *   HOST_ADMIN_TRANSPORT (link | http): how instances reach the backend (admin-link.ts)
 */

/** The repository root: the nearest folder up from this file with a package.json (works from source and dist). */
function findRoot(from: string): string {
  let dir = from
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir)
    if (parent === dir) return process.cwd()
    dir = parent
  }
  return dir
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) throw new Error(`环境变量 ${name} 应为非负整数，现在是「${raw}」`)
  return value
}

/** `FN_ENV_CHECKIN_SECRET=x` → `CHECKIN_SECRET=x` for the functions: the console's variables, locally. */
function functionEnvFromEnv(): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('FN_ENV_') && key.length > 'FN_ENV_'.length && value !== undefined) env[key.slice('FN_ENV_'.length)] = value
  }
  return env
}

/** An eighth of Node 20's tier-up budget, for the whole process: each instance sees few invocations (docs/local-cloud.md "Function host"). */
const TIER_UP_BUDGET_FLAG = '--interrupt-budget=8448'

export async function runHostCli(): Promise<void> {
  // Before any instance starts; a budget given on the command line (a comparison run) is kept.
  if (![...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) => arg.includes('--interrupt-budget'))) v8.setFlagsFromString(TIER_UP_BUDGET_FLAG)
  const root = findRoot(__dirname)
  const port = intFromEnv('PORT', 8080)
  const admins = process.env.ADMIN_OPENIDS
  const host = await startHost({
    port,
    dataDir: path.resolve(root, process.env.DATA_DIR || '.data'),
    functionsDir: path.join(root, 'dist/cloudfunctions'),
    h5Dir: path.join(root, 'dist/h5'),
    instances: intFromEnv('FN_INSTANCES', defaultInstances()),
    environmentFile: path.join(root, 'cloudbaserc.json'),
    timeoutMs: intFromEnv('FN_TIMEOUT_MS', 60_000),
    adminOpenids: admins === undefined ? undefined : admins.split(',').map((s) => s.trim()).filter(Boolean),
    functionEnv: functionEnvFromEnv(),
    logLevel: parseLogLevel(process.env.HOST_LOG, 'info'),
    adminTransport: process.env.HOST_ADMIN_TRANSPORT === 'http' ? 'http' : 'link',
  })
  console.log(`支部活动 本地云已启动：${host.url}  （演示登录：${host.url}/dev/sign-in）`)

  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second Ctrl-C means "now": the store has had its chance to flush.
      process.exit(130)
    }
    stopping = true
    console.log(`\n正在关闭本地云（${signal}）…`)
    host.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('关闭时出错：', err instanceof Error ? err.message : err)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

if (require.main === module) {
  runHostCli().catch((err: unknown) => {
    console.error(`本地云启动失败：${err instanceof Error ? err.message : String(err)}`)
    process.exit(1)
  })
}
