import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { CheckinMode, DisplayCode, ErrorBody } from '@contracts'
import { callCloud } from '@/services/cloud'

/**
 * The check-in display's code, count and newest names: refreshed just after each slot change, timed by the
 * server's clock as the answers narrow it (docs/architecture.md "Check-in", "The display").
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
  /** Show codes (check-in is open); otherwise the server is only asked for its clock. Default true. */
  live?: boolean
  /** The clock to narrow; by default one of the hook's own. */
  serverClock?: ServerClock
}

/** The server's time as the display estimates it: the device's clock plus an offset the answers narrow. */
export interface ServerClock {
  /** The server's time now, estimated. */
  now: () => number
  /** An answer has been read (or asking failed, and the device's clock is taken as it is). */
  known: boolean
  /** Narrow the estimate with a rotating code's answer; null (a static code says nothing of the time) or a failure only settles it. */
  learn: (answer: Pick<DisplayCode, 'expiresAt' | 'slotSeconds'> | null) => void
}

/** One offset for the whole display: `device` is the device's clock (for tests). */
export function useServerClock(device: () => number = Date.now): ServerClock {
  const offset = useRef(0)
  const deviceRef = useRef(device)
  deviceRef.current = device
  const [known, setKnown] = useState(false)
  const now = useCallback(() => deviceRef.current() + offset.current, [])
  const learn = useCallback((answer: Pick<DisplayCode, 'expiresAt' | 'slotSeconds'> | null) => {
    if (answer) offset.current = narrowClockOffset(offset.current, deviceRef.current(), Date.parse(answer.expiresAt), answer.slotSeconds)
    setKnown(true)
  }, [])
  return useMemo(() => ({ now, known, learn }), [now, known, learn])
}

/** After the slot changes, wait this long so the server surely mints the next token. */
export const AFTER_CHANGE_MS = 300
export const RETRY_MS = 2000
/**
 * While open, the count and newest names are asked for this often between codes (`displayCount`: no code
 * minted), so a check-in shows within 5 s however long the slot.
 */
export const COUNT_POLL_MS = 4000
/** Not live: how often the server's clock is read again. */
export const PROBE_MS = 5 * 60_000
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

export function useDisplayCode(
  lectureId: string | null,
  { mode = 'rotating', enabled = true, live = true, serverClock }: DisplayCodeOptions = {},
): UseDisplayCode {
  const ownClock = useServerClock()
  const clock = serverClock ?? ownClock
  const { now: serverNow, learn } = clock
  const [status, setStatus] = useState<UseDisplayCode['status']>('loading')
  const [code, setCode] = useState<DisplayCode | null>(null)
  const [error, setError] = useState<ErrorBody | null>(null)
  const [stale, setStale] = useState<ErrorBody | null>(null)
  /** The server's time at the last tick or answer. */
  const [now, setNow] = useState(() => serverNow())
  const [attempt, setAttempt] = useState(0)

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
      const res = await callCloud('lecture', 'displayCode', { lectureId, withMiniCode: live && process.env.TARO_ENV === 'weapp' })
      if (!alive) return
      if (res.ok) {
        const next = res.data
        learn(mode === 'rotating' ? next : null)
        if (!live) {
          schedule(PROBE_MS)
          return
        }
        const t = serverNow()
        last = next
        setCode(next)
        setStale(null)
        setError(null)
        setStatus('ready')
        setNow(t)
        schedule(mode === 'rotating' ? nextRefreshDelay(Date.parse(next.expiresAt), t, next.slotSeconds) : next.slotSeconds * 1000)
        return
      }
      if (!live) learn(null)
      if (FINAL_CODES.has(res.error.code) || (live && !last)) {
        // Nothing (valid) to show: say why, and stop. 重试 starts over.
        setStatus('error')
        setError(res.error)
        setCode(null)
        return
      }
      if (live) setStale(res.error)
      schedule(RETRY_MS)
    }

    // A failed poll is left to the code's own refresh, which says so on screen.
    const pollCount = async () => {
      if (!last) return
      const res = await callCloud('lecture', 'displayCount', { lectureId })
      if (!alive || !res.ok) return
      const { checkinCount, recent } = res.data
      setCode((prev) => (prev ? { ...prev, checkinCount, recent } : prev))
    }

    setStatus('loading')
    setError(null)
    void fetchCode()
    const tick = live ? setInterval(() => setNow(serverNow()), TICK_MS) : undefined
    const counting = live ? setInterval(() => void pollCount(), COUNT_POLL_MS) : undefined
    return () => {
      alive = false
      clearTimeout(timer)
      clearInterval(tick)
      clearInterval(counting)
    }
  }, [lectureId, enabled, live, mode, attempt, serverNow, learn])

  const retry = useCallback(() => setAttempt((n) => n + 1), [])

  const expiresAt = code ? Date.parse(code.expiresAt) : NaN
  const rotating = mode === 'rotating'
  const secondsLeft = code && rotating && Number.isFinite(expiresAt) ? Math.max(0, Math.ceil((expiresAt - now) / 1000)) : null
  const outdated = Boolean(code && rotating && Number.isFinite(expiresAt) && now >= expiresAt + code.slotSeconds * 1000)

  return { status, code, error, stale, outdated, secondsLeft, retry }
}
