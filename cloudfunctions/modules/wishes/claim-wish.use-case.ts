import type { WishDetail } from '../../contracts/wish.contract'
import { Collections } from '../../shared/collections'
import { updateWhere } from '../../shared/db'
import { checkOwnFiles } from '../../shared/file-storage'
import type { ContextFor } from '../../shared/router'
import { WishErrors } from './wish.errors'
import { tellClaimed, tellFulfilled } from './wish.messages'
import { findWish } from './wish.repository'
import { checkedText, detailFor, heldCount, moveWish, viewerOf, wishForAction } from './wish-move.use-case'

/**
 * One wish, one claimer: the claim is judged inside the transaction that also takes one of the
 * member's 3 claim slots, so of 50 simultaneous claims one wins and the others are told 已被认领, and
 * claims of different wishes by one member never pass 3.
 */
export async function claimWish(input: { wishId: string }, ctx: ContextFor<'partyMember'>): Promise<WishDetail> {
  const viewer = viewerOf(ctx)
  await wishForAction(ctx, input.wishId, 'claim', viewer)
  const saved = await moveWish(ctx, {
    wishId: input.wishId,
    move: 'claim',
    actor: 'claimer',
    actorOpenid: ctx.openid,
    judged: { action: 'claim', viewer },
    fields: () => ({
      claimer: { openid: ctx.openid, name: ctx.member.name, branchId: ctx.member.branchId },
      claimedAt: ctx.now,
      idleSince: ctx.now,
      releaseWarnedAt: null,
    }),
  })
  await tellClaimed(saved, ctx.now)
  return detailFor(ctx, saved)
}

/**
 * A progress note for the poster. Not a move: one conditional update on "still claimed by the caller",
 * which also restarts the idle clock (and clears its warning) for the timer.
 */
export async function addProgress(input: { wishId: string; note: string }, ctx: ContextFor<'partyMember'>): Promise<WishDetail> {
  const viewer = viewerOf(ctx)
  await wishForAction(ctx, input.wishId, 'addProgress', viewer)
  const note = await checkedText(ctx, ctx.openid, input.note, 'note')
  const _ = ctx.db.command
  const updated = await updateWhere(
    ctx.db,
    Collections.wishes,
    { _id: input.wishId, status: 'claimed', 'claimer.openid': ctx.openid },
    {
      progress: _.push([note]),
      idleSince: ctx.now,
      releaseWarnedAt: null,
      updatedAt: ctx.now,
      ...(note.status === 'review' ? { heldTexts: _.inc(1) } : {}),
    },
  )
  // Lost to a give-back or the timer between the check and the write: say why, as the check would now.
  if (updated === 0) await wishForAction(ctx, input.wishId, 'addProgress', viewer)
  const saved = await findWish(ctx.db, input.wishId)
  if (!saved) throw WishErrors.notFound()
  return detailFor(ctx, saved)
}

/** The claimer gives the wish back with a reason: open again for others, their slot freed. */
export async function giveBack(input: { wishId: string; reason: string }, ctx: ContextFor<'partyMember'>): Promise<WishDetail> {
  const viewer = viewerOf(ctx)
  await wishForAction(ctx, input.wishId, 'giveBack', viewer)
  const reason = await checkedText(ctx, ctx.openid, input.reason, 'reason')
  const saved = await moveWish(ctx, {
    wishId: input.wishId,
    move: 'giveBack',
    actor: 'claimer',
    actorOpenid: ctx.openid,
    judged: { action: 'giveBack', viewer },
    reason,
    fields: () => ({ claimer: null, claimedAt: null, idleSince: null, releaseWarnedAt: null }),
  })
  return detailFor(ctx, saved)
}

/** Fulfilled, with a note and at least one photo under the wish folder (the fileIDs only are stored). */
export async function fulfilWish(input: { wishId: string; note: string; photos: string[] }, ctx: ContextFor<'partyMember'>): Promise<WishDetail> {
  const viewer = viewerOf(ctx)
  await wishForAction(ctx, input.wishId, 'fulfil', viewer)
  await checkOwnFiles(input.photos, 'photos')
  const note = await checkedText(ctx, ctx.openid, input.note, 'note')
  const saved = await moveWish(ctx, {
    wishId: input.wishId,
    move: 'fulfil',
    actor: 'claimer',
    actorOpenid: ctx.openid,
    judged: { action: 'fulfil', viewer },
    held: heldCount(note),
    fields: () => ({ fulfilment: { at: ctx.now, note, photos: [...input.photos] }, fulfilledAt: ctx.now, idleSince: null, releaseWarnedAt: null }),
  })
  await tellFulfilled(saved, ctx.now)
  return detailFor(ctx, saved)
}

/** The poster withdraws a wish not yet claimed; a claim racing it wins or loses whole. */
export async function withdrawWish(input: { wishId: string; reason?: string }, ctx: ContextFor<'inBranch'>): Promise<WishDetail> {
  const viewer = viewerOf(ctx)
  const wish = await wishForAction(ctx, input.wishId, 'withdraw', viewer)
  const reason = input.reason ? await checkedText(ctx, ctx.openid, input.reason, 'reason') : null
  const saved = await moveWish(ctx, {
    wishId: input.wishId,
    move: 'withdraw',
    actor: wish.recordedOnBehalf ? 'recorder' : 'poster',
    actorOpenid: ctx.openid,
    judged: { action: 'withdraw', viewer },
    reason,
  })
  return detailFor(ctx, saved)
}
