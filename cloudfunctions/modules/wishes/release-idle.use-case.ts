import { WISH_IDLE_RELEASE_DAYS } from '../../contracts/rules/wish.rules'
import type { ReleaseIdleResult } from '../../contracts/wish.contract'
import { Collections } from '../../shared/collections'
import type { Cursor } from '../../shared/cursor'
import { AppError } from '../../shared/errors'
import type { TimerContext } from '../../shared/router'
import { updateWhere } from '../../shared/db'
import { WishErrors } from './wish.errors'
import { tellReleaseSoon } from './wish.messages'
import { listIdleClaims, newTextKey, type WishDoc } from './wish.repository'
import { idleCutoff, idleStep } from './wish.rules'
import { moveWish } from './wish-move.use-case'

const PAGE = 50
/** Per firing; the rest wait for the next one (the trigger fires again within the hour). */
const MAX_PER_RUN = 500

/**
 * The timer: a claim with no progress for 14 days goes back to open, and its claimer is warned 2 days
 * before. Both are conditional on the claim being as read — still claimed, idle since the same instant,
 * not yet warned — so a trigger fired twice (or two overlapping runs) releases and warns exactly once.
 */
export async function releaseIdle(_input: Record<string, never>, ctx: TimerContext): Promise<ReleaseIdleResult> {
  const cutoff = new Date(idleCutoff(ctx.now.getTime()))
  let after: Cursor | null = null
  let seen = 0
  const result: ReleaseIdleResult = { released: 0, warned: 0 }
  while (seen < MAX_PER_RUN) {
    const rows = await listIdleClaims(ctx.db, cutoff, after, PAGE)
    const page = rows.slice(0, PAGE)
    for (const wish of page) {
      const step = wish.idleSince ? idleStep(wish.idleSince.getTime(), wish.releaseWarnedAt?.getTime() ?? null, ctx.now.getTime()) : 'none'
      if (step === 'release' && (await release(ctx, wish))) result.released += 1
      if (step === 'warn' && (await warn(ctx, wish))) result.warned += 1
    }
    seen += page.length
    const last = page[page.length - 1]
    if (rows.length <= PAGE || !last?.idleSince) break
    after = { t: last.idleSince.getTime(), id: last._id }
  }
  return result
}

async function release(ctx: TimerContext, wish: WishDoc): Promise<boolean> {
  const idleSince = wish.idleSince?.getTime()
  try {
    await moveWish(ctx, {
      wishId: wish._id,
      move: 'release',
      actor: 'system',
      actorOpenid: null,
      judged: null,
      guard: (w) => {
        // Progress, a give-back, a fulfilment or another run got there first: nothing to release.
        if (w.status !== 'claimed' || w.idleSince?.getTime() !== idleSince) throw WishErrors.wrongState(w.status, '自动释放')
      },
      reason: { key: newTextKey(), text: `${WISH_IDLE_RELEASE_DAYS} 天没有进展，自动释放`, status: 'pass', by: null, at: ctx.now },
      fields: () => ({ claimer: null, claimedAt: null, idleSince: null, releaseWarnedAt: null }),
    })
    return true
  } catch (err) {
    if (err instanceof AppError) return false
    throw err
  }
}

/**
 * Marks the warning on the wish first (conditional: once per idle spell), then sends it if a template
 * is configured; a send that fails gives the mark back so the next run tries again.
 */
async function warn(ctx: TimerContext, wish: WishDoc): Promise<boolean> {
  if (!wish.idleSince || !wish.claimer) return false
  const where = { _id: wish._id, status: 'claimed', idleSince: wish.idleSince, releaseWarnedAt: null }
  if ((await updateWhere(ctx.db, Collections.wishes, where, { releaseWarnedAt: ctx.now })) === 0) return false
  const sent = await tellReleaseSoon(wish, wish.idleSince)
  if (sent === 'failed') {
    await updateWhere(ctx.db, Collections.wishes, { _id: wish._id, releaseWarnedAt: ctx.now }, { releaseWarnedAt: null })
    return false
  }
  return true
}
