import type { CommentStatus, Scores } from '../../contracts/rating.contract'
import { Collections } from '../../shared/collections'
import { findById, findMany, type Database, type DocBase } from '../../shared/db'
import { emptyAggregate, type RatingChange } from './rating.rules'

/**
 * `_id` = `<lectureId>_<openid>`: one rating per person per lecture, revised in place. The openid is
 * kept so the person can edit and so "who has not rated" can be computed; it never leaves the server
 * next to a score.
 */
export interface RatingDoc extends DocBase {
  lectureId: string
  openid: string
  scores: Scores
  comment: string
  commentStatus: CommentStatus
  /** Opaque handle for the secretary's review of this comment; renewed when the comment changes. */
  commentKey?: string
  createdAt: Date
  updatedAt: Date
  revisions: number
  /**
   * `true` while the rater is not recorded as present (removed by the secretary after rating): the
   * rating is kept but left out of the aggregate, the report and its comments. Absent means counted.
   */
  excluded?: boolean
  /**
   * The release batch the rating was first given in (`rating.batch` of the lecture then): while it
   * equals the lecture's current batch, the rating is held back from the report (rating.rules.ts).
   * Ratings from before batches existed have none and count as released.
   */
  batch?: number
  /**
   * The batch in which the rater's attendance last changed, and whether the rating was excluded before
   * that batch: until that batch is released the report shows it as it was (commentReleased).
   */
  presenceBatch?: number
  excludedBefore?: boolean
}

/** The lecture update for one rating change: the increments, and opening the next batch on release. */
export function ratingUpdate(db: Database, change: RatingChange): Record<string, unknown> {
  const _ = db.command
  const data: Record<string, unknown> = {}
  for (const [path, n] of Object.entries(change.inc)) data[`rating.${path}`] = _.inc(n)
  if (change.release) {
    data['rating.held'] = _.set(emptyAggregate())
    data['rating.fresh'] = 0
    data['rating.batch'] = _.inc(1)
  }
  return data
}

export function ratingId(lectureId: string, openid: string): string {
  return `${lectureId}_${openid}`
}

export function findRating(db: Database, lectureId: string, openid: string): Promise<RatingDoc | null> {
  return findById<RatingDoc>(db, Collections.ratings, ratingId(lectureId, openid))
}

export async function hasRated(db: Database, lectureId: string, openid: string): Promise<boolean> {
  return (await findRating(db, lectureId, openid)) !== null
}

const BATCH = 500

/**
 * The ratings of a lecture (those matching `only`, e.g. comments under review), projected to the fields
 * asked for (keyset on `_id`, 500 at a time).
 */
export async function ratingsOf(
  db: Database,
  lectureId: string,
  fields: Record<string, true>,
  only: Record<string, unknown> = {},
): Promise<Array<Partial<RatingDoc> & DocBase>> {
  const _ = db.command
  const out: Array<Partial<RatingDoc> & DocBase> = []
  let after: string | null = null
  for (;;) {
    const where: Record<string, unknown> = after ? { ...only, lectureId, _id: _.gt(after) } : { ...only, lectureId }
    const batch: Array<Partial<RatingDoc> & DocBase> = await findMany(db.collection(Collections.ratings).where(where).field({ _id: true, ...fields }).orderBy('_id', 'asc').limit(BATCH))
    out.push(...batch)
    const last = batch[batch.length - 1]
    if (batch.length < BATCH || !last) return out
    after = last._id
  }
}
