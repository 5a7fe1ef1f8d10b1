import { useCallback, useEffect, useRef, useState } from 'react'
import type { CheckinMode, DisplayCode, ErrorBody } from '@contracts'
import { callCloud } from '@/services/cloud'

/**
 * The check-in display (DESIGN.md §6): the rotating code, refreshed as the server's slot changes, the
 * live count and the newest names.
 *
 * When to refresh. The server mints only the CURRENT slot's token and accepts the current and the
 * previous one. Asking before `expiresAt` would return the same token again, so the next code is
 * fetched just after the slot changes (`expiresAt` + 0.3 s) — a whole slot before the code on screen
 * stops being accepted (`expiresAt` + slotSeconds). A failed refresh keeps the last code on screen, shows
 * a small warning and tries again every 2 s; only once the last code is past that grace is it flagged
 * as no longer valid.
 *
 * The display's clock may be off. Each answer says the server's time lies in
 * (`expiresAt` − slot, `expiresAt`], so the estimate of the offset is narrowed into that interval and the
 * countdown and the schedule use the server's time, not the projector PC's.
 */
export interface UseDisplayCode {
  /** loading: no code yet; ready: a code to show; error: none to show (see `error`). */
  status: 'loading' | 'ready' | 'error'
  code: DisplayCode | null
  /** Why there is no code (first load failed, or the lecture can no longer be checked in to). */
  error: ErrorBody | null
  /** The last refresh failed; the code on screen is the last one that arrived. */
  stale: ErrorBody | null
  /** The code on screen is past its grace: scanning it will say "expired". */
  outdated: boolean
  /** Whole seconds until the code changes; null for a static code. */
  secondsLeft: number | null
  /** Ask again now (the 重试 under an error). */
  retry: () => void
}

export interface DisplayCodeOptions {
  /** The lecture's mode: a static code never changes, and is only polled for the count. */
  mode?: CheckinMode
  enabled?: boolean
  /** For tests. */
  clock?: () => number
}

/** After the slot changes, wait this long so the server surely mints the next token. */
export const AFTER_CHANGE_MS = 300
export const RETRY_MS = 2000
const MIN_DELAY_MS = 1000
const TICK_MS = 500

/** Refusals that will not go away by asking again: stop polling and say so. */
const FINAL_CODES = new Set([
  'CHECKIN.CANCELLED',
  'CHECKIN.NOT_PUBLISHED',
  'LECTURE.NOT_FOUND',
  'AUTH.FORBIDDEN',
  'AUTH.REQUIRED',
  'AUTH.NO_PROFILE',
  'AUTH.NOT_IN_BRANCH',
])

/**
 * How long to wait before asking for the next code: until just after the slot changes, at least 1 s
 * (a clock that runs ahead learns its offset this way), at most about one slot (so the count stays live
 * and a static code's far-off `expiresAt` does not stop the polling).
 */
export function nextRefreshDelay(expiresAtMs: number, serverNowMs: number, slotSeconds: number): number {
  const slotMs = Math.max(1, slotSeconds) * 1000
  if (!Number.isFinite(expiresAtMs)) return slotMs
  return Math.min(Math.max(expiresAtMs - serverNowMs + AFTER_CHANGE_MS, MIN_DELAY_MS), slotMs + AFTER_CHANGE_MS)
}

/** The server's "now" lies in (expiresAt − slot, expiresAt]: bring the estimated offset into that range. */
export function narrowClockOffset(offsetMs: number, clientNowMs: number, expiresAtMs: number, slotSeconds: number): number {
  if (!Number.isFinite(expiresAtMs)) return offsetMs
  const estimate = clientNowMs + offsetMs
  const lo = expiresAtMs - slotSeconds * 1000
  const serverNow = Math.min(Math.max(estimate, lo), expiresAtMs)
  return serverNow - clientNowMs
}

export function useDisplayCode(lectureId: string | null, { mode = 'rotating', enabled = true, clock = Date.now }: DisplayCodeOptions = {}): UseDisplayCode {
  const [status, setStatus] = useState<UseDisplayCode['status']>('loading')
  const [code, setCode] = useState<DisplayCode | null>(null)
  const [error, setError] = useState<ErrorBody | null>(null)
  const [stale, setStale] = useState<ErrorBody | null>(null)
  const [now, setNow] = useState(() => clock())
  const [attempt, setAttempt] = useState(0)
  const offset = useRef(0)
  const clockRef = useRef(clock)
  clockRef.current = clock

  useEffect(() => {
    if (!lectureId || !enabled) return undefined
    let alive = true
    let timer: ReturnType<typeof setTimeout> | undefined
    let last: DisplayCode | null = null

    const schedule = (ms: number) => {
      clearTimeout(timer)
      timer = setTimeout(() => void fetchCode(), ms)
    }

    const fetchCode = async () => {
      // In the mini-program the board shows a mini-program code, which a phone camera opens directly.
      const res = await callCloud('lecture', 'displayCode', { lectureId, withMiniCode: process.env.TARO_ENV === 'weapp' })
      if (!alive) return
      const t = clockRef.current()
      if (res.ok) {
        const next = res.data
        const expiresAt = Date.parse(next.expiresAt)
        if (mode === 'rotating') offset.current = narrowClockOffset(offset.current, t, expiresAt, next.slotSeconds)
        last = next
        setCode(next)
        setStale(null)
        setError(null)
        setStatus('ready')
        setNow(t)
        schedule(mode === 'rotating' ? nextRefreshDelay(expiresAt, t + offset.current, next.slotSeconds) : next.slotSeconds * 1000)
        return
      }
      if (FINAL_CODES.has(res.error.code) || !last) {
        // Nothing (valid) to show: say why, and stop. 重试 starts over.
        setStatus('error')
        setError(res.error)
        setCode(null)
        return
      }
      setStale(res.error)
      schedule(RETRY_MS)
    }

    setStatus('loading')
    setError(null)
    void fetchCode()
    const tick = setInterval(() => setNow(clockRef.current()), TICK_MS)
    return () => {
      alive = false
      clearTimeout(timer)
      clearInterval(tick)
    }
  }, [lectureId, enabled, mode, attempt])

  const retry = useCallback(() => setAttempt((n) => n + 1), [])

  const expiresAt = code ? Date.parse(code.expiresAt) : NaN
  const serverNow = now + offset.current
  const rotating = mode === 'rotating'
  const secondsLeft = code && rotating && Number.isFinite(expiresAt) ? Math.max(0, Math.ceil((expiresAt - serverNow) / 1000)) : null
  const outdated = Boolean(code && rotating && Number.isFinite(expiresAt) && serverNow >= expiresAt + code.slotSeconds * 1000)

  return { status, code, error, stale, outdated, secondsLeft, retry }
}
