import type { Audience, CheckinMode, InputOf, LectureContract, LectureDetail, MaterialInput, MemberRow, Role } from '@contracts'
import { beijingIso, beijingParts, formatBeijing } from '@/utils/beijing-time'
import {
  CHECKIN_WINDOW_MAX_MINUTES,
  DEFAULT_AUDIENCE,
  DEFAULT_CHECKIN_MODE,
  DEFAULT_CHECKIN_WINDOW,
  DEFAULT_VENUE_RADIUS,
  LECTURE_MAX_MINUTES,
  lectureTimesProblem,
  LECTURE_TITLE_MAX,
  LECTURE_TOPIC_MAX,
  MATERIAL_FILE_FOLDER,
  MATERIAL_TITLE_MAX,
  MATERIALS_MAX,
  OPENID_PATTERN,
  PLACE_NAME_MAX,
  SPEAKER_NAME_MAX,
  URL_MAX,
  URL_PATTERN,
  WEB_LINK_MESSAGE,
  WEB_LINK_PATTERN,
  checkinWindowBounds,
  type CheckinWindow,
} from '@contracts/rules'
import { venuePointError, type VenuePoint } from './venue-point.rules'

/**
 * Client-side checks for the lecture form: the limits of `lectureInputSchema` (from the contract's rules),
 * with messages that name the field. They spare a round trip only: the server parses the input again
 * and its message wins.
 *
 * The date and the two times are Beijing wall-clock time, whatever the phone's time zone, and leave
 * here as ISO-8601 with `+08:00`.
 */
export type LectureInput = InputOf<LectureContract['create']>

/** A link to read elsewhere. */
export interface LinkMaterialValues {
  title: string
  url: string
}

/** A file already in cloud storage (uploaded on this form, or kept from the edited lecture). */
export interface FileMaterialValues {
  title: string
  fileID: string
  /** What the row shows: the picked file's name, or its kind for a file kept from the lecture. */
  fileName: string
  /** The answer's temporary URL when editing (to open it from the form); never sent. */
  url?: string
}

export type MaterialValues = LinkMaterialValues | FileMaterialValues

export function isFileMaterialValues(m: MaterialValues): m is FileMaterialValues {
  return 'fileID' in m
}

export interface LectureFormValues {
  title: string
  topic: string
  speakerName: string
  /**
   * The branch member who gives the lecture (picked from the member list, or kept from an edited
   * lecture): they see its attendance and its rating report. Absent: an outside lecturer (外请讲师).
   */
  speakerOpenid?: string
  /** The linked member's role when picked on this form (shown as 本支部党员); unknown when editing. */
  speakerRole?: Role
  /** `YYYY-MM-DD`, Beijing */
  date: string
  /** `HH:mm`, Beijing */
  startTime: string
  endTime: string
  locationName: string
  /**
   * The venue's point (WGS-84) and radius for the distance flag: kept from an edited lecture, or set
   * with 场地定位 on the form. Absent: no distance check.
   */
  venuePoint?: VenuePoint
  audience: Audience
  checkinMode: CheckinMode
  materials: MaterialValues[]
  /** Minutes, as typed; empty means the default (DEFAULT_CHECKIN_WINDOW: 30 before, 0 after). */
  opensBeforeMinutes: string
  closesAfterMinutes: string
}

export type LectureFormField =
  | 'title'
  | 'topic'
  | 'speakerName'
  | 'date'
  | 'startTime'
  | 'endTime'
  | 'locationName'
  | 'venuePoint'
  | 'materials'
  | 'opensBeforeMinutes'
  | 'closesAfterMinutes'
  | `materials.${number}.title`
  | `materials.${number}.url`
  | `materials.${number}.file`

export type LectureFormErrors = Partial<Record<LectureFormField, string>>

export type CheckedLecture = { ok: true; value: LectureInput } | { ok: false; errors: LectureFormErrors }


export function emptyLectureForm(today: string): LectureFormValues {
  return {
    title: '',
    topic: '',
    speakerName: '',
    date: today,
    startTime: '',
    endTime: '',
    locationName: '',
    audience: DEFAULT_AUDIENCE,
    checkinMode: DEFAULT_CHECKIN_MODE,
    materials: [],
    opensBeforeMinutes: '',
    closesAfterMinutes: '',
  }
}

