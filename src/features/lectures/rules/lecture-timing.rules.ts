import type { LectureView } from '@contracts'
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS, checkinWindowState, type CheckinWindowState } from '@contracts/rules'

/**
 * Where a lecture stands in time, as the client shows it: the check-in window (the server's
 * `checkinOpensAt` / `checkinClosesAt`, read by the contract's `checkinWindowState`) and the lecture
 * itself. The client only decides what to show; the server decides whether a check-in counts and says
 * why not.
 */
export type CheckinPhase = CheckinWindowState

export type CheckinTimes = Pick<LectureView, 'checkinOpensAt' | 'checkinClosesAt'>

export function checkinPhase(times: CheckinTimes, now: number): CheckinPhase {
  // Unreadable times compare false both ways, so "open": the server's answer says what is really the case.
  return checkinWindowState(now, { opensAt: Date.parse(times.checkinOpensAt), closesAt: Date.parse(times.checkinClosesAt) })
}

/** A published lecture happening now: 进行中 during its time, 签到中 while check-in is open around it. */
export type LectureLive = 'underway' | 'checkingIn'

export const LECTURE_LIVE_LABELS: Record<LectureLive, string> = {
  underway: '进行中',
  checkingIn: '签到中',
}

/**
 * 进行中 from the start (inclusive) to the end (exclusive); otherwise 签到中 inside the check-in window
 * (before the start, or in the minutes it stays open after the end); null at any other time and for a
 * lecture that is not published. The window always covers the lecture's time, so 进行中 also means
 * check-in is open.
 */
export function lectureLive(l: Pick<LectureView, 'status' | 'startAt' | 'endAt' | 'checkinOpensAt' | 'checkinClosesAt'>, now: number): LectureLive | null {
  if (l.status !== 'published') return null
  const startAt = Date.parse(l.startAt)
  const endAt = Date.parse(l.endAt)
  if (now >= startAt && now < endAt) return 'underway'
  const opensAt = Date.parse(l.checkinOpensAt)
  const closesAt = Date.parse(l.checkinClosesAt)
  if (now >= opensAt && now < closesAt) return 'checkingIn'
  return null
}

/**
 * How long until something, as people say it and big enough to read from the back row:
 * `2 天 3 小时`, `1 小时 5 分`, `12 分 05 秒`, `45 秒`. Rounded up to the second (never "0 秒" early).
 */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / SECOND_MS)) * SECOND_MS
  const days = Math.floor(total / DAY_MS)
  const hours = Math.floor((total % DAY_MS) / HOUR_MS)
  const minutes = Math.floor((total % HOUR_MS) / MINUTE_MS)
  const seconds = Math.floor((total % MINUTE_MS) / SECOND_MS)
  if (days > 0) return `${days} 天 ${hours} 小时`
  if (hours > 0) return `${hours} 小时 ${minutes} 分`
  if (minutes > 0) return `${minutes} 分 ${String(seconds).padStart(2, '0')} 秒`
  return `${seconds} 秒`
}
