import type { BranchSummary, InviteCodes, MemberRow, Profile, WhoamiOutput } from '../../contracts/member.contract'
import type { BranchMemberDoc, MemberDoc } from '../../shared/caller'
import { isoOrNull } from '../../shared/time'
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

export function toWhoami(openid: string, member: MemberDoc | null, branch: BranchDoc | null, isAdmin: boolean): WhoamiOutput {
  return {
    openid,
    profile: member ? toProfile(member) : null,
    branch: branch ? toBranchSummary(branch) : null,
    // Codes are the secretary's to hand out; nobody else receives them.
    inviteCodes: branch && member?.role === 'secretary' ? toInviteCodes(branch) : null,
    isAdmin,
  }
}
