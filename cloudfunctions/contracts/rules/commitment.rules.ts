/**
 * The commitment contract's fixed values (公开承诺): categories, states and their Chinese names, limits,
 * and the month's calendar in Beijing time. The schemas are built from these and the client shows them;
 * no zod here. The month's rule is told in docs/architecture.md "Commitment months".
 */
import { BEIJING_OFFSET_MINUTES, MINUTE_MS } from './time.rules'

export const COMMITMENT_CATEGORIES = ['study', 'post', 'service', 'conduct'] as const
export type CommitmentCategory = (typeof COMMITMENT_CATEGORIES)[number]
export const COMMITMENT_CATEGORY_LABELS: Record<CommitmentCategory, string> = {
  study: '学习提升',
  post: '岗位建功',
  service: '服务群众',
  conduct: '作风建设',
}

/**
 * A member's plan for one month: draft → submitted → published, or submitted → returned (edited and
 * submitted again). When the month closes every plan is frozen, whatever its state.
 */
export const COMMITMENT_PLAN_STATUSES = ['draft', 'submitted', 'returned', 'published'] as const
export type CommitmentPlanStatus = (typeof COMMITMENT_PLAN_STATUSES)[number]
export const COMMITMENT_PLAN_STATUS_LABELS: Record<CommitmentPlanStatus, string> = {
  draft: '草稿',
  submitted: '待书记审核',
  returned: '已退回',
  published: '已公示',
}

/** A branch's board for one month: not yet published, published (public), closed (frozen, figures kept). */
export const COMMITMENT_BOARD_STATUSES = ['unpublished', 'published', 'closed'] as const
export type CommitmentBoardStatus = (typeof COMMITMENT_BOARD_STATUSES)[number]
export const COMMITMENT_BOARD_STATUS_LABELS: Record<CommitmentBoardStatus, string> = {
  unpublished: '未公示',
  published: '公示中',
  closed: '已结账',
}

/** An item's outcome: the member's own three, and `overdue`, which only the month's close sets. */
export const COMMITMENT_OUTCOMES = ['kept', 'partial', 'unkept', 'overdue'] as const
export type CommitmentOutcome = (typeof COMMITMENT_OUTCOMES)[number]
export const COMMITMENT_MEMBER_OUTCOMES = ['kept', 'partial', 'unkept'] as const
export type CommitmentMemberOutcome = (typeof COMMITMENT_MEMBER_OUTCOMES)[number]
export const COMMITMENT_OUTCOME_LABELS: Record<CommitmentOutcome, string> = {
  kept: '已兑现',
  partial: '部分兑现',
  unkept: '未兑现',
  overdue: '逾期未晒',
}

/** 群众评议 of one member's month. */
export const COMMITMENT_SATISFACTIONS = ['satisfied', 'basic', 'unsatisfied'] as const
export type CommitmentSatisfaction = (typeof COMMITMENT_SATISFACTIONS)[number]
export const COMMITMENT_SATISFACTION_LABELS: Record<CommitmentSatisfaction, string> = {
  satisfied: '满意',
  basic: '基本满意',
  unsatisfied: '不满意',
}

/** What a viewer may do with a plan or an item now: the pages offer these, the function checks them again. */
export const COMMITMENT_ACTIONS = ['edit', 'submit', 'review', 'revise', 'addProgress', 'setOutcome', 'rate'] as const
export type CommitmentAction = (typeof COMMITMENT_ACTIONS)[number]
export const COMMITMENT_ACTION_LABELS: Record<CommitmentAction, string> = {
  edit: '编辑承诺',
  submit: '提交审核',
  review: '公示或退回',
  revise: '修改承诺',
  addProgress: '晒进度',
  setOutcome: '晒业绩',
  rate: '评议',
}

export const COMMITMENT_ITEMS_MIN = 1
export const COMMITMENT_ITEMS_MAX = 5
export const COMMITMENT_TEXT_MAX = 100
/** How the item will be measured (衡量标准). */
export const COMMITMENT_MEASURE_MAX = 60
export const COMMITMENT_NOTE_MAX = 300
export const COMMITMENT_EVIDENCE_MAX = 300
/** A reason: for a return, for a later edit of a published item, for an item not kept. */
export const COMMITMENT_REASON_MAX = 100
export const COMMITMENT_COMMENT_MAX = 200
export const COMMITMENT_REPLY_MAX = 200
export const COMMITMENT_PHOTOS_MAX = 3
export const COMMITMENT_POST_MAX = 30
/** 亮职责: each of the branch's responsibilities and service steps is one line. */
export const COMMITMENT_PANEL_LINES_MAX = 10
export const COMMITMENT_PANEL_LINE_MAX = 60
export const COMMITMENT_HOTLINE_MAX = 20

/** The result deadline: outcomes may be given until the end of this day of the next month (Beijing). */
export const COMMITMENT_RESULT_DEADLINE_DAY = 5
/** Reminders: the 1st (make commitments), the 15th (progress), this many days before the month ends (results). */
export const COMMITMENT_PROGRESS_REMINDER_DAY = 15
export const COMMITMENT_RESULT_REMINDER_DAYS_BEFORE_END = 3
/** A reminder day's messages go out at the first hourly run at or after this Beijing hour. */
export const COMMITMENT_REMINDER_HOUR = 9

