import {
  COMMITMENT_COMMENT_MAX,
  COMMITMENT_EVIDENCE_MAX,
  COMMITMENT_ITEMS_MAX,
  COMMITMENT_ITEMS_MIN,
  COMMITMENT_MEASURE_MAX,
  COMMITMENT_NOTE_MAX,
  COMMITMENT_POST_MAX,
  COMMITMENT_REASON_MAX,
  COMMITMENT_REPLY_MAX,
  COMMITMENT_TEXT_MAX,
  PHONE_MESSAGE,
  PHONE_PATTERN,
  type CommitmentCategory,
  type CommitmentMemberOutcome,
  type CommitmentSatisfaction,
} from '@contracts/rules'
import type { CommitmentContract, CommitmentItemView, InputOf } from '@contracts'

/*
 * The commitment forms' own checks, with the limits of the contract's zod-free part, so what a form
 * says matches what the function refuses. Each form keeps its values as typed: a refusal loses nothing.
 */

/** A photo on a form: its storage fileID (what is sent) and a picture to show meanwhile. */
export interface CommitmentFormPhoto {
  fileID: string
  preview: string
}

export type Checked<V, K extends string> = { ok: true; value: V } | { ok: false; errors: Partial<Record<K, string>> }

const tooLong = (label: string, max: number) => `${label}不超过 ${max} 个字`

/** One required text: the message when empty, or too long. */
function need(value: string, max: number, empty: string, label: string): string | undefined {
  const t = value.trim()
  if (!t) return empty
  return t.length > max ? tooLong(label, max) : undefined
}

/** Keeps only the messages that are there. */
function errorsOf<K extends string>(entries: Array<[K, string | undefined]>): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {}
  for (const [k, m] of entries) if (m) out[k] = m
  return out
}

function checked<V, K extends string>(errors: Partial<Record<K, string>>, value: () => V): Checked<V, K> {
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: value() }
}

/** The server names a field by its path (`reason`, `photos.1`); a form keeps it on the field the path names. */
export function fieldErrorsFrom<K extends string>(fields: Record<string, string> | undefined, known: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {}
  for (const [path, message] of Object.entries(fields ?? {})) {
    const parts = path.split('.')
    const key = known.find((k) => parts.includes(k))
    if (key && !out[key]) out[key] = message
  }
  return out
}

// ── 亮承诺: the month's draft ───────────────────────────────────────────────────────────────────────

export interface DraftItemValues {
  /** The item already in the plan (absent for one added on this form). */
  itemId?: string
  text: string
  category: CommitmentCategory | ''
  measure: string
}

/** `items` for the list as a whole, `<i>.text` and so on for one item. */
export type DraftField = 'items' | `${number}.${'text' | 'category' | 'measure'}`

export const EMPTY_DRAFT_ITEM: DraftItemValues = { text: '', category: '', measure: '' }

export function draftItemsOf(items: ReadonlyArray<Pick<CommitmentItemView, 'itemId' | 'text' | 'category' | 'measure'>>): DraftItemValues[] {
  return items.map((i) => ({ itemId: i.itemId, text: i.text, category: i.category, measure: i.measure }))
}

export type DraftInput = InputOf<CommitmentContract['saveDraft']>

export function checkDraft(month: string, items: DraftItemValues[]): Checked<DraftInput, DraftField> {
  const entries: Array<[DraftField, string | undefined]> = []
  if (items.length < COMMITMENT_ITEMS_MIN) entries.push(['items', `请至少写 ${COMMITMENT_ITEMS_MIN} 条承诺`])
  if (items.length > COMMITMENT_ITEMS_MAX) entries.push(['items', `每月承诺最多 ${COMMITMENT_ITEMS_MAX} 条`])
  items.forEach((item, i) => {
    entries.push([`${i}.text`, need(item.text, COMMITMENT_TEXT_MAX, '请写下这条承诺要做什么', '承诺内容')])
    entries.push([`${i}.category`, item.category ? undefined : '请选择承诺类别'])
    entries.push([`${i}.measure`, need(item.measure, COMMITMENT_MEASURE_MAX, '请写下怎样算做到了，例如“走访 10 户”', '衡量标准')])
  })
  return checked(errorsOf(entries), () => ({
    month,
    items: items.map((item) => ({
      ...(item.itemId ? { itemId: item.itemId } : {}),
      text: item.text.trim(),
      category: item.category as CommitmentCategory,
      measure: item.measure.trim(),
    })),
  }))
}

