import type { Role } from '../contracts/rules/member.rules'
import { Collections } from './collections'
import { findById, type Database, type DocBase } from './db'

/** A person's stored record: one role in one branch (docs/architecture.md "Contract"). `_id` is the openid. */
export interface MemberDoc extends DocBase {
  openid: string
  name: string
  phone: string
  post: string
  avatar: string
  role: Role | null
  branchId: string | null
  joinedAt: Date | null
  updatedAt: Date
}

export interface BranchMemberDoc extends MemberDoc {
  role: Role
  branchId: string
  joinedAt: Date
}

export function isInBranch(member: MemberDoc | null): member is BranchMemberDoc {
  return member !== null && member.branchId !== null && member.role !== null && member.joinedAt !== null
}

export async function loadMember(db: Database, openid: string): Promise<MemberDoc | null> {
  return findById<MemberDoc>(db, Collections.members, openid)
}

/** `ADMIN_OPENIDS` is set in the cloud console per function (comma-separated). */
export function adminOpenids(env: NodeJS.ProcessEnv = process.env): Set<string> {
  return new Set(
    (env.ADMIN_OPENIDS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
}
