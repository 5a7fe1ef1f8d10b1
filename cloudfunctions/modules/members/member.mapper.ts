import type {
  BranchSummary,
  InviteCodes,
  JoinRequestRow,
  MemberRow,
  MyJoinRequest,
  Profile,
  WhoamiOutput,
} from '../../contracts/member.contract'
import { isInBranch, type BranchMemberDoc, type MemberDoc } from '../../shared/caller'
import { isoOrNull } from '../../shared/time'
import type { JoinRequestDoc } from './join-request.repository'
import type { BranchDoc } from './member.repository'

/** What the person sees of themself: their own phone included. */
export function toProfile(m: MemberDoc): Profile {
  return {
    openid: m.openid,
    name: m.name,
    phone: m.phone,
    post: m.post,
    avatar: m.avatar,
    role: m.role,
    branchId: m.branchId,
    joinedAt: isoOrNull(m.joinedAt),
  }
}

/** A row of the secretary's list: full name and phone, because the secretary needs to reach people. */
export function toMemberRow(m: BranchMemberDoc): MemberRow {
  return {
    openid: m.openid,
    name: m.name,
    phone: m.phone,
    post: m.post,
    avatar: m.avatar,
    role: m.role,
    joinedAt: m.joinedAt.toISOString(),
  }
}

export function toBranchSummary(b: BranchDoc): BranchSummary {
  return { id: b._id, name: b.name, counts: { ...b.counts } }
}

export function toInviteCodes(b: BranchDoc): InviteCodes {
  return { member: b.inviteCodes.member, resident: b.inviteCodes.resident }
}

/** The person's own request as they see it; approved and withdrawn ones are done with and not shown. */
export function toMyJoinRequest(request: JoinRequestDoc | null, branchName: string): MyJoinRequest | null {
  if (!request || (request.status !== 'pending' && request.status !== 'declined')) return null
  return {
    branchId: request.branchId,
    branchName,
    status: request.status,
    reason: request.reason,
    requestedAt: request.requestedAt.toISOString(),
    decidedAt: isoOrNull(request.decidedAt),
  }
}

/** A row of the secretary's queue; `member` is the person's record, if they have one. */
export function toJoinRequestRow(request: JoinRequestDoc, member: MemberDoc | null): JoinRequestRow {
  return {
    openid: request.openid,
    name: request.name,
    phone: member?.phone ?? '',
    currentRole: isInBranch(member) && member.branchId === request.branchId ? member.role : null,
    requestedAt: request.requestedAt.toISOString(),
  }
}

export interface WhoamiParts {
  member: MemberDoc | null
  branch: BranchDoc | null
  isAdmin: boolean
  request?: { doc: JoinRequestDoc | null; branchName: string }
}

export function toWhoami(openid: string, { member, branch, isAdmin, request }: WhoamiParts): WhoamiOutput {
  const secretary = branch !== null && member?.role === 'secretary'
  return {
    openid,
    profile: member ? toProfile(member) : null,
    branch: branch ? toBranchSummary(branch) : null,
    // Codes are the secretary's to hand out; nobody else receives them.
    inviteCodes: secretary ? toInviteCodes(branch) : null,
    isAdmin,
    joinRequest: request ? toMyJoinRequest(request.doc, request.branchName) : null,
    pendingJoinRequests: secretary ? (branch.pendingJoins ?? 0) : null,
  }
}
