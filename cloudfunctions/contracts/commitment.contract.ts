import { z } from 'zod'
import { action } from './define'
import { cursorSchema, pageLimitSchema, phoneSchema, requiredText, text, type Page } from './common.schema'
import {
  COMMITMENT_BRANCH_ID_PATTERN,
  COMMITMENT_CATEGORIES,
  COMMITMENT_COMMENT_MAX,
  COMMITMENT_EVIDENCE_MAX,
  COMMITMENT_ITEM_ID_PATTERN,
  COMMITMENT_ITEMS_MAX,
  COMMITMENT_ITEMS_MIN,
  COMMITMENT_MEASURE_MAX,
  COMMITMENT_MEMBER_OUTCOMES,
  COMMITMENT_MONTH_PATTERN,
  COMMITMENT_NOTE_MAX,
  COMMITMENT_PANEL_LINE_MAX,
  COMMITMENT_PANEL_LINES_MAX,
  COMMITMENT_PHOTOS_MAX,
  COMMITMENT_PLAN_ID_PATTERN,
  COMMITMENT_POST_MAX,
  COMMITMENT_RATING_ID_PATTERN,
  COMMITMENT_REASON_MAX,
  COMMITMENT_REPLY_MAX,
  COMMITMENT_SATISFACTIONS,
  COMMITMENT_TEXT_MAX,
  type CommitmentAction,
  type CommitmentBoardStatus,
  type CommitmentCategory,
  type CommitmentMonthPhase,
  type CommitmentOutcome,
  type CommitmentPlanStatus,
  type CommitmentSatisfaction,
  type OutcomeCounts,
  type SatisfactionCounts,
} from './rules/commitment.rules'
import type { Role } from './rules/member.rules'

export const commitmentMonthSchema = z.string().trim().regex(COMMITMENT_MONTH_PATTERN, '月份格式不正确（应为 2026-12 这样的年月）')
export const commitmentPlanIdSchema = z.string().trim().regex(COMMITMENT_PLAN_ID_PATTERN, '承诺编号格式不正确')
export const commitmentItemIdSchema = z.string().trim().regex(COMMITMENT_ITEM_ID_PATTERN, '承诺事项编号格式不正确')
export const commitmentRatingIdSchema = z.string().trim().regex(COMMITMENT_RATING_ID_PATTERN, '评议编号格式不正确')
export const commitmentBranchIdSchema = z.string().trim().regex(COMMITMENT_BRANCH_ID_PATTERN, '支部编号格式不正确')

/**
 * A photo in this environment's cloud storage, under the commitment folder. The shape is checked here;
 * that the env is the caller's own and the file exists is checked by the use case.
 */
