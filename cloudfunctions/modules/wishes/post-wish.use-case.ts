import { WISH_OPEN_PER_BENEFICIARY, type WishCategory } from '../../contracts/rules/wish.rules'
import type { WishDetail } from '../../contracts/wish.contract'
import { Collections } from '../../shared/collections'
import { inTransaction } from '../../shared/db'
import { checkOwnFiles } from '../../shared/file-storage'
import type { ContextFor } from '../../shared/router'
import { MemberErrors } from '../members/member.errors'
import { findBranch } from '../members/member.repository'
import { WishErrors } from './wish.errors'
import { tellToReview } from './wish.messages'
import { beneficiarySlotId, newWishId, txBumpStats, txSetSlot, txSlot, type TimelineDoc, type WishDoc } from './wish.repository'
import { beneficiaryKey, moveEffect, slotHasRoom, statsDelta } from './wish.rules'
import { checkedText, detailFor } from './wish-move.use-case'

export interface PostInput {
  title: string
  description: string
  category: WishCategory
  cost: number
  photos?: string[]
  phone: string
  address: string
  neighbourhood: string
  onBehalfOf?: { name: string }
}

/**
 * A resident posts a wish for themself; a member or the secretary records one for a resident who has no
 * phone (代录), naming them. It waits for the secretary's review; the beneficiary's slot (at most 3 not
 * yet closed) is taken in the same transaction that stores it, so a burst of posts cannot pass 3.
 */
export async function postWish(input: PostInput, ctx: ContextFor<'inBranch'>): Promise<WishDetail> {
  const resident = ctx.member.role === 'resident'
  if (resident && input.onBehalfOf) throw WishErrors.onBehalfForbidden()
  if (!resident && !input.onBehalfOf) throw WishErrors.onBehalfRequired()
  const name = input.onBehalfOf?.name ?? ctx.member.name
  const photos = input.photos ?? []

  const branch = await findBranch(ctx.db, ctx.member.branchId)
  if (!branch) throw MemberErrors.branchMissing()
  await checkOwnFiles(photos, 'photos')
  // Checked before the transaction: a slow external call must hold no lock.
  const [title, description] = await Promise.all([
    checkedText(ctx, ctx.openid, input.title, 'title'),
    checkedText(ctx, ctx.openid, input.description, 'description'),
  ])

  const key = beneficiaryKey(branch._id, name, input.phone)
  const actor = input.onBehalfOf ? 'recorder' : 'poster'
  const entry: TimelineDoc = { at: ctx.now, actor, actorOpenid: ctx.openid, from: null, to: 'pending', reason: null }
  const wish: WishDoc = {
    _id: newWishId(),
    branchId: branch._id,
    branchName: branch.name,
    title: input.title,
    description: input.description,
    category: input.category,
    cost: input.cost,
    photos,
    beneficiary: { name, phone: input.phone, address: input.address, neighbourhood: input.neighbourhood, key },
    posterOpenid: ctx.openid,
    recordedOnBehalf: input.onBehalfOf !== undefined,
    status: moveEffect('post').to,
    openToAll: false,
    // Nothing reaches members before review; a held text is pointed out to the secretary who reviews it.
    textHeld: title.status === 'review' || description.status === 'review',
    heldTexts: 0,
    reached: ['pending'],
    claimer: null,
    claimedAt: null,
    idleSince: null,
    releaseWarnedAt: null,
    progress: [],
    fulfilment: null,
    confirmation: null,
    returned: false,
    rejectReason: null,
    timeline: [entry],
    postedAt: ctx.now,
    openedAt: null,
    fulfilledAt: null,
    confirmedAt: null,
    updatedAt: ctx.now,
  }

  await inTransaction(ctx.db, async (tx) => {
    const slotId = beneficiarySlotId(key)
    const held = await txSlot(tx, slotId)
    if (!slotHasRoom(held, wish._id, WISH_OPEN_PER_BENEFICIARY)) throw WishErrors.openLimit()
    await txSetSlot(tx, slotId, [...held, wish._id], ctx.now)
    const { _id, ...data } = wish
    await tx.collection(Collections.wishes).doc(_id).set({ data })
    const delta = statsDelta({ move: 'post', from: null, to: 'pending', reached: [], category: wish.category, nowMs: ctx.now.getTime() })
    await txBumpStats(tx, ctx.db, branch._id, delta, ctx.now)
  })
  await tellToReview(ctx.db, wish, ctx.now)
  return detailFor(ctx, wish)
}
