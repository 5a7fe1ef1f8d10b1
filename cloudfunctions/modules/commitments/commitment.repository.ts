import { createHash, randomBytes } from 'crypto'
import type { CommitmentFigures } from '../../contracts/commitment.contract'
import type {
  CommitmentBoardStatus,
  CommitmentCategory,
  CommitmentOutcome,
  CommitmentPlanStatus,
  CommitmentSatisfaction,
  SatisfactionCounts,
} from '../../contracts/rules/commitment.rules'
import type { MemberDoc } from '../../shared/caller'
import { Collections } from '../../shared/collections'
import { findById, findMany, insertOnce, updateWhere, type Database, type DocBase } from '../../shared/db'
import { boardIdOf, type PlanFacts } from './commitment.rules'

/** One version of an item's text; a published item's later edits add one each, with its reason. */
export interface ItemVersionDoc {
  version: number
  text: string
  category: CommitmentCategory
  measure: string
  reason: string | null
  at: Date
}

export interface ProgressDoc {
  at: Date
  percent: number
  note: string
  photos: string[]
}

export interface OutcomeDoc {
  outcome: CommitmentOutcome
  evidence: string
  photos: string[]
  reason: string | null
  at: Date
}

export interface ItemDoc {
  itemId: string
  /** Oldest first; the current one last. */
  versions: ItemVersionDoc[]
  /** Oldest first. */
  progress: ProgressDoc[]
  outcome: OutcomeDoc | null
}

/** A member's month. `_id` = `planIdOf(month, openid)`; every write is conditional on `rev`. */
export interface PlanDoc extends DocBase {
  /** The author's openid; never answered. */
  openid: string
  memberKey: string
  branchId: string
  month: string
  /** The author's name at their last write: the board lists plans in this order. */
  name: string
  status: CommitmentPlanStatus
  rev: number
  frozen: boolean
  items: ItemDoc[]
  returnReason: string | null
  submittedAt: Date | null
  publishedAt: Date | null
  updatedAt: Date
  createdAt: Date
  /** Kept by `rate` in the same transaction as the rating it counts. */
  satisfaction: SatisfactionCounts
  /** Kept at the close. */
  figures: CommitmentFigures | null
}

/** A branch's month. `_id` = `boardIdOf(branchId, month)`; written by publish and close only. */
export interface BoardDoc extends DocBase {
  branchId: string
  month: string
  status: CommitmentBoardStatus
  publishedAt: Date | null
  closedAt: Date | null
  figures: CommitmentFigures | null
  /** Published plans, kept at the close. */
  plans: number
  updatedAt: Date
}

/** 亮身份. `_id` = openid. Name, avatar and role come from `members`. */
export interface CardDoc extends DocBase {
  branchId: string
  photo: string | null
  post: string
  phone: string
  showPhone: boolean
  updatedAt: Date
}

/** 亮职责. `_id` = branchId. */
export interface PanelDoc extends DocBase {
  responsibilities: string[]
  tasks: string[]
  process: string[]
  hotline: string
  updatedAt: Date
}

/** 群众评议. `_id` = `<planId>_<raterKey>`; the openid is kept so its author can revise it, and never answered. */
export interface RatingDoc extends DocBase {
  planId: string
  branchId: string
  month: string
  openid: string
  satisfaction: CommitmentSatisfaction
  comment: string | null
  commentHeld: boolean
  commentRejected: boolean
  replies: Array<{ at: Date; by: 'member' | 'secretary'; text: string }>
  at: Date
}

/** A rater's key on one plan: unlinkable across plans, and the rating's public id. */
export function raterKeyOf(planId: string, openid: string): string {
  return createHash('sha256').update(`${planId}:${openid}`).digest('hex').slice(0, 12)
}

export function ratingDocId(planId: string, openid: string): string {
  return `${planId}_${raterKeyOf(planId, openid)}`
}

const ITEM_ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'