/** Where the client uploads card photos, progress photos and evidence; the server refuses a fileID outside it. */
export const COMMITMENT_PHOTO_FOLDER = 'commitment-photos/'

/** A Beijing month, `YYYY-MM`. */
export const COMMITMENT_MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/
/** `C`, the month as six digits, then the member's 12-character key: one plan per member per month. */
export const COMMITMENT_PLAN_ID_PATTERN = /^C\d{6}[a-f0-9]{12}$/
/** An item's id inside its plan. */
export const COMMITMENT_ITEM_ID_PATTERN = /^[a-z0-9]{6}$/
/** A rating's public id: unlinkable to the rater across plans. */
export const COMMITMENT_RATING_ID_PATTERN = /^[a-f0-9]{12}$/
/** Branch ids as the members module makes them. */
export const COMMITMENT_BRANCH_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

const OFFSET_MS = BEIJING_OFFSET_MINUTES * MINUTE_MS

function parseMonth(month: string): { year: number; month: number } {
  const [y, m] = month.split('-')
  return { year: Number(y), month: Number(m) }
}

function formatMonth(year: number, month: number): string {
  const y = year + Math.floor((month - 1) / 12)
  const m = ((((month - 1) % 12) + 12) % 12) + 1
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`
}

/** The Beijing month an instant falls in. */
export function beijingMonthOf(atMs: number): string {
  const d = new Date(atMs + OFFSET_MS)
  return formatMonth(d.getUTCFullYear(), d.getUTCMonth() + 1)
}

export function addMonths(month: string, n: number): string {
  const { year, month: m } = parseMonth(month)
  return formatMonth(year, m + n)
}

/** The instant a Beijing month begins (the 1st, 00:00 Beijing), epoch ms. */
export function monthStartMs(month: string): number {
  const { year, month: m } = parseMonth(month)
  return Date.UTC(year, m - 1, 1) - OFFSET_MS
}

/** The instant a Beijing month ends (exclusive: the next month's start). */
export function monthEndMs(month: string): number {
  return monthStartMs(addMonths(month, 1))
}

/** The number of days in a month. */
export function daysInMonth(month: string): number {
  const { year, month: m } = parseMonth(month)
  return new Date(Date.UTC(year, m, 0)).getUTCDate()
}

/** The instant outcomes stop being accepted and the month closes: the 6th of the next month, 00:00 Beijing. */
export function resultDeadlineMs(month: string): number {
  return monthEndMs(month) + COMMITMENT_RESULT_DEADLINE_DAY * 24 * 60 * MINUTE_MS
}

/**
 * Where a month stands at `nowMs`:
 * - `upcoming`: next month, may be drafted and submitted already;
 * - `running`: the month itself — commit, publish, revise, progress, outcomes, ratings;
 * - `results`: after the month, until the deadline — progress, outcomes and ratings only;
 * - `due`: the deadline has passed; the close freezes it (whether or not the timer has run yet).
 * Months further ahead than next are `later` and accept nothing.
 */
export type CommitmentMonthPhase = 'later' | 'upcoming' | 'running' | 'results' | 'due'

export function commitmentMonthPhase(month: string, nowMs: number): CommitmentMonthPhase {
  if (nowMs >= resultDeadlineMs(month)) return 'due'
  if (nowMs >= monthEndMs(month)) return 'results'
  if (nowMs >= monthStartMs(month)) return 'running'
  if (nowMs >= monthStartMs(addMonths(month, -1))) return 'upcoming'
  return 'later'
}

export type CommitmentReminderKind = 'commit' | 'progress' | 'result'

/** Which reminder (if any) goes out on the Beijing day of `nowMs`, and for which month. */
export function commitmentReminderOn(nowMs: number): { kind: CommitmentReminderKind; month: string } | null {
  const month = beijingMonthOf(nowMs)
  const day = new Date(nowMs + OFFSET_MS).getUTCDate()
  if (day === 1) return { kind: 'commit', month }
  if (day === COMMITMENT_PROGRESS_REMINDER_DAY) return { kind: 'progress', month }
  if (day === daysInMonth(month) - COMMITMENT_RESULT_REMINDER_DAYS_BEFORE_END + 1) return { kind: 'result', month }
  return null
}

export interface OutcomeCounts {
  kept: number
  partial: number
  unkept: number
  overdue: number
  /** Items with no outcome yet (before the close). */
  open: number
}

export interface SatisfactionCounts {
  satisfied: number
  basic: number
  unsatisfied: number
}

/**
 * 兑现率: items kept in full over all items of the published plans, a whole percentage; null with no
 * items. 部分兑现 is shown beside it and not counted as kept.
 */
export function fulfilmentRate(c: OutcomeCounts): number | null {
  const total = c.kept + c.partial + c.unkept + c.overdue + c.open
  return total === 0 ? null : Math.round((c.kept / total) * 100)
}

/** 满意度: 满意 and 基本满意 over all ratings, a whole percentage; null with no ratings. */
export function satisfactionRate(c: SatisfactionCounts): number | null {
  const total = c.satisfied + c.basic + c.unsatisfied
  return total === 0 ? null : Math.round(((c.satisfied + c.basic) / total) * 100)
}
