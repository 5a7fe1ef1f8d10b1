import { wishReleaseAt, WISH_SATISFACTION_LABELS, type WishSatisfaction } from '../../contracts/rules/wish.rules'
import { notify, type NotifyResult } from '../../shared/notify'
import type { Database } from '../../shared/db'
import { formatBeijing } from '../../shared/time'
import { branchSecretaryOpenids } from '../members/member.repository'
import type { WishDoc } from './wish.repository'

/**
 * The wish's subscribe messages. Each kind has its own template, whose id is a console environment
 * variable of the `wish` function (README, deploy); without one, that kind is not sent. A message is
 * sent after the move it reports is stored and never fails or undoes it (`notify` catches the send,
 * and this module catches the rest). Messages carry the wish's title and fixed words, never anyone's
 * phone, address or a text the content check may still hold.
 */

/** The template variables, one per kind of message. */
export const WISH_TEMPLATES = {
  /** The poster: the secretary approved or rejected (with the reason) their wish. */
  reviewed: 'WISH_REVIEWED_TEMPLATE_ID',
  /** The poster: a member claimed it. */
  claimed: 'WISH_CLAIMED_TEMPLATE_ID',
  /** The poster: the claimer marked it fulfilled, please confirm. */
  fulfilled: 'WISH_FULFILLED_TEMPLATE_ID',
  /** The claimer: the poster (or the secretary on their behalf) confirmed it, or sent it back. */
  confirmed: 'WISH_CONFIRMED_TEMPLATE_ID',
  /** The claimer: no progress for 12 days, released in 2. */
  release: 'WISH_RELEASE_TEMPLATE_ID',
  /** The branch's secretaries: a wish waits for review. */
  toReview: 'WISH_TO_REVIEW_TEMPLATE_ID',
} as const

export type WishMessageKind = keyof typeof WISH_TEMPLATES

/** The wish page the message opens (the client's part of the feature places it in a subpackage). */
export const WISH_PAGE = 'packages/wishes/pages/wish-detail/index'

/** A `thing` field of a subscribe message holds at most 20 characters. */
const thing = (text: string) => ({ value: text.slice(0, 20) })
const phrase = (text: string) => ({ value: text.slice(0, 5) })
const time = (at: Date) => ({ value: formatBeijing(at, 'YYYY年M月D日 HH:mm') })

async function send(kind: WishMessageKind, touser: string | null, wish: WishDoc, data: Record<string, { value: string }>): Promise<NotifyResult> {
  const templateId = process.env[WISH_TEMPLATES[kind]]
  if (!templateId || !touser) return 'off'
  try {
    return await notify({ touser, templateId, page: `${WISH_PAGE}?id=${wish._id}`, data })
  } catch {
    return 'failed'
  }
}

/** The poster: approved (open to members) or rejected, with the secretary's reason. */
export function tellReviewed(wish: WishDoc, now: Date): Promise<NotifyResult> {
  const approved = wish.status === 'open'
  return send('reviewed', wish.posterOpenid, wish, {
    thing1: thing(wish.title),
    phrase2: phrase(approved ? '已通过' : '未通过'),
    thing3: thing(approved ? '已向党员公开，等待认领' : (wish.rejectReason ?? '请查看原因')),
    time4: time(now),
  })
}

export function tellClaimed(wish: WishDoc, now: Date): Promise<NotifyResult> {
  return send('claimed', wish.posterOpenid, wish, {
    thing1: thing(wish.title),
    phrase2: phrase('已认领'),
    thing3: thing('党员已认领，会与您联系'),
    time4: time(now),
  })
}

export function tellFulfilled(wish: WishDoc, now: Date): Promise<NotifyResult> {
  return send('fulfilled', wish.posterOpenid, wish, {
    thing1: thing(wish.title),
    phrase2: phrase('已完成'),
    thing3: thing('请确认心愿是否实现'),
    time4: time(now),
  })
}

/**
 * The claimer: how the wish was confirmed — a satisfaction, the secretary on the poster's behalf, or
 * 不满意 sending it back (the reason is on the wish page: it may wait for the content check).
 */
export function tellConfirmed(wish: WishDoc, now: Date, outcome: WishSatisfaction | 'onBehalf'): Promise<NotifyResult> {
  const returned = wish.status === 'claimed'
  return send('confirmed', wish.claimer?.openid ?? null, wish, {
    thing1: thing(wish.title),
    phrase2: phrase(outcome === 'onBehalf' ? '书记代确认' : WISH_SATISFACTION_LABELS[outcome]),
    thing3: thing(returned ? '心愿人不满意，请查看原因' : '心愿已确认，感谢您的付出'),
    time4: time(now),
  })
}

/** The claimer: released without progress at the instant shown. */
export function tellReleaseSoon(wish: WishDoc, idleSince: Date): Promise<NotifyResult> {
  return send('release', wish.claimer?.openid ?? null, wish, {
    thing1: thing(wish.title),
    time2: { value: formatBeijing(wishReleaseAt(idleSince.getTime()), 'YYYY年M月D日 HH:mm') },
    thing3: thing('认领后无进展，将自动释放'),
  })
}

/** The branch's secretaries: a new wish waits for their review (the 我的 badge is the in-app fallback). */
export async function tellToReview(db: Database, wish: WishDoc, now: Date): Promise<NotifyResult[]> {
  if (!process.env[WISH_TEMPLATES.toReview]) return ['off']
  try {
    const secretaries = await branchSecretaryOpenids(db, wish.branchId)
    return await Promise.all(
      secretaries.map((openid) =>
        send('toReview', openid, wish, {
          thing1: thing(wish.title),
          phrase2: phrase('待审核'),
          thing3: thing(wish.recordedOnBehalf ? '代录的心愿等待审核' : '居民发布的心愿等待审核'),
          time4: time(now),
        }),
      ),
    )
  } catch {
    return ['failed']
  }
}