/** A fresh item id, unlike any already in the plan. */
export function newItemId(taken: ReadonlySet<string>): string {
  for (;;) {
    let id = ''
    for (const b of randomBytes(6)) id += ITEM_ID_ALPHABET[b % ITEM_ID_ALPHABET.length]
    if (!taken.has(id)) return id
  }
}

export function currentVersion(item: ItemDoc): ItemVersionDoc {
  return item.versions[item.versions.length - 1] as ItemVersionDoc
}

export function factsOf(plan: PlanDoc, board: BoardDoc | null): PlanFacts {
  return {
    branchId: plan.branchId,
    ownerOpenid: plan.openid,
    month: plan.month,
    status: plan.status,
    frozen: plan.frozen,
    boardPublished: board !== null && board.publishedAt !== null,
  }
}

export function findPlan(db: Database, planId: string): Promise<PlanDoc | null> {
  return findById<PlanDoc>(db, Collections.commitmentPlans, planId)
}

export function findBoard(db: Database, branchId: string, month: string): Promise<BoardDoc | null> {
  return findById<BoardDoc>(db, Collections.commitmentBoards, boardIdOf(branchId, month))
}

export function findPanel(db: Database, branchId: string): Promise<PanelDoc | null> {
  return findById<PanelDoc>(db, Collections.commitmentPanels, branchId)
}

export function findRating(db: Database, planId: string, openid: string): Promise<RatingDoc | null> {
  return findById<RatingDoc>(db, Collections.commitmentRatings, ratingDocId(planId, openid))
}

/** Member records and cards of these people, by openid (both read by `_id`). */
export async function findPeople(db: Database, openids: readonly string[]): Promise<{ members: Map<string, MemberDoc>; cards: Map<string, CardDoc> }> {
  const ids = [...new Set(openids)]
  if (ids.length === 0) return { members: new Map(), cards: new Map() }
  const _ = db.command
  const [members, cards] = await Promise.all([
    findMany<MemberDoc>(db.collection(Collections.members).where({ _id: _.in(ids) }).limit(ids.length)),
    findMany<CardDoc>(db.collection(Collections.commitmentCards).where({ _id: _.in(ids) }).limit(ids.length)),
  ])
  return { members: new Map(members.map((m) => [m._id, m])), cards: new Map(cards.map((c) => [c._id, c])) }
}

/** The SDK's most rows per call: a branch's plans of one month fit (a branch is far smaller). */
const MAX_ROWS = 1000

/**
 * Published plans of a branch's month in board order (name, then id), one row more than `limit` to tell
 * if more follow. `after` is the last row shown.
 */
export function listPublishedPlans(db: Database, branchId: string, month: string, after: { name: string; id: string } | null, limit = MAX_ROWS - 1): Promise<PlanDoc[]> {
  const _ = db.command
  const where: object[] = [{ branchId, month, status: 'published' }]
  if (after) where.push(_.or([{ name: _.gt(after.name) }, { name: after.name, _id: _.gt(after.id) }]))
  return findMany<PlanDoc>(
    db.collection(Collections.commitmentPlans).where(_.and(where)).orderBy('name', 'asc').orderBy('_id', 'asc').limit(limit + 1),
  )
}

/** Every plan of a branch's month, whatever its state (the secretary's figures, the close). */
export function listMonthPlans(db: Database, branchId: string, month: string): Promise<PlanDoc[]> {
  return findMany<PlanDoc>(db.collection(Collections.commitmentPlans).where({ branchId, month }).orderBy('_id', 'asc').limit(MAX_ROWS))
}

/** The secretary's queue: submitted plans of these months, oldest submission first. */
export function listSubmitted(db: Database, branchId: string, months: readonly string[], after: { t: number; id: string } | null, limit: number): Promise<PlanDoc[]> {
  const _ = db.command
  const where: object[] = [{ branchId, status: 'submitted', month: months.length === 1 ? months[0] : _.in([...months]) }]
  if (after) {
    const t = new Date(after.t)
    where.push(_.or([{ submittedAt: _.gt(t) }, { submittedAt: t, _id: _.gt(after.id) }]))
  }
  return findMany<PlanDoc>(
    db.collection(Collections.commitmentPlans).where(_.and(where)).orderBy('submittedAt', 'asc').orderBy('_id', 'asc').limit(limit + 1),
  )
}

