import { WISH_ACTIVE_CLAIMS_MAX, type WishAction, type WishSatisfaction } from '../../contracts/rules/wish.rules'
import type { WishDetail } from '../../contracts/wish.contract'
import { Collections } from '../../shared/collections'
import { checkText } from '../../shared/content-check'
import { inTransaction, type Database } from '../../shared/db'
import { tempFileUrls } from '../../shared/file-storage'
import type { ContextFor } from '../../shared/router'
import { refusal, WishErrors } from './wish.errors'
import { photoIdsFor, toWishDetail } from './wish.mapper'
import {
  beneficiarySlotId,
  claimerSlotId,
  factsOf,
  findWish,
  newTextKey,
  txBumpStats,
  txSetSlot,
  txSlot,
  txWish,
  wishUpdate,
  type StoredText,
  type TimelineDoc,
  type WishDoc,
} from './wish.repository'
import { judge, moveEffect, relationOf, slotHasRoom, statsDelta, type Viewer, type WishActor, type WishMove } from './wish.rules'

/** What every wish use case needs of its context; the timer's context has it too. */
export interface MoveContext {
  db: Database
  now: Date
}

export function viewerOf(ctx: ContextFor<'inBranch'>): Viewer {
  return { openid: ctx.openid, role: ctx.member.role, branchId: ctx.member.branchId }
}

/**
 * The wish, if `viewer` may do `action` to it now: a quick refusal before any external call (content
 * check, storage). The move itself asks again inside its transaction.
 */
export async function wishForAction(ctx: MoveContext, wishId: string, action: WishAction, viewer: Viewer): Promise<WishDoc> {
  const wish = await findWish(ctx.db, wishId)
  if (!wish) throw WishErrors.notFound()
  const verdict = judge(action, factsOf(wish), viewer, ctx.now.getTime())
  if (verdict !== 'ok') throw refusal(verdict, factsOf(wish), action)
  return wish
}

/**
 * A text others will read, through the content check (docs/architecture.md "Rules that hold
 * everywhere"): `risky` is refused naming `field`, `review` is kept for the secretary to decide.
 */
export async function checkedText(ctx: MoveContext, openid: string, text: string, field: string): Promise<StoredText> {
  const verdict = await checkText(openid, text)
  if (verdict === 'risky') throw WishErrors.textRejected(field)
  return { key: newTextKey(), text, status: verdict, by: openid, at: ctx.now }
}

/** How many of these texts wait for the secretary. */
export function heldCount(...texts: Array<StoredText | null | undefined>): number {
  return texts.filter((t) => t?.status === 'review').length
}

export interface MoveRequest {
  wishId: string
  /** The move, or how to choose it from the wish as read in the transaction (不满意: return or close). */
  move: WishMove | ((w: WishDoc) => WishMove)
  actor: WishActor
  actorOpenid: string | null
  /** The person acting and what they asked to do, judged again in the transaction; null for the timer. */
  judged: { action: WishAction; viewer: Viewer } | null
  /** A further condition on the wish as read in the transaction (the timer: still idle); throws to refuse. */
  guard?: (w: WishDoc) => void
  reason?: StoredText | null
  /** Fields to set besides the state and the record, from the wish as read in the transaction. */
  fields?: (w: WishDoc) => Partial<Omit<WishDoc, '_id'>>
  /** New texts among `fields` the content check held (they join the secretary's queue). */
  held?: number | ((w: WishDoc) => number)
  /** The satisfaction a confirmation counts in the figures. */
  satisfaction?: WishSatisfaction | null
}

/**
 * One move of a wish, in one transaction with what must agree with it (docs/architecture.md "Rules that
 * hold everywhere"): the wish's state and record, the claimer's and the beneficiary's slots (the limits
 * of 3), and the branch's figures. The wish is read inside the transaction and judged as it is then, so
 * of two moves racing on one wish the second is refused as if it came later — which it did.
 */
export async function moveWish(ctx: MoveContext, req: MoveRequest): Promise<WishDoc> {
  const { db, now } = ctx
  return inTransaction(db, async (tx) => {
    const wish = await txWish(tx, req.wishId)
    if (!wish) throw WishErrors.notFound()
    if (req.judged) {
      const verdict = judge(req.judged.action, factsOf(wish), req.judged.viewer, now.getTime())
      if (verdict !== 'ok') throw refusal(verdict, factsOf(wish), req.judged.action)
    }
    req.guard?.(wish)
    const move = typeof req.move === 'function' ? req.move(wish) : req.move
    const effect = moveEffect(move)

    if (effect.claimerSlot) {
      // A claim takes the caller's slot; every other move touches the slot of whoever holds the wish.
      const owner = move === 'claim' ? req.actorOpenid : (wish.claimer?.openid ?? null)
      if (owner) {
        const slotId = claimerSlotId(owner)
        const held = await txSlot(tx, slotId)
        if (effect.claimerSlot === 'add') {
          if (move === 'claim' && !slotHasRoom(held, wish._id, WISH_ACTIVE_CLAIMS_MAX)) throw WishErrors.claimLimit()
          if (!held.includes(wish._id)) await txSetSlot(tx, slotId, [...held, wish._id], now)
        } else if (held.includes(wish._id)) {
          await txSetSlot(tx, slotId, held.filter((id) => id !== wish._id), now)
        }
      }
    }
    if (effect.beneficiarySlot === 'remove') {
      const slotId = beneficiarySlotId(wish.beneficiary.key)
      const held = await txSlot(tx, slotId)
      if (held.includes(wish._id)) await txSetSlot(tx, slotId, held.filter((id) => id !== wish._id), now)
    }

    const entry: TimelineDoc = { at: now, actor: req.actor, actorOpenid: req.actorOpenid, from: wish.status, to: effect.to, reason: req.reason ?? null }
    const fields = req.fields?.(wish) ?? {}
    const reached = wish.reached.includes(effect.to) ? wish.reached : [...wish.reached, effect.to]
    const held = heldCount(req.reason) + (typeof req.held === 'function' ? req.held(wish) : (req.held ?? 0))
    const next: WishDoc = { ...wish, ...fields, status: effect.to, reached, timeline: [...wish.timeline, entry], heldTexts: wish.heldTexts + held, updatedAt: now }
    await tx
      .collection(Collections.wishes)
      .doc(wish._id)
      .update({
        data: {
          ...wishUpdate(db, { ...fields, status: effect.to, reached, updatedAt: now }),
          timeline: db.command.push([entry]),
          ...(held > 0 ? { heldTexts: db.command.inc(held) } : {}),
        },
      })
    const delta = statsDelta({ move, from: wish.status, to: effect.to, reached: wish.reached, category: wish.category, nowMs: now.getTime(), satisfaction: req.satisfaction ?? null })
    await txBumpStats(tx, db, wish.branchId, delta, now)
    return next
  })
}

/** The wish as the caller sees it after their move or on their request, with its photos' URLs. */
export async function detailFor(ctx: ContextFor<'inBranch'>, wish: WishDoc): Promise<WishDetail> {
  const viewer = viewerOf(ctx)
  // After their own move the caller can always see the wish; 'member' is the least they may see.
  const relation = relationOf(factsOf(wish), viewer) ?? 'member'
  const urls = await tempFileUrls(photoIdsFor(wish, relation))
  return toWishDetail(wish, viewer, relation, ctx.now.getTime(), urls)
}
