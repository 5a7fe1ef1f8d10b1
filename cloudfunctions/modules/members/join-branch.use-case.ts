import type { WhoamiOutput } from '../../contracts/member.contract'
import { loadMember, type MemberDoc } from '../../shared/caller'
import { Collections } from '../../shared/collections'
import { inTransaction, txGet } from '../../shared/db'
import type { ContextFor } from '../../shared/router'
import { MemberErrors } from './member.errors'
import { toWhoami } from './member.mapper'
import { applyCountDelta, findBranch, findBranchByCode, type BranchDoc } from './member.repository'
import { countDelta, roleForCode } from './member.rules'

export interface JoinInput {
  code: string
  name?: string
}

/**
 * Joins the branch whose code this is, with the role the code grants. One transaction writes the
 * person, the branch counts and (for the single-use secretary code) clears the code, so a double tap or
 * two people racing for one secretary code can never leave counts or roles that do not add up.
 */
export async function joinBranch(input: JoinInput, ctx: ContextFor<'signedIn'>): Promise<WhoamiOutput> {
  if (ctx.member?.branchId) {
    const current = await findBranch(ctx.db, ctx.member.branchId)
    const byCode = await findBranchByCode(ctx.db, input.code)
    throw MemberErrors.alreadyInBranch(current?.name ?? '现支部', byCode !== null && byCode._id === ctx.member.branchId)
  }
  const name = input.name ?? ctx.member?.name
  if (!name) throw MemberErrors.nameRequired()

  const found = await findBranchByCode(ctx.db, input.code)
  if (!found) throw MemberErrors.inviteCodeInvalid()

  await inTransaction(ctx.db, async (tx) => {
    const branch = await txGet<BranchDoc>(tx, Collections.branches, found._id)
    const role = branch ? roleForCode(branch, input.code) : null
    if (!branch || !role) throw MemberErrors.inviteCodeInvalid()
    const existing = await txGet<MemberDoc>(tx, Collections.members, ctx.openid)
    if (existing?.branchId) throw MemberErrors.alreadyInBranch(branch.name, existing.branchId === branch._id)

    // doc().set() replaces the whole record and must not carry `_id` (the SDK refuses it).
    const joined: Omit<MemberDoc, '_id'> = {
      openid: ctx.openid,
      name,
      phone: existing?.phone ?? '',
      post: existing?.post ?? '',
      avatar: existing?.avatar ?? '',
      role,
      branchId: branch._id,
      joinedAt: ctx.now,
      updatedAt: ctx.now,
    }
    await tx.collection(Collections.members).doc(ctx.openid).set({ data: { ...joined } })
    await applyCountDelta(tx, ctx.db, branch._id, countDelta(null, role))
    if (role === 'secretary') {
      await tx.collection(Collections.branches).doc(branch._id).update({ data: { secretaryCode: null } })
    }
  })

  const member = await loadMember(ctx.db, ctx.openid)
  const branch = await findBranch(ctx.db, found._id)
  return toWhoami(ctx.openid, member, branch, ctx.isAdmin)
}
