import type { JoinRequestStatus } from '../../contracts/rules/member.rules'
import { Collections } from '../../shared/collections'
import { decodeCursor } from '../../shared/cursor'
import { findById, findMany, type Database, type DocBase } from '../../shared/db'

/**
 * A person's request to join a branch as 党员. `_id` is the person's openid, so a person has one
 * request at a time: asking again replaces a decided one, and two taps cannot make two.
 */
export interface JoinRequestDoc extends DocBase {
  openid: string
  branchId: string
  /** The name they gave when asking; used for their record if they had none. */
  name: string
  status: JoinRequestStatus
  /** The secretary's reason on a decline ('' when none was given). */
  reason: string
  requestedAt: Date
  decidedAt: Date | null
  decidedBy: string | null
}

export function findJoinRequest(db: Database, openid: string): Promise<JoinRequestDoc | null> {
  return findById<JoinRequestDoc>(db, Collections.joinRequests, openid)
}

/** A branch's pending requests, oldest first (who asked first is answered first), by keyset. */
export function listPendingJoinRequests(db: Database, branchId: string, options: { cursor?: string; limit: number }): Promise<JoinRequestDoc[]> {
  const _ = db.command
  const conditions: object[] = [{ branchId, status: 'pending' }]
  const after = decodeCursor(options.cursor)
  if (after) {
    const at = new Date(after.t)
    conditions.push(_.or([{ requestedAt: _.gt(at) }, { requestedAt: at, _id: _.gt(after.id) }]))
  }
  return findMany<JoinRequestDoc>(
    db
      .collection(Collections.joinRequests)
      .where(_.and(conditions))
      .orderBy('requestedAt', 'asc')
      .orderBy('_id', 'asc')
      .limit(options.limit + 1),
  )
}
