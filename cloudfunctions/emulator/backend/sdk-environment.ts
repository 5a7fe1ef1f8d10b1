/**
 * The process environment that points the UNMODIFIED production line
 * `cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })` at a local backend, and makes `cloud.getWXContext()`
 * answer a chosen caller. What wx-server-sdk 4.0.2 / @cloudbase/node-sdk 3.17.2 read, and WHEN
 * (verified by reading the source and by experiment: require + init with no variables set, then set
 * them, then call):
 *
 * - Nothing below is read at `require('wx-server-sdk')`, and `cloud.init()` captures none of it
 *   (init only stores its own config; a second init is ignored).
 * - `TCB_CONTEXT_CNFG` `{"URL": ".../admin"}` — read on EVERY request (tcbapiendpoint.buildUrl →
 *   getServerInjectUrl); it is used when init got no `serviceUrl`. Switching it between calls
 *   switches backends.
 * - `TENCENTCLOUD_SECRETID` / `TENCENTCLOUD_SECRETKEY` — read on every request when init got no keys.
 *   If missing, the SDK throws inside an async function it does not await: an UNHANDLED REJECTION
 *   ("missing secretId or secretKey of tencent cloud"), while the request still goes out. Always set.
 * - `TENCENTCLOUD=true` — read on every request (checkIsInTencentCloud). Without it the SDK probes
 *   http://metadata.tencentyun.com (30 ms timeout) and, as a failed probe is not cached, probes again
 *   on every request; init also starts one probe.
 * - `TCB_ENV` — `getWXContext().ENV`, read per call. NOTE: the wire `envName` for DYNAMIC_CURRENT_ENV
 *   is resolved per request from the SDK's own context, which includes TCB_ENV only when
 *   `TCB_CONTEXT_KEYS` lists it; without that the backend sees `envName: ""`. The backend ignores it.
 * - `WX_CONTEXT_KEYS=WX_OPENID,WX_APPID`, `WX_OPENID`, `WX_APPID` — read on every
 *   `cloud.getWXContext()` call; the `WX_` prefix is stripped (OPENID, APPID). Digit-only values
 *   become numbers. Unset values are left out.
 *
 * Because all of it is per call, one process can switch caller between calls — but only between
 * calls: concurrent calls in one process share one environment (DESIGN.md §2: the host keeps a pool).
 */
export interface SdkEnvironmentOptions {
  /** e.g. http://127.0.0.1:8080/admin */
  adminUrl: string
  /** The caller; null for a call without a user (timer, function-to-function). */
  openid: string | null
  appid?: string
  env?: string
}

export const LOCAL_APPID = 'wx-local-appid'
export const LOCAL_ENV = 'local'

/** Variables to set; `undefined` means "delete it". */
export function sdkEnvironment(options: SdkEnvironmentOptions): Record<string, string | undefined> {
  const env = options.env ?? LOCAL_ENV
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: options.adminUrl }),
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
