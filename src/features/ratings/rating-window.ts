/*
 * When a lecture may be rated: from its start until 7 days after its end — modules/ratings/rating.rules.ts
 * restated for the client (which may not import it). The client uses it only to decide which button to
 * show; the server decides, and says why (RATING.NOT_STARTED / RATING.CLOSED). tests/app/rating-form.spec.tsx
 * checks both agree.
 */

export const RATING_DAYS_AFTER_END = 7
const DAY_MS = 24 * 60 * 60 * 1000

export type RatingWindowState = 'notStarted' | 'open' | 'closed'

export interface RatingWindow {
  opensAt: number
  closesAt: number
}

/** From the lecture's start until 7 × 24 h after its end (exact instants, ISO in, epoch ms out). */
export function ratingWindowOf(startAt: string, endAt: string): RatingWindow {
  return { opensAt: Date.parse(startAt), closesAt: Date.parse(endAt) + RATING_DAYS_AFTER_END * DAY_MS }
}

export function ratingWindowState(w: RatingWindow, now: number = Date.now()): RatingWindowState {
  // An unreadable time offers nothing; the server would say why.
  if (!Number.isFinite(w.opensAt) || !Number.isFinite(w.closesAt)) return 'closed'
  if (now < w.opensAt) return 'notStarted'
  if (now >= w.closesAt) return 'closed'
  return 'open'
}
