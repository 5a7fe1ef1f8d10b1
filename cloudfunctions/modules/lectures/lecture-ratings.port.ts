import type { Database, Tx } from '../../shared/db'

/**
 * What lectures need from ratings, declared on this side so that lectures never import ratings (a rating
 * is of a lecture: ratings → lectures is the one direction). modules/ratings implements it and
 * functions/lecture/index.ts hands it to the router.
 */
export interface LectureRatings {
  /** Whether this person has rated this lecture (the detail's `rated`). */
  hasRated(db: Database, lectureId: string, openid: string): Promise<boolean>
  /**
   * Inside the transaction that changes a person's attendance: moves their rating, if any, in or out of
   * the lecture's aggregate, and answers the rating part of the lecture's update for the caller to write
   * in that same transaction.
   */
  onPresenceChange(db: Database, tx: Tx, lectureId: string, openid: string, present: boolean): Promise<Record<string, unknown>>
}
