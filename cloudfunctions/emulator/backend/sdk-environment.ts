/**
 * The process environment that points the UNMODIFIED production line
 * `cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })` at a local backend and makes `cloud.getWXContext()`
 * answer a chosen caller. The SDK reads all of it per call, never at require or init, so a process may
 * switch caller between calls but not during one (docs/local-cloud.md "Pointing the SDK here" lists each
 * variable and when it is read).
 */
export interface SdkEnvironmentOptions {
  /** e.g. http://127.0.0.1:8080/admin */
  adminUrl: string
  /** The caller; null for a call without a user (timer, function-to-function). */
  openid: string | null
  appid?: string
  env?: string
  /**
   * The function this environment runs, carried in the endpoint as `?fn=<name>&` (the SDK appends its own
   * parameters to an endpoint that has a `?`), so the backend can say which function sent a query
   * (index-coverage.ts). A test's own SDK calls name none.
   */
  functionName?: string
}

export const LOCAL_APPID = 'wx-local-appid'
export const LOCAL_ENV = 'local'
/** The endpoint's query parameter naming the function (`functionName`). */
export const FUNCTION_PARAM = 'fn'

/** Variables to set; `undefined` means "delete it". */
export function sdkEnvironment(options: SdkEnvironmentOptions): Record<string, string | undefined> {
  const env = options.env ?? LOCAL_ENV
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({
      URL: options.functionName ? `${options.adminUrl}?${FUNCTION_PARAM}=${encodeURIComponent(options.functionName)}&` : options.adminUrl,
    }),
    TENCENTCLOUD_SECRETID: 'local-secret-id',
    TENCENTCLOUD_SECRETKEY: 'local-secret-key',
    TENCENTCLOUD: 'true',
    TCB_ENV: env,
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
    WX_OPENID: options.openid ?? undefined,
    WX_APPID: options.openid === null ? undefined : (options.appid ?? LOCAL_APPID),
  }
}

/** Applies `sdkEnvironment(...)` to an environment object (process.env or a child's env). */
export function applySdkEnvironment(target: NodeJS.ProcessEnv, options: SdkEnvironmentOptions): void {
  for (const [key, value] of Object.entries(sdkEnvironment(options))) {
    if (value === undefined) delete target[key]
    else target[key] = value
  }
}
