import type { Page } from '../../contracts/common.schema'
import type { JoinRequestDecided, JoinRequestRow, WhoamiOutput } from '../../contracts/member.contract'
import type { JoinDecision } from '../../contracts/rules/member.rules'
import { isInBranch, type BranchMemberDoc, type MemberDoc } from '../../shared/caller'
import { Collections } from '../../shared/collections'
import { encodeCursor } from '../../shared/cursor'
import { findMany, inTransaction, txGet } from '../../shared/db'
import type { ContextFor } from '../../shared/router'
import { listPendingJoinRequests, type JoinRequestDoc } from './join-request.repository'
import { MemberErrors } from './member.errors'
import { toJoinRequestRow, toMemberRow } from './member.mapper'
import { applyCountDelta } from './member.repository'
import { countDelta } from './member.rules'
import { whoamiOf } from './profile.use-case'

export const JOIN_REQUEST_PAGE_SIZE = 20

/** The person takes back their pending request; the secretary's count drops in the same transaction. */
export async function withdrawJoinRequest(ctx: ContextFor<'signedIn'>): Promise<WhoamiOutput> {
  await inTransaction(ctx.db, async (tx) => {
    const request = await txGet<JoinRequestDoc>(tx, Collections.joinRequests, ctx.openid)
    if (!request || request.status !== 'pending') throw MemberErrors.nothingToWithdraw()
    await tx.collection(Collections.joinRequests).doc(ctx.openid).update({ data: { status: 'withdrawn', decidedAt: ctx.now } })
    await tx.collection(Collections.branches).doc(request.branchId).update({ data: { pendingJoins: ctx.db.command.inc(-1) } })
  })
  return whoamiOf(ctx.db, ctx.openid, ctx.member, ctx.isAdmin)
}

/** The secretary's queue: their branch's pending requests, oldest first, with what each person is now. */
export async function listJoinRequests(input: { cursor?: string; limit?: number }, ctx: ContextFor<'secretary'>): Promise<Page<JoinRequestRow>> {
  const limit = input.limit ?? JOIN_REQUEST_PAGE_SIZE
  const rows = await listPendingJoinRequests(ctx.db, ctx.member.branchId, { cursor: input.cursor, limit })
  const page = rows.slice(0, limit)
  const ids = page.map((r) => r._id)
  const people = ids.length
    ? await findMany<MemberDoc>(ctx.db.collection(Collections.members).where({ _id: ctx.db.command.in(ids) }).limit(ids.length))
    : []
  const byId = new Map(people.map((m) => [m._id, m]))
  const last = page[page.length - 1]
  const more = rows.length > limit && last !== undefined
  return {
    items: page.map((r) => toJoinRequestRow(r, byId.get(r._id) ?? null)),
    ...(more ? { nextCursor: encodeCursor({ t: last.requestedAt.getTime(), id: last._id }) } : {}),
  }
}

/**
 * Approves (the person becomes 党员 of the branch) or declines (with an optional reason they will see)
 * a pending request. One transaction reads the request's state and writes it with the person and the
 * counts, so two secretaries or two taps end in one outcome: the second is told it was decided. Another
 * branch's request is "not found" (a secretary learns nothing about other branches).
 */
export async function decideJoinRequest(
  input: { openid: string; decision: JoinDecision; reason?: string },
  ctx: ContextFor<'secretary'>,
): Promise<JoinRequestDecided> {
  const branchId = ctx.member.branchId
  return inTransaction(ctx.db, async (tx) => {
    const request = await txGet<JoinRequestDoc>(tx, Collections.joinRequests, input.openid)
    if (!request || request.branchId !== branchId) throw MemberErrors.joinRequestNotFound()
    if (request.status !== 'pending') throw MemberErrors.joinRequestDecided(request.status)

    let member: BranchMemberDoc | null = null
    if (input.decision === 'approve') {
      const existing = await txGet<MemberDoc>(tx, Collections.members, input.openid)
      if (isInBranch(existing) && existing.branchId !== branchId) throw MemberErrors.joinRequestStale()
      member = isInBranch(existing) ? await promote(existing) : await admit(existing)
    }
    const status = input.decision === 'approve' ? 'approved' : 'declined'
    await tx.collection(Collections.joinRequests).doc(input.openid).update({
      data: { status, reason: status === 'declined' ? (input.reason ?? '') : '', decidedAt: ctx.now, decidedBy: ctx.openid },
    })
    await tx.collection(Collections.branches).doc(branchId).update({ data: { pendingJoins: ctx.db.command.inc(-1) } })
    return { openid: input.openid, status, member: member ? toMemberRow(member) : null }

    /** A 群众 of the branch becomes 党员; someone already 党员 or secretary (by 更改身份) stays as they are. */
    async function promote(existing: BranchMemberDoc): Promise<BranchMemberDoc> {
      if (existing.role !== 'resident') return existing
      await tx.collection(Collections.members).doc(existing._id).update({ data: { role: 'member', updatedAt: ctx.now } })
      await applyCountDelta(tx, ctx.db, branchId, countDelta('resident', 'member'))
      return { ...existing, role: 'member', updatedAt: ctx.now }
    }

    /** Someone in no branch joins it as 党员, under the name they gave when asking. */
    async function admit(existing: MemberDoc | null): Promise<BranchMemberDoc> {
      const joined: Omit<BranchMemberDoc, '_id'> = {
        openid: input.openid,
        name: existing?.name || (request?.name ?? ''),
        phone: existing?.phone ?? '',
        post: existing?.post ?? '',
        avatar: existing?.avatar ?? '',
        role: 'member',
        branchId,
        joinedAt: ctx.now,
        updatedAt: ctx.now,
      }
      // doc().set() replaces the whole record and must not carry `_id` (the SDK refuses it).
      await tx.collection(Collections.members).doc(input.openid).set({ data: { ...joined } })
      await applyCountDelta(tx, ctx.db, branchId, countDelta(null, 'member'))
      return { _id: input.openid, ...joined }
    }
  })
}
