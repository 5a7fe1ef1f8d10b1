import type { Role } from '../../contracts/rules/member.rules'
import type { MemberDoc } from '../../shared/caller'
import { Collections } from '../../shared/collections'
import { escapePattern, findById, findMany, type Database, type DocBase, type Tx } from '../../shared/db'
import { decodeCursor } from '../../shared/cursor'
import type { RoleCounts } from './member.rules'

export interface BranchDoc extends DocBase {
  name: string
  inviteCodes: { member: string; resident: string }
  /** Single use; cleared once someone has joined with it. */
  secretaryCode: string | null
  counts: RoleCounts
  /** Requests to join as 党员 waiting for the secretary; moved with each request (absent reads as 0). */
  pendingJoins?: number
  createdAt: Date
  createdBy: string
}

export function findBranch(db: Database, id: string): Promise<BranchDoc | null> {
  return findById<BranchDoc>(db, Collections.branches, id)
}

/** The openids of a branch's secretaries (a branch has one, rarely a few), for their messages. */
export async function branchSecretaryOpenids(db: Database, branchId: string): Promise<string[]> {
  const rows = await findMany<MemberDoc>(db.collection(Collections.members).where({ branchId, role: 'secretary' }).limit(10))
  return rows.map((m) => m._id)
}

/** The branch any of whose codes equals `code` (codes are unique across branches). */
export async function findBranchByCode(db: Database, code: string): Promise<BranchDoc | null> {
  const _ = db.command
  const rows = await findMany<BranchDoc>(
    db
      .collection(Collections.branches)
      .where(_.or([{ 'inviteCodes.member': code }, { 'inviteCodes.resident': code }, { secretaryCode: code }]))
      .limit(1),
  )
  return rows[0] ?? null
}

export async function findBranchByName(db: Database, name: string): Promise<BranchDoc | null> {
  const rows = await findMany<BranchDoc>(db.collection(Collections.branches).where({ name }).limit(1))
  return rows[0] ?? null
}

export async function codeInUse(db: Database, code: string): Promise<boolean> {
  return (await findBranchByCode(db, code)) !== null
}

export async function listBranchMembers(
  db: Database,
  branchId: string,
  options: { role?: Role; roles?: readonly Role[]; cursor?: string; limit: number },
): Promise<MemberDoc[]> {
  const _ = db.command
  const conditions: object[] = [{ branchId }]
  if (options.role) conditions.push({ role: options.role })
  if (options.roles) conditions.push({ role: _.in([...options.roles]) })
  const after = decodeCursor(options.cursor)
  if (after) {
    // Keyset pagination: rows strictly after the last one shown, in (joinedAt desc, _id desc) order,
    // so people joining while a secretary scrolls neither repeat nor vanish.
    const at = new Date(after.t)
    conditions.push(_.or([{ joinedAt: _.lt(at) }, { joinedAt: at, _id: _.lt(after.id) }]))
  }
  return findMany<MemberDoc>(
    db
      .collection(Collections.members)
      .where(_.and(conditions))
      .orderBy('joinedAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(options.limit + 1),
  )
}

/** Applies a role-count change inside a transaction (`_.inc` keeps concurrent changes additive). */
export async function applyCountDelta(tx: Tx, db: Database, branchId: string, delta: Partial<RoleCounts>): Promise<void> {
  const _ = db.command
  const data: Record<string, unknown> = {}
  for (const [role, n] of Object.entries(delta)) if (n) data[`counts.${role}`] = _.inc(n)
  if (Object.keys(data).length === 0) return
  await tx.collection(Collections.branches).doc(branchId).update({ data })
}

/**
 * People in a branch a secretary may add to a lecture, `_id` keyset: of `branchId` whose name contains
 * `search` (literally), and — with `exactName` — anyone whose name is exactly that (another branch's
 * visitor; a part of a name would list other branches' members). Index: members name_id_branch
 * (cloudbaserc.json) for the exact match, branch_id_name for the branch's own.
 */
export function memberCandidates(
  db: Database,
  options: { branchId: string; search?: string; exactName?: string; after: string | null; limit: number },
): Promise<MemberDoc[]> {
  const _ = db.command
  const own: Record<string, unknown> = { branchId: options.branchId }
  if (options.search) own.name = db.RegExp({ regexp: escapePattern(options.search), options: 'i' })
  const who = options.exactName ? _.or([own, { name: options.exactName, branchId: _.neq(null) }]) : own
  const conditions: object[] = [who]
  if (options.after) conditions.push({ _id: _.gt(options.after) })
  return findMany<MemberDoc>(db.collection(Collections.members).where(_.and(conditions)).orderBy('_id', 'asc').limit(options.limit))
}
