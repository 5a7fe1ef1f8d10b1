import { statSync } from 'node:fs'
import path from 'node:path'
import { readDeclaredFunctions } from './environment-declaration'
import { FunctionPool, type FunctionPoolOptions, type InvocationOutcome } from './function-pool'
import type { WorkerScript } from './worker-script'

/** Cloud function names: letters, digits, `-` and `_` — and never a path. */
const FUNCTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/

export interface FunctionRegistryOptions {
  /** Holds `<fn>/index.js` exactly as uploaded (dist/cloudfunctions). */
  functionsDir: string
  /** The local backend's SDK endpoint. */
  adminUrl: string
  appId: string
  instancesPerFunction: number
  /**
   * cloudbaserc.json: each declared function is stopped at its declared `timeout`, as in the cloud, and gets
   * its declared `memorySize`. Without it (host tests with their own bundles), every function gets
   * `timeoutMs` and `memoryLimitMb`.
   */
  environmentFile?: string
  /** The limit of a function the declaration does not name, and a cap on every declared one (tests shorten it). */
  timeoutMs: number
  memoryLimitMb: number
  env: Record<string, string>
  script: WorkerScript
  /** How instances reach the backend without HTTP (FunctionPoolOptions.adminLink). */
  adminLink?: FunctionPoolOptions['adminLink']
}

/**
 * One pool per deployed function. A function exists when its bundle does; a rebuilt bundle (newer
 * mtime) gets fresh instances, like a redeploy in the console, so `npm run build:functions` takes
 * effect without restarting the host.
 */
export class FunctionRegistry {
  private readonly pools = new Map<string, { pool: FunctionPool; mtimeMs: number }>()

  constructor(private readonly options: FunctionRegistryOptions) {}

  /** `undefined` when no such function is deployed. */
  async invoke(functionName: string, openid: string | null, event: unknown, requestId: string): Promise<InvocationOutcome | undefined> {
    return this.poolFor(functionName)?.invoke(openid, event, requestId)
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()]
    this.pools.clear()
    await Promise.all(pools.map(({ pool }) => pool.close()))
  }

  /** Read when a pool starts, so a rebuild after editing the declaration takes the new limits. */
  private limitsFor(functionName: string): { timeoutMs: number; memoryLimitMb: number } {
    const { environmentFile, timeoutMs, memoryLimitMb } = this.options
    const declared = environmentFile ? readDeclaredFunctions(environmentFile).get(functionName) : undefined
    return { timeoutMs: Math.min(declared?.timeoutMs ?? timeoutMs, timeoutMs), memoryLimitMb: declared?.memoryMb ?? memoryLimitMb }
  }

  private poolFor(functionName: string): FunctionPool | undefined {
    if (!FUNCTION_NAME.test(functionName)) return undefined
    const bundlePath = path.join(this.options.functionsDir, functionName, 'index.js')
    // Checked on every call, so a rebuild takes effect at once. Synchronously: one stat(2) of a few
    // microseconds, where the promise version's round trip through libuv's thread pool showed in profiles.
    const stats = statSync(bundlePath, { throwIfNoEntry: false })
    const mtimeMs = stats?.isFile() ? stats.mtimeMs : undefined
    const current = this.pools.get(functionName)
    if (mtimeMs === undefined) {
      if (current) {
        current.pool.retire()
        this.pools.delete(functionName)
      }
      return undefined
    }
    // `>=`: a request that stat'ed just before a rebuild must not swap the new pool back for the old one.
    if (current && current.mtimeMs >= mtimeMs) return current.pool
    current?.pool.retire()
    const { adminUrl, appId, instancesPerFunction, env, script, adminLink } = this.options
    const pool = new FunctionPool({
      functionName,
      bundlePath,
      adminUrl,
      appId,
      size: instancesPerFunction,
      ...this.limitsFor(functionName),
      env,
      script,
      adminLink,
    })
    this.pools.set(functionName, { pool, mtimeMs })
    return pool
  }
}
