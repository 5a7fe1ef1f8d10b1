import type { WishSatisfaction } from '../../contracts/rules/wish.rules'
import type { WishDetail } from '../../contracts/wish.contract'
import type { ContextFor } from '../../shared/router'
import { tellConfirmed } from './wish.messages'
import { newTextKey } from './wish.repository'
import { confirmMove } from './wish.rules'
import { checkedText, detailFor, heldCount, moveWish, viewerOf, wishForAction } from './wish-move.use-case'

interface ConfirmInput {
  wishId: string
  satisfaction: WishSatisfaction
  thanks?: string
  reason?: string
  showProofOnWall: boolean
}

/**
 * The poster (or the beneficiary's recorder) says whether the wish was really fulfilled. 满意 and 基本满意
 * close it; 不满意 sends it back to the claimer with the reason, once — decided on the wish as read in
 * the transaction, so two confirmations racing cannot both send it back or close it twice.
 */
export async function confirmWish(input: ConfirmInput, ctx: ContextFor<'inBranch'>): Promise<WishDetail> {
  const viewer = viewerOf(ctx)
  const wish = await wishForAction(ctx, input.wishId, 'confirm', viewer)
  const [thanks, reason] = await Promise.all([
    input.thanks ? checkedText(ctx, ctx.openid, input.thanks, 'thanks') : Promise.resolve(null),
    input.reason ? checkedText(ctx, ctx.openid, input.reason, 'reason') : Promise.resolve(null),
  ])
  const saved = await moveWish(ctx, {
    wishId: input.wishId,
    move: (w) => confirmMove(input.satisfaction, w.returned),
    actor: wish.recordedOnBehalf ? 'recorder' : 'poster',
    actorOpenid: ctx.openid,
    judged: { action: 'confirm', viewer },
    reason,
    // The thanks is kept only when the wish closes; sent back, it waits for the next confirmation.
    held: (w) => (confirmMove(input.satisfaction, w.returned) === 'confirm' ? heldCount(thanks) : 0),
    satisfaction: input.satisfaction,
    fields: (w) =>
      confirmMove(input.satisfaction, w.returned) === 'return'
        ? { returned: true, idleSince: ctx.now, releaseWarnedAt: null }
        : {
            confirmation: { at: ctx.now, satisfaction: input.satisfaction, thanks, showProofOnWall: input.showProofOnWall, confirmedOnBehalf: false },
            confirmedAt: ctx.now,
          },
  })
  await tellConfirmed(saved, ctx.now, input.satisfaction)
  return detailFor(ctx, saved)
}

/**
 * Nobody confirmed within 7 days of the fulfilment: the branch secretary closes it on the poster's
 * behalf, marked as such, with no satisfaction (nobody said) and no proof on the wall (nobody agreed).
 */
export async function confirmOnBehalf(input: { wishId: string; reason?: string }, ctx: ContextFor<'secretary'>): Promise<WishDetail> {
  const viewer = viewerOf(ctx)
  await wishForAction(ctx, input.wishId, 'confirmOnBehalf', viewer)
  const saved = await moveWish(ctx, {
    wishId: input.wishId,
    move: 'confirmOnBehalf',
    actor: 'secretary',
    actorOpenid: ctx.openid,
    judged: { action: 'confirmOnBehalf', viewer },
    reason: input.reason ? { key: newTextKey(), text: input.reason, status: 'pass', by: ctx.openid, at: ctx.now } : null,
    fields: () => ({
      confirmation: { at: ctx.now, satisfaction: null, thanks: null, showProofOnWall: false, confirmedOnBehalf: true },
      confirmedAt: ctx.now,
    }),
  })
  await tellConfirmed(saved, ctx.now, 'onBehalf')
  return detailFor(ctx, saved)
}
