import cloud from 'wx-server-sdk'
import { startLocalCloud, useCaller, type LocalCloud } from '../local-cloud'

// jest.config.js gives the local-cloud project `testTimeout: 30000`, but Jest reads that option only at
// the top level, not per project, so the 5 s default would apply. Every local-cloud spec imports this
// module, which sets the intended limit for its file.
jest.setTimeout(30_000)

/**
 * Local-cloud tests drive the REAL wx-server-sdk (no mock) against the local backend. One local cloud per
 * test file; the SDK is initialised exactly as a deployed function does.
 */
export type Database = ReturnType<typeof cloud.database>

export interface Harness {
  local: LocalCloud
  cloud: typeof cloud
  db: Database
}

export async function openHarness(caller = 'contract-caller', options: { transactionTimeoutMs?: number } = {}): Promise<Harness> {
  // The SDK's behaviours are proved on a bare backend (the specs use their own documents); what the
  // declaration adds is proved through the host (tests/integration/host/declared-collections.spec.ts).
  const local = await startLocalCloud({ ...options, environmentFile: null })
  useCaller(local, caller)
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  return { local, cloud, db: cloud.database() }
}

/** The SDK's result types are `Promise<X> | void | string`; tests state the shape they expect. */
export async function result<T>(call: unknown): Promise<T> {
  return (await call) as T
}

export interface SdkFailure {
  errCode: unknown
  errMsg: unknown
  message: string
}

/** Awaits a call that must fail and returns what the SDK rejected with. */
export async function failure(call: unknown): Promise<SdkFailure> {
  try {
    await call
  } catch (err) {
    const e = err as { errCode?: unknown; errMsg?: unknown; message?: unknown }
    return { errCode: e.errCode, errMsg: e.errMsg, message: typeof e.message === 'string' ? e.message : String(err) }
  }
  throw new Error('expected the call to fail, but it succeeded')
}

/** Posts a raw admin request, for actions the SDK has no method for. */
export async function rawAdmin(local: LocalCloud, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await fetch(`${local.url}/admin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return (await res.json()) as Record<string, unknown>
}

export interface GetResult<T = Record<string, unknown>> {
  data: T[]
  errMsg: string
}
export interface GetOneResult<T = Record<string, unknown>> {
  data: T
  errMsg: string
}
export interface AddResult {
  _id: string
  errMsg: string
}
export interface UpdateResult {
  stats: { updated: number }
  errMsg: string
}
export interface SetResult {
  _id: string
  stats: { updated: number; created: number }
  errMsg: string
}
export interface RemoveResult {
  stats: { removed: number }
  errMsg: string
}
export interface CountResult {
  total: number
  errMsg: string
}
export interface AggregateResult<T = Record<string, unknown>> {
  list: T[]
  errMsg: string
}