/** The form filled from a saved lecture (editing). */
export function lectureToForm(l: LectureDetail): LectureFormValues {
  const start = beijingParts(l.startAt)
  const end = beijingParts(l.endAt)
  const { latitude, longitude, radius } = l.location
  return {
    title: l.title,
    topic: l.topic,
    speakerName: l.speaker.name,
    ...(l.speaker.openid ? { speakerOpenid: l.speaker.openid } : {}),
    date: start.date,
    startTime: start.time,
    endTime: end.time,
    locationName: l.location.name,
    ...(latitude !== null && longitude !== null ? { venuePoint: { latitude, longitude, radius: radius ?? DEFAULT_VENUE_RADIUS } } : {}),
    audience: l.audience,
    checkinMode: l.checkinMode,
    materials: l.materials.map((m): MaterialValues =>
      m.fileID ? { title: m.title, fileID: m.fileID, fileName: fileKindLabel(m.fileID), url: m.url } : { title: m.title, url: m.url },
    ),
    opensBeforeMinutes: String(l.checkinWindow.opensBeforeMinutes),
    closesAfterMinutes: String(l.checkinWindow.closesAfterMinutes),
  }
}

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
function formCheckinWindow(values: Pick<LectureFormValues, 'opensBeforeMinutes' | 'closesAfterMinutes'>): CheckinWindow {
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
 * What the past-start dialog says: check-in runs until the end plus 签到截止 minutes (the server's
 * window, lecture-timing.rules), so a lecture saved after that can only be 补录'd; one saved before
 * that checks in as usual until then.
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

/** 从本支部成员中选择: the member's name and openid (and role, to show) become the speaker. */
export function withSpeakerMember(values: LectureFormValues, member: Pick<MemberRow, 'openid' | 'name' | 'role'>): LectureFormValues {
  return { ...values, speakerName: [...member.name].slice(0, SPEAKER_NAME_MAX).join(''), speakerOpenid: member.openid, speakerRole: member.role }
}

/**
 * A speaker's name typed by hand: an outside lecturer, so any link to a member goes (a member's
 * name edited into another is no longer that member). The same name again keeps the link.
 */
export function withSpeakerName(values: LectureFormValues, name: string): LectureFormValues {
  if (name === values.speakerName) return values
  return { ...withoutSpeakerLink(values), speakerName: name }
}

/** 取消关联: the name stays, as an outside lecturer's; nobody sees the attendance or report as speaker. */
export function withoutSpeakerLink(values: LectureFormValues): LectureFormValues {
  const { speakerOpenid: _openid, speakerRole: _role, ...rest } = values
  return rest
}

/**
 * The form after 场地定位 answered a point: the point (with the radius chosen so far), and the picked
 * place's name when the 地点 field is still empty — a name typed by hand is never overwritten.
 */
export function withVenuePoint(values: LectureFormValues, point: VenuePoint, placeName: string): LectureFormValues {
  const name = values.locationName.trim() ? values.locationName : [...placeName].slice(0, PLACE_NAME_MAX).join('')
  return { ...values, locationName: name, venuePoint: point }
}

/** 清除定位: the lecture keeps its place name and loses the distance check. */
export function withoutVenuePoint(values: LectureFormValues): LectureFormValues {
  const { venuePoint: _dropped, ...rest } = values
  return rest
}

/** The server's per-field messages (dotted input paths) placed on the form's fields. */
export function formErrorsFromServer(fields: Record<string, string> | undefined): LectureFormErrors {
  const out: LectureFormErrors = {}
  if (!fields) return out
  const map: Record<string, LectureFormField> = {
    title: 'title',
    topic: 'topic',
    speaker: 'speakerName',
    'speaker.name': 'speakerName',
    'speaker.openid': 'speakerName',
    startAt: 'startTime',
    endAt: 'endTime',
    'location.name': 'locationName',
    'location.latitude': 'venuePoint',
    'location.longitude': 'venuePoint',
    'location.radius': 'venuePoint',
    materials: 'materials',
    'checkinWindow.opensBeforeMinutes': 'opensBeforeMinutes',
    'checkinWindow.closesAfterMinutes': 'closesAfterMinutes',
  }
  for (const [path, message] of Object.entries(fields)) {
    const m = /^materials\.(\d+)(?:\.(title|url|fileID))?$/.exec(path)
    if (m) {
      const part = m[2] === 'fileID' ? 'file' : m[2] === 'title' ? 'title' : 'url'
      // A whole item refused (neither a link nor a file) is shown where a link would be typed.
      out[`materials.${Number(m[1])}.${part}`] = message
    } else if (map[path]) out[map[path]] = message
  }
  return out
}

/** The largest file a material may be (WeChat's chat files can be much larger; reading on a phone is not). */
export const MATERIAL_FILE_MAX_BYTES = 20 * 1024 * 1024
export const MATERIAL_FILE_MAX_LABEL = '20 MB'

const FILE_KINDS: Record<string, string> = {
  pdf: 'PDF 文件',
  doc: 'Word 文档',
  docx: 'Word 文档',
  ppt: 'PPT 演示文稿',
  pptx: 'PPT 演示文稿',
  xls: 'Excel 表格',
  xlsx: 'Excel 表格',
  txt: '文本文件',
  jpg: '图片',
  jpeg: '图片',
  png: '图片',
}

/** What a material file may be: documents a phone can open (openDocument) and pictures. */
export const MATERIAL_FILE_EXTENSIONS = Object.keys(FILE_KINDS)

/** `讲稿.PDF` → `pdf`; '' when there is none. */
export function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name.trim())
  return m?.[1] ? m[1].toLowerCase() : ''
}

