import type { Page } from '../../contracts/common.schema'
import type { WishCategory } from '../../contracts/rules/wish.rules'
import type { WishDetail, WishStats, WishView, WishWallEntry } from '../../contracts/wish.contract'
import { decodeCursor, encodeCursor } from '../../shared/cursor'
import { CommonErrors } from '../../shared/errors'
import { tempFileUrls } from '../../shared/file-storage'
import type { ContextFor } from '../../shared/router'
import { WishErrors } from './wish.errors'
import { toWallEntry, toWishStats, toWishView, wallPhotoId } from './wish.mapper'
import { factsOf, findStats, findWish, listBranchQueue, listClaimedBy, listOpenWishes, listPostedBy, listWall, type WishDoc } from './wish.repository'
import { relationOf } from './wish.rules'
import { detailFor, viewerOf } from './wish-move.use-case'

export const DEFAULT_PAGE_SIZE = 10

type SortField = 'postedAt' | 'openedAt' | 'claimedAt' | 'fulfilledAt'

/** The page's rows and, when more follow, the cursor after its last row. */
function paged<T>(rows: WishDoc[], limit: number, field: SortField, map: (w: WishDoc) => T): Page<T> {
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  const t = last?.[field]
  return {
    items: page.map(map),
    ...(rows.length > limit && last && t ? { nextCursor: encodeCursor({ t: t.getTime(), id: last._id }) } : {}),
  }
}

/** A page of wishes as the caller may see them, with their photos' temporary URLs. */
async function viewsOf(ctx: ContextFor<'inBranch'>, rows: WishDoc[], limit: number, field: SortField): Promise<Page<WishView>> {
  const viewer = viewerOf(ctx)
  const urls = await tempFileUrls(rows.slice(0, limit).flatMap((w) => w.photos))
  return paged(rows, limit, field, (w) => toWishView(w, relationOf(factsOf(w), viewer) ?? 'member', ctx.member.branchId, urls))
}

/**
 * `open`: what party members may claim — their branch's open wishes and those opened to every branch.
 * `pending` and `fulfilled`: the branch secretary's queues (to review; awaiting confirmation).
 */
export async function listWishes(
  input: { scope?: 'open' | 'pending' | 'fulfilled'; category?: WishCategory; cursor?: string; limit?: number },
  ctx: ContextFor<'inBranch'>,
): Promise<Page<WishView>> {
  const scope = input.scope ?? 'open'
  const limit = input.limit ?? DEFAULT_PAGE_SIZE
  const after = decodeCursor(input.cursor)
  if (scope === 'open') {
    if (ctx.member.role === 'resident') throw CommonErrors.forbidden('查看待认领的心愿（仅限党员）')
    const rows = await listOpenWishes(ctx.db, { branchId: ctx.member.branchId, category: input.category, after, limit })
    return viewsOf(ctx, rows, limit, 'openedAt')
  }
  if (ctx.member.role !== 'secretary') throw CommonErrors.forbidden('查看审核和确认队列（仅限支部书记）')
  const rows = await listBranchQueue(ctx.db, { branchId: ctx.member.branchId, scope, category: input.category, after, limit })
  return viewsOf(ctx, rows, limit, scope === 'pending' ? 'postedAt' : 'fulfilledAt')
}

/** 我的心愿: the wishes the caller posted or recorded, newest first. */
export async function myWishes(input: { cursor?: string; limit?: number }, ctx: ContextFor<'inBranch'>): Promise<Page<WishView>> {
  const limit = input.limit ?? DEFAULT_PAGE_SIZE
  return viewsOf(ctx, await listPostedBy(ctx.db, ctx.openid, decodeCursor(input.cursor), limit), limit, 'postedAt')
}

/** 我认领的: wishes the caller holds or fulfilled, newest claim first. */
export async function myClaims(input: { cursor?: string; limit?: number }, ctx: ContextFor<'partyMember'>): Promise<Page<WishView>> {
  const limit = input.limit ?? DEFAULT_PAGE_SIZE
  return viewsOf(ctx, await listClaimedBy(ctx.db, ctx.openid, decodeCursor(input.cursor), limit), limit, 'claimedAt')
}

/** One wish with its timeline and the actions the caller can take; not found for anyone who may not see it. */
export async function getWish(input: { wishId: string }, ctx: ContextFor<'inBranch'>): Promise<WishDetail> {
  const wish = await findWish(ctx.db, input.wishId)
  if (!wish || relationOf(factsOf(wish), viewerOf(ctx)) === null) throw WishErrors.notFound()
  return detailFor(ctx, wish)
}

/** The public 圆梦墙: fulfilled wishes of every branch, masked, newest first. */
export async function wishWall(input: { cursor?: string; limit?: number }, ctx: ContextFor<'signedIn'>): Promise<Page<WishWallEntry>> {
  const limit = input.limit ?? DEFAULT_PAGE_SIZE
  const rows = await listWall(ctx.db, decodeCursor(input.cursor), limit)
  const urls = await tempFileUrls(rows.slice(0, limit).flatMap((w) => wallPhotoId(w) ?? []))
  return paged(rows, limit, 'fulfilledAt', (w) => toWallEntry(w, urls))
}

/** The branch's figures, read from the document the moves keep (never recounted). */
export async function wishStats(_input: Record<string, never>, ctx: ContextFor<'secretary'>): Promise<WishStats> {
  return toWishStats(await findStats(ctx.db, ctx.member.branchId))
}