export const commitmentPhotoIdSchema = z
  .string()
  .trim()
  .max(300, '照片标识太长')
  .regex(
    /^cloud:\/\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\/commitment-photos\/[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/,
    '照片标识格式不正确，请重新上传',
  )
  .refine((id) => !/(^|\/)\.\.?(\/|$)/.test(id.slice(id.indexOf('/commitment-photos/'))), '照片标识格式不正确，请重新上传')

const photosSchema = z.array(commitmentPhotoIdSchema).max(COMMITMENT_PHOTOS_MAX, `照片最多 ${COMMITMENT_PHOTOS_MAX} 张`)

export const commitmentCategorySchema = z.enum(COMMITMENT_CATEGORIES, { error: '请选择承诺类别' })
export const commitmentSatisfactionSchema = z.enum(COMMITMENT_SATISFACTIONS, { error: '请选择满意程度' })

/** One item as its author writes it; `itemId` names an item already in the plan (absent for a new one). */
export const commitmentItemInputSchema = z.strictObject({
  itemId: commitmentItemIdSchema.optional(),
  text: requiredText(COMMITMENT_TEXT_MAX, '承诺内容'),
  category: commitmentCategorySchema,
  measure: requiredText(COMMITMENT_MEASURE_MAX, '衡量标准'),
})

export const commitmentDraftSchema = z.strictObject({
  month: commitmentMonthSchema,
  items: z
    .array(commitmentItemInputSchema)
    .min(COMMITMENT_ITEMS_MIN, `请至少写 ${COMMITMENT_ITEMS_MIN} 条承诺`)
    .max(COMMITMENT_ITEMS_MAX, `每月承诺最多 ${COMMITMENT_ITEMS_MAX} 条`),
})

export const commitmentReviewSchema = z.discriminatedUnion(
  'decision',
  [
    z.strictObject({ planId: commitmentPlanIdSchema, decision: z.literal('publish') }),
    z.strictObject({ planId: commitmentPlanIdSchema, decision: z.literal('return'), reason: requiredText(COMMITMENT_REASON_MAX, '退回的原因') }),
  ],
  { error: '请选择公示或退回' },
)

/** A later edit of a published item: a new version with its reason. `version` is the one the author saw. */
export const commitmentReviseSchema = z.strictObject({
  planId: commitmentPlanIdSchema,
  itemId: commitmentItemIdSchema,
  version: z.number().int().min(1),
  text: requiredText(COMMITMENT_TEXT_MAX, '承诺内容'),
  category: commitmentCategorySchema,
  measure: requiredText(COMMITMENT_MEASURE_MAX, '衡量标准'),
  reason: requiredText(COMMITMENT_REASON_MAX, '修改的原因'),
})

export const commitmentProgressSchema = z.strictObject({
  planId: commitmentPlanIdSchema,
  itemId: commitmentItemIdSchema,
  percent: z.number({ error: '请填写完成进度' }).int('进度请填写整数').min(0, '进度在 0 到 100 之间').max(100, '进度在 0 到 100 之间'),
  note: requiredText(COMMITMENT_NOTE_MAX, '进展说明'),
  photos: photosSchema.optional(),
})

export const commitmentOutcomeSchema = z
  .strictObject({
    planId: commitmentPlanIdSchema,
    itemId: commitmentItemIdSchema,
    outcome: z.enum(COMMITMENT_MEMBER_OUTCOMES, { error: '请选择兑现情况' }),
    evidence: requiredText(COMMITMENT_EVIDENCE_MAX, '兑现情况说明'),
    photos: photosSchema.optional(),
    /** Required unless kept in full: 晒问题 shows it on the public board. */
    reason: text(COMMITMENT_REASON_MAX).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.outcome !== 'kept' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '请写下没有完全兑现的原因' })
  })

export const commitmentRateSchema = z.strictObject({
  planId: commitmentPlanIdSchema,
  satisfaction: commitmentSatisfactionSchema,
  comment: text(COMMITMENT_COMMENT_MAX).optional(),
})

export const commitmentCardSchema = z.strictObject({
  /** The card's photo; absent keeps the profile's avatar. */
  photo: commitmentPhotoIdSchema.optional(),
  post: requiredText(COMMITMENT_POST_MAX, '岗位'),
  /** Shown on the public board only when `showPhone`; kept on the member's profile otherwise. */
  phone: z.union([phoneSchema, z.literal('')]),
  showPhone: z.boolean(),
})

const panelLines = (label: string) =>
  z
    .array(requiredText(COMMITMENT_PANEL_LINE_MAX, label))
    .max(COMMITMENT_PANEL_LINES_MAX, `${label}最多 ${COMMITMENT_PANEL_LINES_MAX} 条`)

export const commitmentPanelSchema = z.strictObject({
  /** 职责清单 */
  responsibilities: panelLines('职责'),
  /** 任务清单 */
  tasks: panelLines('任务'),
  /** 服务流程, one step per line */
  process: panelLines('服务流程'),
  /** 服务热线: a landline or mobile, as the branch prints it */
  hotline: z.union([z.string().trim().regex(/^[0-9-]{5,20}$/, '服务热线请填写电话号码，可含区号和 -'), z.literal('')]),
})

const paged = { cursor: cursorSchema.optional(), limit: pageLimitSchema.optional() }
const byPlan = z.strictObject({ planId: commitmentPlanIdSchema })

/** A photo as answered: its fileID and a temporary URL made for this answer ('' when the file is gone). */
export interface CommitmentPhoto {
  fileID: string
  url: string
}

/** 亮身份: a member's public card. `phone` is null unless its owner chose to show it. Never an openid. */
export interface CommitmentCard {
  name: string
  post: string
  photo: CommitmentPhoto | null
  /** The avatar from the profile, used when there is no card photo ('' when none). */
  avatar: string
  role: Extract<Role, 'member' | 'secretary'>
  phone: string | null
}

/** The member's own card as they edit it: the phone is theirs to see even when not shown. */
export interface MyCommitmentCard extends CommitmentCard {
  ownPhone: string
  showPhone: boolean
}

