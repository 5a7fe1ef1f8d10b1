import type { ErrorBody, InviteCodes, Profile, WhoamiOutput } from '@contracts'
import { callCloud } from '@/services/cloud'

/**
 * "Who am I" is read by several pages (首页, 我的, the secretary tools), so it is kept once per app
 * session: one request on first use, and every page sees a join, a profile edit or a new invite code
 * at once. A tiny external store (useSyncExternalStore), not a state library.
 */
export interface WhoamiState {
  /** idle: never asked; loading: first request in flight; ready: data present; error: no data, failed. */
  status: 'idle' | 'loading' | 'ready' | 'error'
  data: WhoamiOutput | null
  /** The last failure; kept alongside stale data when a reload fails. */
  error: ErrorBody | null
  /** A reload is in flight while data is shown. */
  refreshing: boolean
}

const initial: WhoamiState = { status: 'idle', data: null, error: null, refreshing: false }
let state: WhoamiState = initial
let inflight: Promise<boolean> | null = null
const listeners = new Set<() => void>()

function set(next: Partial<WhoamiState>): void {
  state = { ...state, ...next }
  listeners.forEach((l) => l())
}

export function subscribeWhoami(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function getWhoamiSnapshot(): WhoamiState {
  return state
}

/** Ask the server again. Resolves true when fresh data arrived. Concurrent calls share one request. */
export function loadWhoami(): Promise<boolean> {
  if (inflight) return inflight
  set(state.data ? { refreshing: true } : { status: 'loading', error: null })
  inflight = callCloud('member', 'whoami', {}).then((res) => {
    inflight = null
    if (res.ok) {
      set({ status: 'ready', data: res.data, error: null, refreshing: false })
      return true
    }
    set(state.data ? { error: res.error, refreshing: false } : { status: 'error', error: res.error, refreshing: false })
    return false
  })
  return inflight
}

export function setWhoami(data: WhoamiOutput): void {
  set({ status: 'ready', data, error: null })
}

export function patchProfile(profile: Profile): void {
  if (state.data) set({ data: { ...state.data, profile } })
}

export function patchInviteCodes(inviteCodes: InviteCodes): void {
  if (state.data) set({ data: { ...state.data, inviteCodes } })
}

/** For tests: forget everything. */
export function resetWhoamiStore(): void {
  inflight = null
  state = initial
  listeners.forEach((l) => l())
}