/** `PDF 文件`, `Word 文档`, … from a file name or fileID; `文件` when unknown. */
export function fileKindLabel(nameOrId: string): string {
  return FILE_KINDS[extensionOf(nameOrId)] ?? '文件'
}

/** `1.5 MB`, `320 KB`: sizes as people say them. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`
  return `${Math.max(1, Math.round(bytes / 1024))} KB`
}

export type CheckedMaterialFile = { ok: true; ext: string; title: string } | { ok: false; message: string }

/**
 * Whether a picked file may be uploaded, before a byte is sent: a kind a phone can open, not empty,
 * not over 20 MB. On success, its extension and a title from its name (the secretary can edit it).
 */
export function checkMaterialFile(file: { name: string; size: number }): CheckedMaterialFile {
  const ext = extensionOf(file.name)
  if (!FILE_KINDS[ext]) return { ok: false, message: '只能上传 PDF、Word、PPT、Excel、文本或图片（jpg、png）文件' }
  if (!(file.size > 0)) return { ok: false, message: '这个文件是空的，请重新选择' }
  if (file.size > MATERIAL_FILE_MAX_BYTES) {
    return { ok: false, message: `文件太大（${formatFileSize(file.size)}），最大 ${MATERIAL_FILE_MAX_LABEL}。请压缩或拆分后再上传，或改为添加链接` }
  }
  const base = file.name.trim().replace(/\.[A-Za-z0-9]{1,8}$/, '').trim()
  return { ok: true, ext, title: [...(base || '学习资料')].slice(0, MATERIAL_TITLE_MAX).join('') }
}

/**
 * Where an uploaded material goes in cloud storage: `lecture-materials/<yyyymm>/<time>-<random>.<ext>`.
 * The folder is the one the server accepts; the name is ours, never the person's file name (which may
 * hold characters a cloud path cannot), and fresh each time so no upload replaces another.
 */
export function materialCloudPath(ext: string, nowMs: number, random: string): string {
  const month = formatBeijing(nowMs, 'YYYYMM')
  const safeRandom = random.replace(/[^a-z0-9]/gi, '').slice(0, 16) || '0'
  const safeExt = ext.replace(/[^a-z0-9]/gi, '').toLowerCase() || 'bin'
  return `${MATERIAL_FILE_FOLDER}${month}/${nowMs.toString(36)}-${safeRandom}.${safeExt}`
}