/** `items.2.text` → `2.text`; `items` (too few, too many) stays `items`. */
export function draftErrorsFromServer(fields: Record<string, string> | undefined): Partial<Record<DraftField, string>> {
  const out: Partial<Record<DraftField, string>> = {}
  for (const [path, message] of Object.entries(fields ?? {})) {
    const m = /^items\.(\d+)\.(text|category|measure)$/.exec(path)
    const key: DraftField | null = m ? (`${Number(m[1])}.${m[2] as 'text' | 'category' | 'measure'}` as DraftField) : path.startsWith('items') ? 'items' : null
    if (key && !out[key]) out[key] = message
  }
  return out
}

// ── 修改承诺: a published item's new version ───────────────────────────────────────────────────────

export interface ReviseValues {
  text: string
  category: CommitmentCategory | ''
  measure: string
  reason: string
}

export const REVISE_FIELDS = ['text', 'category', 'measure', 'reason'] as const
export type ReviseField = (typeof REVISE_FIELDS)[number]
export type ReviseInput = InputOf<CommitmentContract['revise']>

export function checkRevise(planId: string, item: Pick<CommitmentItemView, 'itemId' | 'version'>, v: ReviseValues): Checked<ReviseInput, ReviseField> {
  const errors = errorsOf<ReviseField>([
    ['text', need(v.text, COMMITMENT_TEXT_MAX, '请写下修改后的承诺', '承诺内容')],
    ['category', v.category ? undefined : '请选择承诺类别'],
    ['measure', need(v.measure, COMMITMENT_MEASURE_MAX, '请写下怎样算做到了', '衡量标准')],
    ['reason', need(v.reason, COMMITMENT_REASON_MAX, '请写下为什么修改，群众会看到', '修改的原因')],
  ])
  return checked(errors, () => ({
    planId,
    itemId: item.itemId,
    version: item.version,
    text: v.text.trim(),
    category: v.category as CommitmentCategory,
    measure: v.measure.trim(),
    reason: v.reason.trim(),
  }))
}

// ── 晒进度 ──────────────────────────────────────────────────────────────────────────────────────────

export interface ProgressValues {
  percent: string
  note: string
  photos: CommitmentFormPhoto[]
}

export const EMPTY_PROGRESS: ProgressValues = { percent: '', note: '', photos: [] }
export const PROGRESS_FIELDS = ['percent', 'note', 'photos'] as const
export type ProgressField = (typeof PROGRESS_FIELDS)[number]
export type ProgressInput = InputOf<CommitmentContract['addProgress']>

export function checkProgress(planId: string, itemId: string, v: ProgressValues): Checked<ProgressInput, ProgressField> {
  const p = v.percent.trim()
  const percent = Number(p)
  const errors = errorsOf<ProgressField>([
    ['percent', !p ? '请填写完成了多少（0 到 100）' : !/^\d+$/.test(p) || percent > 100 ? '进度请填写 0 到 100 的整数' : undefined],
    ['note', need(v.note, COMMITMENT_NOTE_MAX, '请写一写做了哪些事', '进展说明')],
  ])
  return checked(errors, () => ({
    planId,
    itemId,
    percent,
    note: v.note.trim(),
    ...(v.photos.length > 0 ? { photos: v.photos.map((x) => x.fileID) } : {}),
  }))
}

// ── 晒业绩 ──────────────────────────────────────────────────────────────────────────────────────────

export interface OutcomeValues {
  outcome: CommitmentMemberOutcome | ''
  evidence: string
  reason: string
  photos: CommitmentFormPhoto[]
}

