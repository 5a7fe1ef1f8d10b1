import type { Profile, WhoamiOutput } from '../../contracts/member.contract'
import { loadMember, type MemberDoc } from '../../shared/caller'
import { Collections } from '../../shared/collections'
import { findById, insertOnce, updateWhere, type Database } from '../../shared/db'
import type { ContextFor } from '../../shared/router'
import { findJoinRequest } from './join-request.repository'
import { MemberErrors } from './member.errors'
import { toProfile, toWhoami } from './member.mapper'
import { findBranch } from './member.repository'

export function whoami(ctx: ContextFor<'signedIn'>): Promise<WhoamiOutput> {
  return whoamiOf(ctx.db, ctx.openid, ctx.member, ctx.isAdmin)
}

/** Who the person is now: their record, branch and their own request to join as 党员 (read fresh). */
export async function whoamiOf(db: Database, openid: string, known: MemberDoc | null | undefined, isAdmin: boolean): Promise<WhoamiOutput> {
  const [member, request] = await Promise.all([known === undefined ? loadMember(db, openid) : known, findJoinRequest(db, openid)])
  const branch = member?.branchId ? await findBranch(db, member.branchId) : null
  const shown = request !== null && (request.status === 'pending' || request.status === 'declined')
  const requestBranch = shown && request.branchId !== branch?._id ? await findBranch(db, request.branchId) : branch
  return toWhoami(openid, { member, branch, isAdmin, request: { doc: request, branchName: requestBranch?.name ?? '' } })
}

export interface ProfileChanges {
  name?: string
  phone?: string
  post?: string
  avatar?: string
}

/** Creates the person's record on first use (no branch yet), otherwise changes only the given fields. */
export async function updateProfile(changes: ProfileChanges, ctx: ContextFor<'signedIn'>): Promise<Profile> {
  const set: Record<string, unknown> = { updatedAt: ctx.now }
  for (const [key, value] of Object.entries(changes)) if (value !== undefined) set[key] = value

  if (!ctx.member) {
    if (!changes.name) throw MemberErrors.nameRequired()
    const created: MemberDoc = {
      _id: ctx.openid,
      openid: ctx.openid,
      name: changes.name,
      phone: changes.phone ?? '',
      post: changes.post ?? '',
      avatar: changes.avatar ?? '',
      role: null,
      branchId: null,
      joinedAt: null,
      updatedAt: ctx.now,
    }
    // A concurrent first save by the same person lands once; the loser falls through to an update.
    if (await insertOnce(ctx.db, Collections.members, created)) return toProfile(created)
  }
  await updateWhere(ctx.db, Collections.members, { _id: ctx.openid }, set)
  const saved = await findById<MemberDoc>(ctx.db, Collections.members, ctx.openid)
  if (!saved) throw MemberErrors.notFound()
  return toProfile(saved)
}
