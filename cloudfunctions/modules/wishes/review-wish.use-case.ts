import type { WishDetail } from '../../contracts/wish.contract'
import { Collections } from '../../shared/collections'
import { updateWhere } from '../../shared/db'
import type { ContextFor } from '../../shared/router'
import { WishErrors } from './wish.errors'
import { tellReviewed } from './wish.messages'
import { findWish, newTextKey, type StoredText, type WishDoc } from './wish.repository'
import { detailFor, moveWish, viewerOf, wishForAction } from './wish-move.use-case'

type ReviewInput = { wishId: string; decision: 'approve'; openToAll?: boolean } | { wishId: string; decision: 'reject'; reason: string }

/**
 * The branch secretary's review: approved, the wish is open to the branch's members (or, with
 * `openToAll`, to every branch's, as an open lecture is); rejected, the poster is told why.
 */
export async function reviewWish(input: ReviewInput, ctx: ContextFor<'secretary'>): Promise<WishDetail> {
  const viewer = viewerOf(ctx)
  await wishForAction(ctx, input.wishId, 'review', viewer)
  const common = { wishId: input.wishId, actor: 'secretary' as const, actorOpenid: ctx.openid, judged: { action: 'review' as const, viewer } }
  const saved =
    input.decision === 'approve'
      ? await moveWish(ctx, { ...common, move: 'approve', fields: () => ({ openToAll: input.openToAll === true, openedAt: ctx.now, textHeld: false }) })
      : await moveWish(ctx, {
          ...common,
          move: 'reject',
          // The secretary's own words to the poster: not held by the content check.
          reason: { key: newTextKey(), text: input.reason, status: 'pass', by: ctx.openid, at: ctx.now },
          fields: () => ({ rejectReason: input.reason, textHeld: false }),
        })
  await tellReviewed(saved, ctx.now)
  return detailFor(ctx, saved)
}

/** Where on the wish the text with `key` lives, if it still waits for a decision. */
function heldTextPath(w: WishDoc, key: string): string | null {
  const waiting = (t: StoredText | null | undefined) => t?.key === key && t.status === 'review'
  const p = w.progress.findIndex(waiting)
  if (p >= 0) return `progress.${p}`
  if (waiting(w.fulfilment?.note)) return 'fulfilment.note'
  if (waiting(w.confirmation?.thanks)) return 'confirmation.thanks'
  const t = w.timeline.findIndex((e) => waiting(e.reason))
  return t >= 0 ? `timeline.${t}.reason` : null
}

/**
 * The secretary's decision on a note, thanks or reason the content check held. Addressed by the text's
 * opaque key and conditional on it still waiting with that key, so a decision is made once.
 */
export async function reviewText(input: { wishId: string; key: string; decision: 'pass' | 'reject' }, ctx: ContextFor<'secretary'>): Promise<WishDetail> {
  const wish = await findWish(ctx.db, input.wishId)
  if (!wish || wish.branchId !== ctx.member.branchId) throw WishErrors.notFound()
  const path = heldTextPath(wish, input.key)
  if (!path) throw WishErrors.textDecided()
  const updated = await updateWhere(
    ctx.db,
    Collections.wishes,
    { _id: wish._id, [`${path}.key`]: input.key, [`${path}.status`]: 'review' },
    { [`${path}.status`]: input.decision === 'pass' ? 'pass' : 'rejected', heldTexts: ctx.db.command.inc(-1), updatedAt: ctx.now },
  )
  if (updated === 0) throw WishErrors.textDecided()
  const saved = await findWish(ctx.db, wish._id)
  if (!saved) throw WishErrors.notFound()
  return detailFor(ctx, saved)
}
