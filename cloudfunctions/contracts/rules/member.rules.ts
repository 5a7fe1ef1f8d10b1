/** The member contract's fixed values: roles and their names, profile limits, invite codes. */

export const ROLES = ['secretary', 'member', 'resident'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  secretary: '书记',
  member: '党员',
  resident: '群众',
}

export const MEMBER_NAME_MAX = 20
export const MEMBER_POST_MAX = 30
export const BRANCH_NAME_MAX = 40

/** The single-use secretary code is longer than the shared codes, so the two can never collide. */
export const SHARED_CODE_LENGTH = 6
export const SECRETARY_CODE_LENGTH = 8
/** Any code a person may type: a shared one or the secretary's, upper case. */
export const INVITE_CODE_PATTERN = new RegExp(`^[A-Z0-9]{${SHARED_CODE_LENGTH},${SECRETARY_CODE_LENGTH}}$`)

/** The codes a secretary hands out (and may rotate): one per role that joins by code. */
export const INVITE_CODE_KINDS = ['member', 'resident'] as const

/**
 * Joining as 党员 waits for the branch secretary (a member code is shared in chat groups); joining as
 * 群众 is immediate. A request's life: pending → approved | declined | withdrawn (by the person).
 */
export const JOIN_REQUEST_STATUSES = ['pending', 'approved', 'declined', 'withdrawn'] as const
export type JoinRequestStatus = (typeof JOIN_REQUEST_STATUSES)[number]

export const JOIN_REQUEST_STATUS_LABELS: Record<JoinRequestStatus, string> = {
  pending: '待书记确认',
  approved: '已确认',
  declined: '未通过',
  withdrawn: '已撤回',
}

export const JOIN_DECISIONS = ['approve', 'decline'] as const
export type JoinDecision = (typeof JOIN_DECISIONS)[number]

/** The roles that may be linked as a lecture's speaker from the member list: 党员 and the secretary. */
export const SPEAKER_ROLES: readonly Role[] = ['secretary', 'member']

export function canSpeak(role: Role | null): boolean {
  return role !== null && SPEAKER_ROLES.includes(role)
}