/** 亮职责: the branch's panel. */
export interface CommitmentPanel {
  responsibilities: string[]
  tasks: string[]
  process: string[]
  hotline: string
  updatedAt: string | null
}

/** One version of an item's text. Version 1 is what was published first; later ones carry their reason. */
export interface CommitmentItemVersion {
  version: number
  text: string
  category: CommitmentCategory
  measure: string
  /** Null for the first version. */
  reason: string | null
  at: string
}

export interface CommitmentProgress {
  at: string
  percent: number
  note: string
  photos: CommitmentPhoto[]
}

export interface CommitmentItemOutcome {
  outcome: CommitmentOutcome
  /** '' for an item the close marked overdue. */
  evidence: string
  photos: CommitmentPhoto[]
  /** Why not kept in full (晒问题); null when kept, or the close's own words for overdue. */
  reason: string | null
  at: string
}

export interface CommitmentItemView {
  itemId: string
  /** The current version's fields. */
  text: string
  category: CommitmentCategory
  measure: string
  version: number
  /** 已修改 N 次: versions after the first. */
  revisions: number
  /** Oldest first; the current one last. */
  versions: CommitmentItemVersion[]
  /** Newest first. */
  progress: CommitmentProgress[]
  /** The latest percentage, 0 before any progress. */
  percent: number
  outcome: CommitmentItemOutcome | null
}

/** A reply to a rating's comment, by the member rated or the branch secretary (named by role only). */
export interface CommitmentReply {
  at: string
  by: 'member' | 'secretary'
  text: string
}

/**
 * One 群众评议 on the public page. The rater shows as a masked name with their role; a comment the
 * content check held is shown only to its author and the branch secretary until the secretary decides.
 */
export interface CommitmentRatingView {
  ratingId: string
  raterName: string
  raterRole: Role
  satisfaction: CommitmentSatisfaction
  comment: string | null
  commentHeld: boolean
  at: string
  replies: CommitmentReply[]
  /** The viewer's own rating. */
  mine: boolean
}

export interface CommitmentFigures {
  outcomes: OutcomeCounts
  /** Whole percentages, null with nothing to count (rules/commitment.rules.ts says how). */
  fulfilmentRate: number | null
  satisfaction: SatisfactionCounts
  satisfactionRate: number | null
}

/** A member's month on the board (list row). */
export interface CommitmentPlanSummary {
  planId: string
  month: string
  card: CommitmentCard
  status: CommitmentPlanStatus
  items: Array<Pick<CommitmentItemView, 'itemId' | 'text' | 'category' | 'revisions' | 'percent' | 'outcome'>>
  figures: CommitmentFigures
  updatedAt: string
}

export interface CommitmentPlanDetail extends CommitmentPlanSummary {
  branchId: string
  branchName: string
  items: CommitmentItemView[]
  boardStatus: CommitmentBoardStatus
  phase: CommitmentMonthPhase
  /** Returned to the author with this reason (author and secretary only). */
  returnReason: string | null
  /** What the viewer can do now, per plan (`edit`, `submit`, `review`, `rate`) and per item (the rest). */
  actions: CommitmentAction[]
  itemActions: Record<string, CommitmentAction[]>
  /** The viewer's own rating of this month, if any (a second rating replaces it). */
  myRating: { satisfaction: CommitmentSatisfaction; comment: string | null } | null
  /** Deadlines of this month as exact instants (ISO), shown in Beijing time. */
  reviseUntil: string
  resultDeadline: string
}

/** A branch's month: the public board. */
export interface CommitmentBoardView {
  branchId: string
  branchName: string
  month: string
  status: CommitmentBoardStatus
  phase: CommitmentMonthPhase
  publishedAt: string | null
  closedAt: string | null
  panel: CommitmentPanel
  /** The branch's figures: kept at the close, computed from the published plans before it. */
  figures: CommitmentFigures
  /** Published plans, by name order of their cards (first page; `plans` action for more). */
  plans: Page<CommitmentPlanSummary>
  /** For the page: what the viewer may do on the board (`rate` is per plan). */
  viewer: { inBranch: boolean; secretary: boolean; canPublish: boolean; canClose: boolean }
  resultDeadline: string
}

export interface CommitmentMonthSummary {
  month: string
  status: CommitmentBoardStatus
  plans: number
  figures: CommitmentFigures
}

