import { randomBytes } from 'crypto'
import {
  WISH_CATEGORIES,
  WISH_SATISFACTIONS,
  WISH_STATUSES,
  type WishCategory,
  type WishSatisfaction,
  type WishStatus,
} from '../../contracts/rules/wish.rules'
import { Collections } from '../../shared/collections'
import type { Cursor } from '../../shared/cursor'
import { findById, findMany, txGet, type Database, type DocBase, type Tx } from '../../shared/db'
import type { TextStatus, WishActor, WishFacts } from './wish.rules'

/** A text someone wrote on the wish, with the content check's verdict and, until decided, the key the secretary decides it by. */
export interface StoredText {
  key: string
  text: string
  status: TextStatus
  /** The author's openid; never answered. */
  by: string | null
  at: Date
}

/** One move on the wish's record. */
export interface TimelineDoc {
  at: Date
  actor: WishActor
  /** Who acted; kept for the record, never answered (the timeline names the role). */
  actorOpenid: string | null
  from: WishStatus | null
  to: WishStatus
  reason: StoredText | null
}

export interface WishClaimer {
  openid: string
  name: string
  branchId: string
}

export interface WishDoc extends DocBase {
  branchId: string
  branchName: string
  title: string
  description: string
  category: WishCategory
  cost: number
  /** fileIDs under `wish-photos/`; temporary URLs are made per answer, never stored. */
  photos: string[]
  beneficiary: { name: string; phone: string; address: string; neighbourhood: string; key: string }
  posterOpenid: string
  /** 代录: recorded by a member or the secretary for a resident without a phone. */
  recordedOnBehalf: boolean
  status: WishStatus
  openToAll: boolean
  /** The content check held the title or description for the secretary's review. */
  textHeld: boolean
  /** Notes and reasons the content check held that the secretary has not decided yet. */
  heldTexts: number
  /** Every state the wish has been in: the funnel counts a stage once per wish. */
  reached: WishStatus[]
  claimer: WishClaimer | null
  claimedAt: Date | null
  /** Since when the current claim has had no progress (claim, progress note, or 不满意's return). */
  idleSince: Date | null
  /** When the claimer was warned of the coming release, for the current idle spell. */
  releaseWarnedAt: Date | null
  progress: StoredText[]
  fulfilment: { at: Date; note: StoredText; photos: string[] } | null
  confirmation: {
    at: Date
    satisfaction: WishSatisfaction | null
    thanks: StoredText | null
    showProofOnWall: boolean
    confirmedOnBehalf: boolean
  } | null
  /** 不满意 has sent it back once. */
  returned: boolean
  rejectReason: string | null
  timeline: TimelineDoc[]
  postedAt: Date
  openedAt: Date | null
  fulfilledAt: Date | null
  confirmedAt: Date | null
  updatedAt: Date
}

/** The wishes one beneficiary has open, or one member holds as claimer: the limits of 3 are kept here. */
export interface WishSlotDoc extends DocBase {
  wishIds: string[]
  updatedAt: Date
}

/** A branch's figures, moved in the same transaction as the wish they count. `_id` = the branch id. */
export interface WishStatsDoc extends DocBase {
  branchId: string
  funnel: { posted: number; approved: number; claimed: number; fulfilled: number; confirmed: number }
  current: Record<WishStatus, number>
  satisfaction: Record<WishSatisfaction, number>
  confirmedOnBehalf: number
  returned: number
  released: number
  categories: Record<WishCategory, number>
  months: Record<string, { posted?: number; confirmed?: number }>
  updatedAt: Date
}

export function newWishId(): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz'
  let id = 'W'
  for (const b of randomBytes(10)) id += alphabet[b % alphabet.length]
  return id
}

export function newTextKey(): string {
  return randomBytes(8).toString('hex')
}

export const beneficiarySlotId = (key: string) => `beneficiary_${key}`
export const claimerSlotId = (openid: string) => `claimer_${openid}`

export function factsOf(w: WishDoc): WishFacts {
  return {
    branchId: w.branchId,
    status: w.status,
    openToAll: w.openToAll,
    posterOpenid: w.posterOpenid,
    claimerOpenid: w.claimer?.openid ?? null,
    fulfilledAtMs: w.fulfilledAt ? w.fulfilledAt.getTime() : null,
  }
}

export function findWish(db: Database, id: string): Promise<WishDoc | null> {
  return findById<WishDoc>(db, Collections.wishes, id)
}

export function findStats(db: Database, branchId: string): Promise<WishStatsDoc | null> {
  return findById<WishStatsDoc>(db, Collections.wishStats, branchId)
}

type SortField = 'postedAt' | 'openedAt' | 'claimedAt' | 'fulfilledAt' | 'idleSince'

/** One page after a keyset cursor, sorted by `field` then `_id`; one row more than `limit`, to tell if more follow. */
function page(db: Database, where: object[], field: SortField, order: 'asc' | 'desc', after: Cursor | null, limit: number): Promise<WishDoc[]> {
  const _ = db.command
  const conditions = [...where]
  if (after) {
    const t = new Date(after.t)
    const beyond = order === 'asc' ? _.gt : _.lt
    conditions.push(_.or([{ [field]: beyond(t) }, { [field]: t, _id: beyond(after.id) }]))
  }
  return findMany<WishDoc>(
    db.collection(Collections.wishes).where(_.and(conditions)).orderBy(field, order).orderBy('_id', order).limit(limit + 1),
  )
}

