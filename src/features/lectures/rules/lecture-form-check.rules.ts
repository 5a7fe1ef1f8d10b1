import type { InputOf, LectureContract, MaterialInput } from '@contracts'
import {
  CHECKIN_WINDOW_MAX_MINUTES,
  DEFAULT_CHECKIN_WINDOW,
  LECTURE_MAX_MINUTES,
  LECTURE_TITLE_MAX,
  LECTURE_TOPIC_MAX,
  MATERIAL_TITLE_MAX,
  MATERIALS_MAX,
  OPENID_PATTERN,
  PLACE_NAME_MAX,
  SPEAKER_NAME_MAX,
  URL_MAX,
  URL_PATTERN,
  WEB_LINK_MESSAGE,
  WEB_LINK_PATTERN,
  lectureTimesProblem,
  type CheckinWindow,
} from '@contracts/rules'
import { beijingIso } from '@/utils/beijing-time'
import type { LectureFormErrors } from './lecture-form-errors.rules'
import { isFileMaterialValues, type LectureFormValues } from './lecture-form-values.rules'
import { venuePointError } from './venue-point.rules'

/**
 * Client-side checks for the lecture form: the limits of `lectureInputSchema` (from the contract's rules),
 * with messages that name the field. They spare a round trip only: the server parses the input again
 * and its message wins. The date and times leave here as ISO-8601 with `+08:00`.
 */
export type LectureInput = InputOf<LectureContract['create']>

export type CheckedLecture = { ok: true; value: LectureInput } | { ok: false; errors: LectureFormErrors }

const chars = (s: string) => [...s].length

function required(value: string, label: string, max: number): string | undefined {
  if (!value) return `请填写${label}`
  if (chars(value) > max) return `${label}不能超过 ${max} 个字`
  return undefined
}

function checkMinutes(raw: string): { value?: number; error?: string } {
  const s = raw.trim()
  if (!s) return {}
  if (!/^\d+$/.test(s) || Number(s) > CHECKIN_WINDOW_MAX_MINUTES) return { error: `请填写 0 到 ${CHECKIN_WINDOW_MAX_MINUTES} 之间的整数（分钟）` }
  return { value: Number(s) }
}

/** The check-in window the form asks for: what was typed, the default for what was left empty. */
export function formCheckinWindow(values: Pick<LectureFormValues, 'opensBeforeMinutes' | 'closesAfterMinutes'>): CheckinWindow {
  return {
    opensBeforeMinutes: checkMinutes(values.opensBeforeMinutes).value ?? DEFAULT_CHECKIN_WINDOW.opensBeforeMinutes,
    closesAfterMinutes: checkMinutes(values.closesAfterMinutes).value ?? DEFAULT_CHECKIN_WINDOW.closesAfterMinutes,
  }
}

/** Validates the form; on success, the `lecture.create` input (ISO times with +08:00). */
export function checkLectureForm(input: LectureFormValues): CheckedLecture {
  const errors: LectureFormErrors = {}
  const title = input.title.trim()
  const topic = input.topic.trim()
  const speakerName = input.speakerName.trim()
  const locationName = input.locationName.trim()

  const titleError = required(title, '标题', LECTURE_TITLE_MAX)
  if (titleError) errors.title = titleError
  if (chars(topic) > LECTURE_TOPIC_MAX) errors.topic = `内容简介不能超过 ${LECTURE_TOPIC_MAX} 个字`
  const speakerError = required(speakerName, '主讲人', SPEAKER_NAME_MAX)
  if (speakerError) errors.speakerName = speakerError
  else if (input.speakerOpenid && !OPENID_PATTERN.test(input.speakerOpenid)) {
    errors.speakerName = '关联的主讲人信息有误，请点“取消关联”后重新选择'
  }
  const placeError = required(locationName, '地点', PLACE_NAME_MAX)
  if (placeError) errors.locationName = placeError
  const pointError = input.venuePoint ? venuePointError(input.venuePoint) : undefined
  if (pointError) errors.venuePoint = pointError

  if (!input.date) errors.date = '请选择日期'
  if (!input.startTime) errors.startTime = '请选择开始时间'
  if (!input.endTime) errors.endTime = '请选择结束时间'
  const startAt = input.date && input.startTime ? beijingIso(input.date, input.startTime) : null
  const endAt = input.date && input.endTime ? beijingIso(input.date, input.endTime) : null
  if (input.date && input.startTime && !startAt) errors.startTime = '开始时间不正确，请重新选择'
  if (input.date && input.endTime && !endAt) errors.endTime = '结束时间不正确，请重新选择'
  const timesProblem = startAt && endAt ? lectureTimesProblem(Date.parse(startAt), Date.parse(endAt)) : null
  if (timesProblem === 'endNotAfterStart') errors.endTime = '结束时间必须晚于开始时间'
  else if (timesProblem === 'tooLong') errors.endTime = `一场党课不超过 ${LECTURE_MAX_MINUTES / 60} 小时`

  if (input.materials.length > MATERIALS_MAX) errors.materials = `资料最多 ${MATERIALS_MAX} 项`
  const materials = input.materials.map((m, i): MaterialInput => {
    const t = m.title.trim()
    const tError = required(t, '资料名称', MATERIAL_TITLE_MAX)
    if (tError) errors[`materials.${i}.title`] = tError
    if (isFileMaterialValues(m)) {
      if (!m.fileID) errors[`materials.${i}.file`] = '文件还没有上传完成，请重新上传或删除这项'
      return { title: t, fileID: m.fileID }
    }
    const url = m.url.trim()
    if (!url) errors[`materials.${i}.url`] = '请填写资料链接'
    else if (url.length > URL_MAX || !URL_PATTERN.test(url) || !WEB_LINK_PATTERN.test(url)) errors[`materials.${i}.url`] = WEB_LINK_MESSAGE
    return { title: t, url }
  })

  const opens = checkMinutes(input.opensBeforeMinutes)
  const closes = checkMinutes(input.closesAfterMinutes)
  if (opens.error) errors.opensBeforeMinutes = opens.error
  if (closes.error) errors.closesAfterMinutes = closes.error

  if (Object.keys(errors).length > 0 || !startAt || !endAt) return { ok: false, errors }

  const value: LectureInput = {
    title,
    topic,
    speaker: input.speakerOpenid ? { name: speakerName, openid: input.speakerOpenid } : { name: speakerName },
    startAt,
    endAt,
    location: input.venuePoint ? { name: locationName, ...input.venuePoint } : { name: locationName },
    audience: input.audience,
    checkinMode: input.checkinMode,
    materials,
  }
  if (opens.value !== undefined || closes.value !== undefined) {
    value.checkinWindow = formCheckinWindow(input)
  }
  return { ok: true, value }
}
