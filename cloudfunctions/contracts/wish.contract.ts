import { z } from 'zod'
import { action } from './define'
import { cursorSchema, pageLimitSchema, phoneSchema, requiredText, text, type Page } from './common.schema'
import {
  WISH_ADDRESS_MAX,
  WISH_CATEGORIES,
  WISH_COST_MAX,
  WISH_DESCRIPTION_MAX,
  WISH_ID_PATTERN,
  WISH_NAME_MAX,
  WISH_NEIGHBOURHOOD_MAX,
  WISH_NOTE_MAX,
  WISH_PHOTOS_MAX,
  WISH_REASON_MAX,
  WISH_SATISFACTIONS,
  WISH_THANKS_MAX,
  WISH_TITLE_MAX,
  type WishAction,
  type WishCategory,
  type WishSatisfaction,
  type WishStatus,
} from './rules/wish.rules'

export const wishIdSchema = z.string().trim().regex(WISH_ID_PATTERN, '心愿编号格式不正确')

/**
 * A photo in this environment's cloud storage, under the wish folder:
 * `cloud://<env-id>.<bucket>/wish-photos/<name>`. The shape is checked here; that the env is the caller's
 * own and the file exists is checked by the use case (it needs the cloud context).
 */
export const wishPhotoIdSchema = z
  .string()
  .trim()
  .max(300, '照片标识太长')
  .regex(/^cloud:\/\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\/wish-photos\/[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/, '照片标识格式不正确，请重新上传')
  .refine((id) => !/(^|\/)\.\.?(\/|$)/.test(id.slice(id.indexOf('/wish-photos/'))), '照片标识格式不正确，请重新上传')

const photosSchema = z.array(wishPhotoIdSchema).max(WISH_PHOTOS_MAX, `照片最多 ${WISH_PHOTOS_MAX} 张`)

export const wishCategorySchema = z.enum(WISH_CATEGORIES, { error: '请选择心愿类别' })
export const wishSatisfactionSchema = z.enum(WISH_SATISFACTIONS, { error: '请选择满意程度' })

export const wishCostSchema = z
  .number({ error: '请填写预计花费（元）' })
  .int('预计花费请填写整数（元）')
  .min(0, '预计花费不能为负数')
  .max(WISH_COST_MAX, `微心愿的预计花费不超过 ${WISH_COST_MAX} 元`)

export const wishPostSchema = z.strictObject({
  title: requiredText(WISH_TITLE_MAX, '心愿标题'),
  description: requiredText(WISH_DESCRIPTION_MAX, '心愿描述'),
  category: wishCategorySchema,
  cost: wishCostSchema,
  photos: photosSchema.optional(),
  /** The beneficiary's contact phone and address: only the poster, the claimer and the secretary see them. */
  phone: phoneSchema,
  address: requiredText(WISH_ADDRESS_MAX, '地址'),
  /** Shown to members in place of the address (小区 / 片区). */
  neighbourhood: requiredText(WISH_NEIGHBOURHOOD_MAX, '所在小区'),
  /** 代录: a member or the secretary records the wish of a resident who has no phone, naming them. */
  onBehalfOf: z.strictObject({ name: requiredText(WISH_NAME_MAX, '心愿人姓名') }).optional(),
})

const byId = z.strictObject({ wishId: wishIdSchema })
const paged = { cursor: cursorSchema.optional(), limit: pageLimitSchema.optional() }

/** The opaque key of a text the content check held for the secretary. */
export const wishTextKeySchema = z.string().regex(/^[a-f0-9]{16}$/, '内容标识格式不正确')

export const wishReviewSchema = z.discriminatedUnion(
  'decision',
  [
    z.strictObject({ wishId: wishIdSchema, decision: z.literal('approve'), openToAll: z.boolean().optional() }),
    z.strictObject({ wishId: wishIdSchema, decision: z.literal('reject'), reason: requiredText(WISH_REASON_MAX, '不通过的原因') }),
  ],
  { error: '请选择通过或不通过' },
)

export const wishConfirmSchema = z
  .strictObject({
    wishId: wishIdSchema,
    satisfaction: wishSatisfactionSchema,
    thanks: text(WISH_THANKS_MAX).optional(),
    /** Required with 不满意: it goes back to the claimer with this reason. */
    reason: text(WISH_REASON_MAX).optional(),
    /** Whether the proof photo may appear on the public 圆梦墙. */
    showProofOnWall: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (v.satisfaction === 'unsatisfied' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '请写下不满意的原因' })
  })

/** A photo as answered: its fileID and a temporary URL made for this answer ('' when the file is gone). */
export interface WishPhoto {
  fileID: string
  url: string
}

/**
 * One step on the wish's record. `by` names the role that acted (心愿人, 代录人, 书记, 认领人, 系统), never
 * the person. `reason` is null when there was none or the viewer may not read it.
 */
export interface WishTimelineEntry {
  at: string
  by: string
  from: WishStatus | null
  to: WishStatus
  reason: string | null
}

/**
 * A text someone wrote on the wish. `held`: the content check asked for a person to look at it, so only
 * its author and the branch secretary see it until the secretary decides; `rejected`: the secretary
 * decided it is not shown. `key` (for `reviewText`) is given to the secretary only.
 */
export interface WishNote {
  at: string
  text: string
  held: boolean
  rejected: boolean
  key?: string
}

export interface WishContact {
  name: string
  phone: string
  address: string
}

