import { DAY_MS } from './time.rules'

/** The rating contract's fixed values, and when a lecture may be rated. */

/** The four dimensions of the 评议表, in the order the form and the report show them. */
export const RATING_DIMENSIONS = ['attitude', 'content', 'form', 'effect'] as const
export type RatingDimension = (typeof RATING_DIMENSIONS)[number]

export const DIMENSION_LABELS: Record<RatingDimension, string> = {
  attitude: '授课态度',
  content: '授课内容',
  form: '授课形式',
  effect: '授课效果',
}

export const SCORES = [1, 2, 3, 4, 5] as const
export type Score = (typeof SCORES)[number]
export const SCORE_MIN = SCORES[0]
export const SCORE_MAX = SCORES[4]

/** Below this many ratings nothing is shown, so no single rater can be identified. */
export const RATING_THRESHOLD = 3
export const COMMENT_MAX = 300

/** A lecture may be rated from its start until this many days after its end. */
export const RATING_DAYS_AFTER_END = 7

export interface RatingWindow {
  opensAt: number
  closesAt: number
}

export type RatingWindowState = 'notStarted' | 'open' | 'closed'

/** From the lecture's start until 7 × 24 h after its end (exact instants, epoch ms). */
export function ratingWindow(startMs: number, endMs: number): RatingWindow {
  return { opensAt: startMs, closesAt: endMs + RATING_DAYS_AFTER_END * DAY_MS }
}

export function ratingWindowState(nowMs: number, w: RatingWindow): RatingWindowState {
  // An unreadable time (a client given a malformed answer) offers nothing; the server would say why.
  if (!Number.isFinite(w.opensAt) || !Number.isFinite(w.closesAt)) return 'closed'
  if (nowMs < w.opensAt) return 'notStarted'
  if (nowMs >= w.closesAt) return 'closed'
  return 'open'
}
