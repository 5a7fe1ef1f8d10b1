/**
 * The wish contract's fixed values (微心愿): categories, states and their Chinese names, limits, and the
 * windows of a claim. The schemas are built from these and the client shows them; no zod here.
 */

const DAY_MS = 24 * 60 * 60 * 1000

export const WISH_CATEGORIES = ['study', 'supplies', 'repair', 'company', 'medical', 'other'] as const
export type WishCategory = (typeof WISH_CATEGORIES)[number]
export const WISH_CATEGORY_LABELS: Record<WishCategory, string> = {
  study: '学习用品',
  supplies: '生活物资',
  repair: '家政维修',
  company: '陪伴关爱',
  medical: '就医出行',
  other: '其他',
}

/**
 * pending → open → claimed → fulfilled → confirmed; rejected and withdrawn end it early. A claim given
 * back (or released when idle) goes from claimed to open again; 不满意 sends a fulfilled wish back to
 * claimed, once.
 */
export const WISH_STATUSES = ['pending', 'open', 'claimed', 'fulfilled', 'confirmed', 'rejected', 'withdrawn'] as const
export type WishStatus = (typeof WISH_STATUSES)[number]
export const WISH_STATUS_LABELS: Record<WishStatus, string> = {
  pending: '待审核',
  open: '待认领',
  claimed: '已认领',
  fulfilled: '待确认',
  confirmed: '已圆梦',
  rejected: '未通过',
  withdrawn: '已撤回',
}

export const WISH_SATISFACTIONS = ['satisfied', 'basic', 'unsatisfied'] as const
export type WishSatisfaction = (typeof WISH_SATISFACTIONS)[number]
export const WISH_SATISFACTION_LABELS: Record<WishSatisfaction, string> = {
  satisfied: '满意',
  basic: '基本满意',
  unsatisfied: '不满意',
}

/** What a viewer may do with a wish: the detail page offers these, the function checks them again. */
export const WISH_ACTIONS = ['review', 'withdraw', 'claim', 'addProgress', 'giveBack', 'fulfil', 'confirm', 'confirmOnBehalf'] as const
export type WishAction = (typeof WISH_ACTIONS)[number]
export const WISH_ACTION_LABELS: Record<WishAction, string> = {
  review: '审核',
  withdraw: '撤回',
  claim: '认领',
  addProgress: '记录进展',
  giveBack: '交还',
  fulfil: '标记完成',
  confirm: '确认完成',
  confirmOnBehalf: '代为确认',
}

export const WISH_TITLE_MAX = 30
export const WISH_DESCRIPTION_MAX = 500
/** Yuan, whole: a micro-wish is small by definition. */
export const WISH_COST_MAX = 300
export const WISH_PHOTOS_MAX = 3
export const WISH_NAME_MAX = 20
export const WISH_ADDRESS_MAX = 60
export const WISH_NEIGHBOURHOOD_MAX = 30
/** Progress notes and the note that comes with the proof. */
export const WISH_NOTE_MAX = 300
export const WISH_THANKS_MAX = 200
/** A reason given for a rejection, a withdrawal, a give-back or 不满意. */
export const WISH_REASON_MAX = 100

/** Wishes of one person not yet closed (in review, open, claimed or awaiting confirmation). */
export const WISH_OPEN_PER_BENEFICIARY = 3
/** Wishes one member holds as claimer at once. */
export const WISH_ACTIVE_CLAIMS_MAX = 3
/** A claim with no progress for this long is released by the timer... */
export const WISH_IDLE_RELEASE_DAYS = 14
/** ...and the claimer is warned this long before. */
export const WISH_IDLE_WARNING_DAYS = 2
/** After this long unconfirmed, the branch secretary may confirm on the poster's behalf. */
export const WISH_CONFIRM_DAYS = 7

/** Where the client uploads wish photos and proof; the server refuses a fileID outside it. */
export const WISH_PHOTO_FOLDER = 'wish-photos/'

/** `W` and 10 lower-case letters or digits. */
export const WISH_ID_PATTERN = /^W[0-9a-z]{10}$/

/** When a claim idle since `idleSinceMs` is released (exact instants, epoch ms). */
export function wishReleaseAt(idleSinceMs: number): number {
  return idleSinceMs + WISH_IDLE_RELEASE_DAYS * DAY_MS
}

/** When the claimer of a claim idle since `idleSinceMs` is warned. */
export function wishWarningAt(idleSinceMs: number): number {
  return wishReleaseAt(idleSinceMs) - WISH_IDLE_WARNING_DAYS * DAY_MS
}

/** From when the secretary may confirm a wish fulfilled at `fulfilledAtMs` on the poster's behalf. */
export function wishConfirmOnBehalfFrom(fulfilledAtMs: number): number {
  return fulfilledAtMs + WISH_CONFIRM_DAYS * DAY_MS
}
