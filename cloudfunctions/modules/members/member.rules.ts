import type { Role } from '../../contracts/rules/member.rules'

export interface BranchCodes {
  inviteCodes: { member: string; resident: string }
  secretaryCode: string | null
}

/** Which role a code grants in a branch, or null when it is none of the branch's codes. */
export function roleForCode(branch: BranchCodes, code: string): Role | null {
  if (branch.secretaryCode !== null && branch.secretaryCode === code) return 'secretary'
  if (branch.inviteCodes.member === code) return 'member'
  if (branch.inviteCodes.resident === code) return 'resident'
  return null
}

export type RoleCounts = Record<Role, number>

/** How branch counts move when a person goes from `from` to `to` (null = not in the branch). */
export function countDelta(from: Role | null, to: Role | null): Partial<RoleCounts> {
  if (from === to) return {}
  const delta: Partial<RoleCounts> = {}
  if (from) delta[from] = -1
  if (to) delta[to] = (delta[to] ?? 0) + 1
  return delta
}

/**
 * A branch must keep one secretary: refuse a change that takes the last one away.
 * `secretaries` is the branch's current secretary count.
 */
export function wouldRemoveLastSecretary(from: Role, to: Role, secretaries: number): boolean {
  return from === 'secretary' && to !== 'secretary' && secretaries <= 1
}

/**
 * What a code does for this person: `join` at once (the resident and the secretary code, for someone in
 * no branch); `request` to be 党员 (the member code, for someone in no branch or a 群众 of that branch),
 * which the secretary decides; `refuse` anything else (they are in a branch already).
 */
export function joinByCode(
  person: { branchId: string | null; role: Role | null } | null,
  branchId: string | null,
  role: Role | null,
): 'join' | 'request' | 'refuse' {
  const inBranch = person !== null && person.branchId !== null && person.role !== null
  if (role === 'member') return !inBranch || (person.branchId === branchId && person.role === 'resident') ? 'request' : 'refuse'
  return inBranch ? 'refuse' : 'join'
}