export const EMPTY_OUTCOME: OutcomeValues = { outcome: '', evidence: '', reason: '', photos: [] }
export const OUTCOME_FIELDS = ['outcome', 'evidence', 'reason', 'photos'] as const
export type OutcomeField = (typeof OUTCOME_FIELDS)[number]
export type OutcomeInput = InputOf<CommitmentContract['setOutcome']>

export function checkOutcome(planId: string, itemId: string, v: OutcomeValues): Checked<OutcomeInput, OutcomeField> {
  const notKept = v.outcome !== '' && v.outcome !== 'kept'
  const errors = errorsOf<OutcomeField>([
    ['outcome', v.outcome ? undefined : '请选择兑现情况'],
    ['evidence', need(v.evidence, COMMITMENT_EVIDENCE_MAX, '请写一写做成了什么，有什么可以证明', '兑现情况说明')],
    ['reason', notKept ? need(v.reason, COMMITMENT_REASON_MAX, '请写下没有完全兑现的原因，群众会看到', '原因') : undefined],
  ])
  return checked(errors, () => ({
    planId,
    itemId,
    outcome: v.outcome as CommitmentMemberOutcome,
    evidence: v.evidence.trim(),
    ...(v.photos.length > 0 ? { photos: v.photos.map((x) => x.fileID) } : {}),
    ...(notKept ? { reason: v.reason.trim() } : {}),
  }))
}

// ── 群众评议 ────────────────────────────────────────────────────────────────────────────────────────

export interface RateValues {
  satisfaction: CommitmentSatisfaction | ''
  comment: string
}

export const RATE_FIELDS = ['satisfaction', 'comment'] as const
export type RateField = (typeof RATE_FIELDS)[number]
export type RateInput = InputOf<CommitmentContract['rate']>

export function checkRate(planId: string, v: RateValues): Checked<RateInput, RateField> {
  const comment = v.comment.trim()
  const errors = errorsOf<RateField>([
    ['satisfaction', v.satisfaction ? undefined : '请选一项：满意、基本满意或不满意'],
    ['comment', comment.length > COMMITMENT_COMMENT_MAX ? tooLong('意见', COMMITMENT_COMMENT_MAX) : undefined],
  ])
  return checked(errors, () => ({ planId, satisfaction: v.satisfaction as CommitmentSatisfaction, ...(comment ? { comment } : {}) }))
}

export const REPLY_FIELDS = ['text'] as const
export type ReplyField = (typeof REPLY_FIELDS)[number]
export type ReplyInput = InputOf<CommitmentContract['reply']>

export function checkReply(planId: string, ratingId: string, text: string): Checked<ReplyInput, ReplyField> {
  const errors = errorsOf<ReplyField>([['text', need(text, COMMITMENT_REPLY_MAX, '请写下回复的内容', '回复')]])
  return checked(errors, () => ({ planId, ratingId, text: text.trim() }))
}

// ── 亮身份: my card ─────────────────────────────────────────────────────────────────────────────────

export interface CardValues {
  /** The card's photo; null keeps the profile's avatar. */
  photo: CommitmentFormPhoto | null
  post: string
  phone: string
  showPhone: boolean
}

export const CARD_FIELDS = ['photo', 'post', 'phone', 'showPhone'] as const
export type CardField = (typeof CARD_FIELDS)[number]
export type CardInput = InputOf<CommitmentContract['saveCard']>

export function checkCard(v: CardValues): Checked<CardInput, CardField> {
  const phone = v.phone.replace(/[\s-]/g, '')
  const errors = errorsOf<CardField>([
    ['post', need(v.post, COMMITMENT_POST_MAX, '请填写您的岗位，例如“楼栋长”', '岗位')],
    ['phone', phone && !PHONE_PATTERN.test(phone) ? PHONE_MESSAGE : v.showPhone && !phone ? '要公开电话，请先填写手机号' : undefined],
  ])
  return checked(errors, () => ({
    ...(v.photo ? { photo: v.photo.fileID } : {}),
    post: v.post.trim(),
    phone,
    showPhone: v.showPhone,
  }))
}
