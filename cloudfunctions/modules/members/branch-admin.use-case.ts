import { createHash } from 'crypto'
import type { CreatedBranch, InviteCodes } from '../../contracts/member.contract'
import { SECRETARY_CODE_LENGTH, SHARED_CODE_LENGTH } from '../../contracts/rules/member.rules'
import { Collections } from '../../shared/collections'
import { insertOnce, updateWhere } from '../../shared/db'
import { inviteCode } from '../../shared/ids'
import type { ContextFor } from '../../shared/router'
import { MemberErrors } from './member.errors'
import { toInviteCodes } from './member.mapper'
import { codeInUse, findBranch, findBranchByName, type BranchDoc } from './member.repository'

const MAX_CODE_ATTEMPTS = 5

async function freshCode(ctx: ContextFor<'signedIn'>, length: number): Promise<string> {
  for (let i = 0; i < MAX_CODE_ATTEMPTS; i += 1) {
    const code = inviteCode(length)
    if (!(await codeInUse(ctx.db, code))) return code
  }
  throw MemberErrors.codeExhausted()
}

/**
 * The branch id is derived from its name, so two admins creating 「X 党支部」 at once make one branch,
 * not two (deterministic id = uniqueness without a read-then-write).
 */
export function branchIdFor(name: string): string {
  return `branch_${createHash('sha256').update(name.normalize('NFC')).digest('hex').slice(0, 16)}`
}

export async function createBranch(input: { name: string }, ctx: ContextFor<'admin'>): Promise<CreatedBranch> {
  // Branches created before ids were derived from names (or seeded) are found by name.
  if (await findBranchByName(ctx.db, input.name)) throw MemberErrors.branchExists(input.name)
  const branch: BranchDoc = {
    _id: branchIdFor(input.name),
    name: input.name,
    inviteCodes: { member: await freshCode(ctx, SHARED_CODE_LENGTH), resident: await freshCode(ctx, SHARED_CODE_LENGTH) },
    secretaryCode: await freshCode(ctx, SECRETARY_CODE_LENGTH),
    counts: { secretary: 0, member: 0, resident: 0 },
    createdAt: ctx.now,
    createdBy: ctx.openid,
  }
  if (!(await insertOnce(ctx.db, Collections.branches, branch))) throw MemberErrors.branchExists(input.name)
  return { id: branch._id, name: branch.name, inviteCodes: toInviteCodes(branch), secretaryCode: branch.secretaryCode ?? '' }
}

/** Replaces one of the branch's shared codes; the old one stops working at once. */
export async function rotateInviteCode(input: { kind: 'member' | 'resident' }, ctx: ContextFor<'secretary'>): Promise<InviteCodes> {
  const code = await freshCode(ctx, SHARED_CODE_LENGTH)
  await updateWhere(ctx.db, Collections.branches, { _id: ctx.member.branchId }, { [`inviteCodes.${input.kind}`]: code })
  const branch = await findBranch(ctx.db, ctx.member.branchId)
  if (!branch) throw MemberErrors.branchMissing()
  return toInviteCodes(branch)
}
