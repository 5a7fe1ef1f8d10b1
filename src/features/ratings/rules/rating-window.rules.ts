import type { LectureView } from '@contracts'
import { ratingWindow, type RatingWindow } from '@contracts/rules'

/**
 * The contract's rating window for a lecture as the client has it (ISO times). The client uses it only
 * to decide which button to show; the server decides, and says why (RATING.NOT_STARTED / RATING.CLOSED).
 */
export function lectureRatingWindow(l: Pick<LectureView, 'startAt' | 'endAt'>): RatingWindow {
  return ratingWindow(Date.parse(l.startAt), Date.parse(l.endAt))
}
