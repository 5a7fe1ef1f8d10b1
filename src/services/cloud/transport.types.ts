/**
 * What a platform transport does: deliver `{ action, ...input }` to cloud function `fn` and hand back
 * whatever the function answered (normally an envelope). It may throw or reject on a transport
 * failure (offline, timeout, a proxy's HTML error page); `callCloud` turns that into NETWORK.FAILED.
 */
export type Transport = (fn: string, event: Record<string, unknown>) => Promise<unknown>
