import type { WhoamiOutput } from '../../contracts/member.contract'
import type { MemberDoc } from '../../shared/caller'
import { Collections } from '../../shared/collections'
import { inTransaction, txGet, type Tx } from '../../shared/db'
import type { ContextFor } from '../../shared/router'
import type { JoinRequestDoc } from './join-request.repository'
import { MemberErrors } from './member.errors'
import { applyCountDelta, findBranch, findBranchByCode, type BranchDoc } from './member.repository'
import { countDelta, joinByCode, roleForCode } from './member.rules'
import { whoamiOf } from './profile.use-case'

export interface JoinInput {
  code: string
  name?: string
}

/**
 * Uses a branch's code. The resident and secretary codes join at once; the member code asks the branch
 * secretary (codes are shared in chat groups), and until they approve the person stays what they were:
 * no branch, or 群众 of this branch. One transaction writes the person or the request with the branch's
 * counts, so a double tap or two people racing for one secretary code never leave counts that do not add up.
 */
export async function joinBranch(input: JoinInput, ctx: ContextFor<'signedIn'>): Promise<WhoamiOutput> {
  const found = await findBranchByCode(ctx.db, input.code)
  const role = found ? roleForCode(found, input.code) : null
  if (ctx.member?.branchId && joinByCode(ctx.member, found?._id ?? null, role) === 'refuse') {
    const current = await findBranch(ctx.db, ctx.member.branchId)
    throw MemberErrors.alreadyInBranch(current?.name ?? '现支部', found !== null && found._id === ctx.member.branchId)
  }
  const name = input.name ?? ctx.member?.name
  if (!name) throw MemberErrors.nameRequired()
  if (!found) throw MemberErrors.inviteCodeInvalid()

  await inTransaction(ctx.db, async (tx) => {
    const branch = await txGet<BranchDoc>(tx, Collections.branches, found._id)
    const granted = branch ? roleForCode(branch, input.code) : null
    if (!branch || !granted) throw MemberErrors.inviteCodeInvalid()
    const existing = await txGet<MemberDoc>(tx, Collections.members, ctx.openid)
    const way = joinByCode(existing, branch._id, granted)
    if (way === 'refuse') throw MemberErrors.alreadyInBranch(branch.name, existing?.branchId === branch._id)
    const request = await txGet<JoinRequestDoc>(tx, Collections.joinRequests, ctx.openid)
    const pending = request?.status === 'pending' ? request : null
    if (pending && pending.branchId !== branch._id) {
      const asked = await txGet<BranchDoc>(tx, Collections.branches, pending.branchId)
      throw MemberErrors.joinPendingElsewhere(asked?.name ?? '其他支部')
    }
    if (way === 'request') {
      // Already asked (a double tap, or asking again): the one pending request stands.
      if (!pending) await askToJoin(tx, ctx, branch, existing?.name ?? name)
      return
    }
    await joinNow(tx, ctx, branch, granted, existing, name)
  })

  return whoamiOf(ctx.db, ctx.openid, undefined, ctx.isAdmin)
}

async function askToJoin(tx: Tx, ctx: ContextFor<'signedIn'>, branch: BranchDoc, name: string): Promise<void> {
  // Replaces a decided or withdrawn request: the `_id` is the openid, one request per person.
  const request: Omit<JoinRequestDoc, '_id'> = {
    openid: ctx.openid,
    branchId: branch._id,
    name,
    status: 'pending',
    reason: '',
    requestedAt: ctx.now,
    decidedAt: null,
    decidedBy: null,
  }
  await tx.collection(Collections.joinRequests).doc(ctx.openid).set({ data: { ...request } })
  await tx.collection(Collections.branches).doc(branch._id).update({ data: { pendingJoins: ctx.db.command.inc(1) } })
}

async function joinNow(
  tx: Tx,
  ctx: ContextFor<'signedIn'>,
  branch: BranchDoc,
  role: NonNullable<ReturnType<typeof roleForCode>>,
  existing: MemberDoc | null,
  name: string,
): Promise<void> {
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
}