/** A wish in a list. `beneficiaryName` is masked (王**) for anyone but the poster, the claimer and the secretary. */
export interface WishView {
  id: string
  branchName: string
  fromOtherBranch: boolean
  title: string
  description: string
  category: WishCategory
  cost: number
  photos: WishPhoto[]
  beneficiaryName: string
  neighbourhood: string
  status: WishStatus
  openToAll: boolean
  recordedOnBehalf: boolean
  postedAt: string
  /** The claimer's name (masked for other members), or null while nobody holds it. */
  claimerName: string | null
}

/** How the viewer stands to the wish: the first that applies, in this order. */
export type WishRelation = 'poster' | 'claimer' | 'secretary' | 'member'

export interface WishFulfilment {
  at: string
  note: WishNote
  photos: WishPhoto[]
}

export interface WishConfirmation {
  at: string
  /** Null when the secretary confirmed on the poster's behalf. */
  satisfaction: WishSatisfaction | null
  thanks: WishNote | null
  showProofOnWall: boolean
  confirmedOnBehalf: boolean
}

export interface WishDetail extends WishView {
  relation: WishRelation
  /** What the viewer can do now; the page shows these and nothing else. */
  actions: WishAction[]
  /** The beneficiary's contact: poster, claimer and the branch secretary only. */
  contact: WishContact | null
  timeline: WishTimelineEntry[]
  /** Progress notes: poster, claimer and the branch secretary only. */
  progress: WishNote[]
  fulfilment: WishFulfilment | null
  confirmation: WishConfirmation | null
  /** Why the secretary rejected it: poster and secretary only. */
  rejectReason: string | null
  /** 不满意 already sent it back once; a second 不满意 closes it. */
  returned: boolean
  /** The content check asked the secretary to look at the title or description (secretary only). */
  textHeld: boolean
  /** While claimed, when the timer will release it without progress (claimer and secretary). */
  releaseAt: string | null
  /** When the claimer was warned of that release (claimer and secretary). */
  releaseWarnedAt: string | null
  /** While fulfilled, from when the secretary may confirm on the poster's behalf (secretary). */
  confirmOnBehalfFrom: string | null
}

/** One fulfilled wish on the public 圆梦墙: masked names; the proof photo only if the poster agreed. */
export interface WishWallEntry {
  id: string
  title: string
  category: WishCategory
  branchName: string
  beneficiaryName: string
  claimerName: string
  fulfilledAt: string
  confirmedAt: string | null
  satisfaction: WishSatisfaction | null
  thanks: string | null
  proofPhoto: WishPhoto | null
}

/** The secretary's figures, kept on a per-branch document as the wishes move (never recounted). */
export interface WishStats {
  /** Wishes that ever reached each stage. */
  funnel: { posted: number; approved: number; claimed: number; fulfilled: number; confirmed: number }
  /**
   * Wishes in each state now. `pending` is the review queue: the client shows it as the secretary's
   * badge on 我的, the in-app stand-in for the "waits for review" message.
   */
  current: Record<WishStatus, number>
  satisfaction: Record<WishSatisfaction, number>
  confirmedOnBehalf: number
  returned: number
  released: number
  byCategory: Record<WishCategory, number>
  /** Per Beijing-time month (`YYYY-MM`), oldest first. */
  byMonth: Array<{ month: string; posted: number; confirmed: number }>
}

/** The branch's wish ledger (台账) as .xlsx in cloud storage, with a temporary download URL. */
export interface WishLedgerExport {
  fileID: string
  url: string
  fileName: string
  rows: number
}

export interface ReleaseIdleResult {
  released: number
  warned: number
}

export const wishContract = {
  post: action<WishDetail>()(wishPostSchema),
  list: action<Page<WishView>>()(
    z.strictObject({
      /** `open` (members), `pending` (the secretary's review queue), `fulfilled` (awaiting confirmation, secretary). */
      scope: z.enum(['open', 'pending', 'fulfilled']).optional(),
      category: wishCategorySchema.optional(),
      ...paged,
    }),
  ),
  mine: action<Page<WishView>>()(z.strictObject(paged)),
  myClaims: action<Page<WishView>>()(z.strictObject(paged)),
  get: action<WishDetail>()(byId),
  review: action<WishDetail>()(wishReviewSchema),
  reviewText: action<WishDetail>()(z.strictObject({ wishId: wishIdSchema, key: wishTextKeySchema, decision: z.enum(['pass', 'reject']) })),
  withdraw: action<WishDetail>()(z.strictObject({ wishId: wishIdSchema, reason: text(WISH_REASON_MAX).optional() })),
  claim: action<WishDetail>()(byId),
  addProgress: action<WishDetail>()(z.strictObject({ wishId: wishIdSchema, note: requiredText(WISH_NOTE_MAX, '进展') })),
  giveBack: action<WishDetail>()(z.strictObject({ wishId: wishIdSchema, reason: requiredText(WISH_REASON_MAX, '交还的原因') })),
  fulfil: action<WishDetail>()(
    z.strictObject({
      wishId: wishIdSchema,
      note: requiredText(WISH_NOTE_MAX, '完成情况'),
      photos: photosSchema.min(1, '请至少上传 1 张完成照片'),
    }),
  ),
  confirm: action<WishDetail>()(wishConfirmSchema),
  confirmOnBehalf: action<WishDetail>()(z.strictObject({ wishId: wishIdSchema, reason: text(WISH_REASON_MAX).optional() })),
  wall: action<Page<WishWallEntry>>()(z.strictObject(paged)),
  stats: action<WishStats>()(z.strictObject({})),
  /** The secretary's ledger of every wish of their branch, one row per wish with its timeline. */
  exportLedger: action<WishLedgerExport>()(z.strictObject({})),
  /** The timer trigger's action (no caller); refused to anyone calling from the app. */
  releaseIdle: action<ReleaseIdleResult>()(z.strictObject({})),
}

export type WishContract = typeof wishContract
