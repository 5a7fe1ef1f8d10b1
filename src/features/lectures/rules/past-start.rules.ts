import { checkinWindowBounds } from '@contracts/rules'
import { beijingIso } from '@/utils/beijing-time'
import { formCheckinWindow } from './lecture-form-check.rules'
import type { LectureFormValues } from './lecture-form-values.rules'

/* Saving a lecture whose start has passed: whether to ask first, and what the dialog says. */

/** The chosen start (Beijing) as epoch ms; null while the date or time is missing or not real. */
export function formStartMs(values: Pick<LectureFormValues, 'date' | 'startTime'>): number | null {
  const iso = values.date && values.startTime ? beijingIso(values.date, values.startTime) : null
  return iso ? Date.parse(iso) : null
}

/** The title of the dialog {@link asksPastStart} opens. */
export const PAST_START_TITLE = '开始时间已过'

/** Saving a lecture whose check-in window has closed too: nobody can scan any more. */
export const PAST_ALL_MESSAGE = '这场党课的时间已经全部过去，保存后无法扫码签到，只能由书记补录。仍要保存吗？'

/**
 * What the past-start dialog says: check-in runs until the end plus 签到截止 minutes (the contract's
 * checkinWindowBounds, as the server counts it), so a lecture saved after that can only be 补录'd; one
 * saved before that checks in as usual until then.
 */
export function pastStartMessage(values: LectureFormValues, now: number): string {
  const startIso = values.date && values.startTime ? beijingIso(values.date, values.startTime) : null
  const endIso = values.date && values.endTime ? beijingIso(values.date, values.endTime) : null
  const window = formCheckinWindow(values)
  const after = window.closesAfterMinutes
  const closesAt = startIso && endIso ? checkinWindowBounds(Date.parse(startIso), Date.parse(endIso), window).closesAt : null
  if (closesAt !== null && closesAt <= now) return PAST_ALL_MESSAGE
  const until = after > 0 ? `结束后 ${after} 分钟` : '结束'
  return `党课已经开始，保存后签到照常进行到${until}。仍要保存吗？`
}

/**
 * Whether saving should first ask 「开始时间已过…仍要保存吗？」 ({@link pastStartMessage}): the chosen start is already past and
 * was chosen on this form (a new lecture, or the date or time changed). Editing something else of a
 * lecture that has already begun asks nothing.
 */
export function asksPastStart(values: LectureFormValues, initial: LectureFormValues, now: number): boolean {
  const start = formStartMs(values)
  if (start === null || start > now) return false
  return values.date !== initial.date || values.startTime !== initial.startTime
}
