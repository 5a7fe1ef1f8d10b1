import { Collections } from '../../shared/collections'
import { txGet, type Tx } from '../../shared/db'
import { ratingId, type RatingDoc } from './rating.repository'
import { presenceDelta } from './rating.rules'

/**
 * Called inside the transaction that changes a person's attendance: a rating counts only while its
 * rater is recorded as present. Removing a 代签 after the fact takes their rating out of the lecture's
 * aggregate (the rating itself is kept, marked `excluded`, so marking them present again restores it);
 * answers the increments for the lecture document, which the caller writes in the same transaction.
 */
export async function ratingOnPresenceChange(tx: Tx, lectureId: string, openid: string, present: boolean): Promise<Record<string, number>> {
  const id = ratingId(lectureId, openid)
  const rating = await txGet<RatingDoc>(tx, Collections.ratings, id)
  // Nothing to move when the rating is already where this change would put it.
  if (!rating || (rating.excluded === true) === !present) return {}
  await tx.collection(Collections.ratings).doc(id).update({ data: { excluded: !present } })
  const inc: Record<string, number> = {}
  for (const [path, n] of Object.entries(presenceDelta(rating.scores, present))) inc[`rating.${path}`] = n
  return inc
}