/** A branch's boards, newest month first, after the month `after` (exclusive). */
export function listBoards(db: Database, branchId: string, after: string | null, limit: number): Promise<BoardDoc[]> {
  const _ = db.command
  const where: object[] = [{ branchId }]
  if (after) where.push({ month: _.lt(after) })
  return findMany<BoardDoc>(
    db.collection(Collections.commitmentBoards).where(_.and(where)).orderBy('month', 'desc').orderBy('_id', 'desc').limit(limit + 1),
  )
}

/** Plans not yet frozen of months up to `lastDueMonth`: what the timer must close. */
export function listUnfrozenUpTo(db: Database, lastDueMonth: string, limit: number): Promise<PlanDoc[]> {
  const _ = db.command
  return findMany<PlanDoc>(
    db
      .collection(Collections.commitmentPlans)
      .where({ frozen: false, month: _.lte(lastDueMonth) })
      .orderBy('month', 'asc')
      .orderBy('_id', 'asc')
      .limit(limit),
  )
}

/** Boards not yet closed of months up to `lastDueMonth`. */
export function listOpenBoardsUpTo(db: Database, lastDueMonth: string, limit: number): Promise<BoardDoc[]> {
  const _ = db.command
  return findMany<BoardDoc>(
    db
      .collection(Collections.commitmentBoards)
      .where({ status: _.in(['unpublished', 'published']), month: _.lte(lastDueMonth) })
      .orderBy('month', 'asc')
      .orderBy('_id', 'asc')
      .limit(limit),
  )
}

/** A plan's fields for `update`: sub-objects and arrays replaced whole (`_.set`), not merged path by path. */
function planUpdate(db: Database, fields: Partial<Omit<PlanDoc, '_id'>>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(fields)) {
    out[k] = v !== null && typeof v === 'object' && !(v instanceof Date) ? db.command.set(v) : v
  }
  return out
}

/**
 * Writes `fields` to the plan only if it is still at revision `rev`, moving it to `rev + 1`: of two
 * writes from the same read, one wins and the other learns it lost (docs/architecture.md "Commitment months").
 */
export async function updatePlanAt(db: Database, plan: PlanDoc, fields: Partial<Omit<PlanDoc, '_id' | 'rev'>>): Promise<boolean> {
  const data = { ...planUpdate(db, fields), rev: plan.rev + 1 }
  return (await updateWhere(db, Collections.commitmentPlans, { _id: plan._id, rev: plan.rev }, data)) === 1
}

export function insertPlan(db: Database, plan: PlanDoc): Promise<boolean> {
  return insertOnce(db, Collections.commitmentPlans, plan)
}

/** The board document of a branch's month, created unpublished the first time it is needed. */
export async function ensureBoard(db: Database, branchId: string, month: string, now: Date): Promise<BoardDoc> {
  const doc: BoardDoc = { _id: boardIdOf(branchId, month), branchId, month, status: 'unpublished', publishedAt: null, closedAt: null, figures: null, plans: 0, updatedAt: now }
  if (await insertOnce(db, Collections.commitmentBoards, doc)) return doc
  return (await findBoard(db, branchId, month)) ?? doc
}

/** A conditional update of a board: answers whether it was still in `from`. */
export async function moveBoard(db: Database, board: BoardDoc, from: readonly CommitmentBoardStatus[], fields: Partial<Omit<BoardDoc, '_id'>>): Promise<boolean> {
  const _ = db.command
  const data: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(fields)) data[k] = v !== null && typeof v === 'object' && !(v instanceof Date) ? _.set(v) : v
  return (await updateWhere(db, Collections.commitmentBoards, { _id: board._id, status: from.length === 1 ? from[0] : _.in([...from]) }, data)) === 1
}
