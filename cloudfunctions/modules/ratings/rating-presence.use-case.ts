import { Collections } from '../../shared/collections'
import { txGet, type Database, type Tx } from '../../shared/db'
import type { LectureDoc } from '../lectures/lecture.repository'
import { ratingId, ratingUpdate, type RatingDoc } from './rating.repository'
import { presenceDelta, ratingChange, ratingStateOf } from './rating.rules'

/**
 * Called inside the transaction that changes a person's attendance: a rating counts only while its
 * rater is recorded as present. Removing a 代签 after the fact takes their rating out of the lecture's
 * aggregate (the rating itself is kept, marked `excluded`, so marking them present again restores it).
 * Answers the rating part of the lecture's update, which the caller writes in the same transaction.
 */
export async function ratingOnPresenceChange(db: Database, tx: Tx, lectureId: string, openid: string, present: boolean): Promise<Record<string, unknown>> {
  const id = ratingId(lectureId, openid)
  const rating = await txGet<RatingDoc>(tx, Collections.ratings, id)
  // Nothing to move when the rating is already where this change would put it.
  if (!rating || (rating.excluded === true) === !present) return {}
  const lecture = await txGet<LectureDoc & { rating?: unknown }>(tx, Collections.lectures, lectureId)
  const state = ratingStateOf(lecture?.rating)
  // The first change of this batch remembers how the report shows the rating until the batch's release.
  const marks = rating.presenceBatch === state.batch ? {} : { presenceBatch: state.batch, excludedBefore: rating.excluded === true }
  await tx.collection(Collections.ratings).doc(id).update({ data: { excluded: !present, ...marks } })
  return ratingUpdate(db, ratingChange(state, presenceDelta(rating.scores, present), { kind: 'presence', inHeldBatch: rating.batch === state.batch }))
}