/** The secretary's month: every plan by state, and the figures per member. */
export interface CommitmentStats {
  month: string
  status: CommitmentBoardStatus
  plans: Record<CommitmentPlanStatus, number>
  /** Party members of the branch with no plan for the month. */
  withoutPlan: number
  figures: CommitmentFigures
  members: Array<{ planId: string; name: string; status: CommitmentPlanStatus; figures: CommitmentFigures }>
}

export interface CommitmentLedgerExport {
  fileID: string
  url: string
  fileName: string
  rows: number
}

export interface CloseMonthsResult {
  closed: number
  overdueItems: number
}

export interface RemindResult {
  kind: 'commit' | 'progress' | 'result' | null
  sent: number
}

/** One firing of the hourly trigger: the months it closed, and the day's reminder (null before 09:00 Beijing). */
export interface CommitmentHourlyResult {
  close: CloseMonthsResult
  remind: RemindResult | null
}

export const commitmentContract = {
  /** The public board of a branch and month (default: this Beijing month). Anyone signed in may read it. */
  board: action<CommitmentBoardView>()(z.strictObject({ branchId: commitmentBranchIdSchema, month: commitmentMonthSchema.optional(), ...paged })),
  /** More published plans of a board. */
  plans: action<Page<CommitmentPlanSummary>>()(z.strictObject({ branchId: commitmentBranchIdSchema, month: commitmentMonthSchema, ...paged })),
  /** The branch's earlier months, newest first. */
  months: action<Page<CommitmentMonthSummary>>()(z.strictObject({ branchId: commitmentBranchIdSchema, ...paged })),
  /** One member's month: public once published; its author and the secretary see it before. */
  plan: action<CommitmentPlanDetail>()(byPlan),
  ratings: action<Page<CommitmentRatingView>>()(z.strictObject({ planId: commitmentPlanIdSchema, ...paged })),

  /** The caller's plan for a month (default: this month); null before they save anything. */
  mine: action<CommitmentPlanDetail | null>()(z.strictObject({ month: commitmentMonthSchema.optional() })),
  saveDraft: action<CommitmentPlanDetail>()(commitmentDraftSchema),
  submit: action<CommitmentPlanDetail>()(z.strictObject({ month: commitmentMonthSchema })),
  revise: action<CommitmentPlanDetail>()(commitmentReviseSchema),
  addProgress: action<CommitmentPlanDetail>()(commitmentProgressSchema),
  setOutcome: action<CommitmentPlanDetail>()(commitmentOutcomeSchema),
  myCard: action<MyCommitmentCard>()(z.strictObject({})),
  saveCard: action<MyCommitmentCard>()(commitmentCardSchema),

  rate: action<CommitmentPlanDetail>()(commitmentRateSchema),
  reply: action<CommitmentRatingView>()(
    z.strictObject({ planId: commitmentPlanIdSchema, ratingId: commitmentRatingIdSchema, text: requiredText(COMMITMENT_REPLY_MAX, '回复') }),
  ),

  /** The secretary's queue: submitted plans of the month (default: this and next month), oldest first. */
  queue: action<Page<CommitmentPlanSummary>>()(z.strictObject({ month: commitmentMonthSchema.optional(), ...paged })),
  review: action<CommitmentPlanDetail>()(commitmentReviewSchema),
  /** A held comment: shown or kept hidden. */
  reviewComment: action<CommitmentRatingView>()(
    z.strictObject({ planId: commitmentPlanIdSchema, ratingId: commitmentRatingIdSchema, decision: z.enum(['pass', 'reject']) }),
  ),
  publishBoard: action<CommitmentBoardView>()(z.strictObject({ month: commitmentMonthSchema })),
  /** Close before the timer does: once every published item has an outcome, or after the deadline. */
  closeMonth: action<CommitmentBoardView>()(z.strictObject({ month: commitmentMonthSchema })),
  savePanel: action<CommitmentPanel>()(commitmentPanelSchema),
  stats: action<CommitmentStats>()(z.strictObject({ month: commitmentMonthSchema.optional() })),
  exportLedger: action<CommitmentLedgerExport>()(z.strictObject({ month: commitmentMonthSchema })),

  /** The timer trigger's action (no caller); refused to anyone calling from the app. */
  hourly: action<CommitmentHourlyResult>()(z.strictObject({})),
}

export type CommitmentContract = typeof commitmentContract