/** Open wishes offered to a member: their branch's and those opened to every branch, newest first. */
export function listOpenWishes(
  db: Database,
  options: { branchId: string; category?: WishCategory; after: Cursor | null; limit: number },
): Promise<WishDoc[]> {
  const _ = db.command
  const where: object[] = [{ status: 'open' }, _.or([{ branchId: options.branchId }, { openToAll: true }])]
  if (options.category) where.push({ category: options.category })
  return page(db, where, 'openedAt', 'desc', options.after, options.limit)
}

/** The secretary's queues, oldest first: wishes (or texts on them) to review, and wishes awaiting confirmation. */
export function listBranchQueue(
  db: Database,
  options: { branchId: string; scope: 'pending' | 'fulfilled'; category?: WishCategory; after: Cursor | null; limit: number },
): Promise<WishDoc[]> {
  const _ = db.command
  const where: object[] = [{ branchId: options.branchId }]
  where.push(options.scope === 'pending' ? _.or([{ status: 'pending' }, { heldTexts: _.gt(0) }]) : { status: 'fulfilled' })
  if (options.category) where.push({ category: options.category })
  return page(db, where, options.scope === 'pending' ? 'postedAt' : 'fulfilledAt', 'asc', options.after, options.limit)
}

export function listPostedBy(db: Database, openid: string, after: Cursor | null, limit: number): Promise<WishDoc[]> {
  return page(db, [{ posterOpenid: openid }], 'postedAt', 'desc', after, limit)
}

export function listClaimedBy(db: Database, openid: string, after: Cursor | null, limit: number): Promise<WishDoc[]> {
  return page(db, [{ 'claimer.openid': openid }], 'claimedAt', 'desc', after, limit)
}

/** The 圆梦墙: fulfilled and confirmed wishes of every branch, newest first. */
export function listWall(db: Database, after: Cursor | null, limit: number): Promise<WishDoc[]> {
  const _ = db.command
  return page(db, [{ status: _.in(['fulfilled', 'confirmed']) }], 'fulfilledAt', 'desc', after, limit)
}

/** Every wish of a branch, oldest first: the ledger (台账). */
export function listBranchWishes(db: Database, branchId: string, after: Cursor | null, limit: number): Promise<WishDoc[]> {
  return page(db, [{ branchId }], 'postedAt', 'asc', after, limit)
}

/** Claims idle since `cutoff` or earlier, longest idle first: what the timer warns about or releases. */
export function listIdleClaims(db: Database, cutoff: Date, after: Cursor | null, limit: number): Promise<WishDoc[]> {
  const _ = db.command
  return page(db, [{ status: 'claimed', idleSince: _.lte(cutoff) }], 'idleSince', 'asc', after, limit)
}

/** A wish's fields for `update`: sub-objects and arrays replaced whole (`_.set`), not merged path by path. */
export function wishUpdate(db: Database, fields: Partial<Omit<WishDoc, '_id'>>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(fields)) {
    out[k] = v !== null && typeof v === 'object' && !(v instanceof Date) ? db.command.set(v) : v
  }
  return out
}

export async function txWish(tx: Tx, id: string): Promise<WishDoc | null> {
  return txGet<WishDoc>(tx, Collections.wishes, id)
}

export async function txSlot(tx: Tx, id: string): Promise<string[]> {
  return (await txGet<WishSlotDoc>(tx, Collections.wishSlots, id))?.wishIds ?? []
}

export async function txSetSlot(tx: Tx, id: string, wishIds: string[], now: Date): Promise<void> {
  await tx.collection(Collections.wishSlots).doc(id).set({ data: { wishIds, updatedAt: now } })
}

function emptyStats(branchId: string, now: Date): Omit<WishStatsDoc, '_id'> {
  const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>
  return {
    branchId,
    funnel: { posted: 0, approved: 0, claimed: 0, fulfilled: 0, confirmed: 0 },
    current: zeros(WISH_STATUSES),
    satisfaction: zeros(WISH_SATISFACTIONS),
    confirmedOnBehalf: 0,
    returned: 0,
    released: 0,
    categories: zeros(WISH_CATEGORIES),
    months: {},
    updatedAt: now,
  }
}

/** Adds `n` at a dotted path of a plain document being built. */
function addAt(doc: Record<string, unknown>, path: string, n: number): void {
  const keys = path.split('.')
  let node = doc
  for (const k of keys.slice(0, -1)) {
    const next = node[k]
    if (typeof next !== 'object' || next === null) node[k] = {}
    node = node[k] as Record<string, unknown>
  }
  const last = keys[keys.length - 1] as string
  node[last] = (typeof node[last] === 'number' ? (node[last] as number) : 0) + n
}

/**
 * Moves the branch's figures inside the transaction that moves the wish. The first move of a branch
 * creates its document; later ones increment, so concurrent moves add up.
 */
export async function txBumpStats(tx: Tx, db: Database, branchId: string, delta: Record<string, number>, now: Date): Promise<void> {
  if (Object.keys(delta).length === 0) return
  const ref = tx.collection(Collections.wishStats).doc(branchId)
  if (!(await txGet<WishStatsDoc>(tx, Collections.wishStats, branchId))) {
    const doc = emptyStats(branchId, now) as unknown as Record<string, unknown>
    for (const [path, n] of Object.entries(delta)) addAt(doc, path, n)
    await ref.set({ data: doc })
    return
  }
  const data: Record<string, unknown> = { updatedAt: now }
  for (const [path, n] of Object.entries(delta)) data[path] = db.command.inc(n)
  await ref.update({ data })
}
