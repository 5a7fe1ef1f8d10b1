import type { Page } from '../../contracts/common.schema'
import { SPEAKER_ROLES, type Role } from '../../contracts/rules/member.rules'
import type { MemberRow } from '../../contracts/member.contract'
import { isInBranch, type BranchMemberDoc, type MemberDoc } from '../../shared/caller'
import { Collections } from '../../shared/collections'
import { inTransaction, txGet } from '../../shared/db'
import type { ContextFor } from '../../shared/router'
import { MemberErrors } from './member.errors'
import { toMemberRow } from './member.mapper'
import { applyCountDelta, listBranchMembers, type BranchDoc } from './member.repository'
import { encodeCursor } from '../../shared/cursor'
import { countDelta, wouldRemoveLastSecretary } from './member.rules'

export const DEFAULT_PAGE_SIZE = 20

export async function listMembers(
  input: { role?: Role; speakers?: boolean; cursor?: string; limit?: number },
  ctx: ContextFor<'secretary'>,
): Promise<Page<MemberRow>> {
  const limit = input.limit ?? DEFAULT_PAGE_SIZE
  const roles = input.speakers ? SPEAKER_ROLES : undefined
  const rows = (await listBranchMembers(ctx.db, ctx.member.branchId, { role: input.role, roles, cursor: input.cursor, limit })).filter(isInBranch)
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  const more = rows.length > limit && last !== undefined
  return {
    items: page.map(toMemberRow),
    ...(more ? { nextCursor: encodeCursor({ t: last.joinedAt.getTime(), id: last._id }) } : {}),
  }
}

/** A secretary changes the role of someone in their own branch; counts move in the same transaction. */
export async function setRole(input: { openid: string; role: Role }, ctx: ContextFor<'secretary'>): Promise<MemberRow> {
  const branchId = ctx.member.branchId
  const updated = await inTransaction(ctx.db, async (tx) => {
    const target = await txGet<MemberDoc>(tx, Collections.members, input.openid)
    // Someone of another branch is "not found" here: a secretary learns nothing about other branches.
    if (!target || !isInBranch(target) || target.branchId !== branchId) throw MemberErrors.notFound()
    if (target.role === input.role) return target
    const branch = await txGet<BranchDoc>(tx, Collections.branches, branchId)
    if (!branch) throw MemberErrors.branchMissing()
    if (wouldRemoveLastSecretary(target.role, input.role, branch.counts.secretary)) throw MemberErrors.lastSecretary()
    await tx.collection(Collections.members).doc(target._id).update({ data: { role: input.role, updatedAt: ctx.now } })
    await applyCountDelta(tx, ctx.db, branchId, countDelta(target.role, input.role))
    const next: BranchMemberDoc = { ...target, role: input.role, updatedAt: ctx.now }
    return next
  })
  return toMemberRow(updated)
}
