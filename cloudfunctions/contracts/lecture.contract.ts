import { z } from 'zod'
import { action } from './define'
import { cursorSchema, openidSchema, pageLimitSchema, requiredText, text, urlSchema, type Page } from './common.schema'
import { CHECKIN_TOKEN_PATTERN, LECTURE_ID_PATTERN } from './rules/check-in-scene.rules'
import { REASON_MAX, WEB_LINK_MESSAGE, WEB_LINK_PATTERN } from './rules/common.rules'
import type { Role } from './rules/member.rules'
import {
  ATTENDANCE_ORDERS,
  ATTENDANCE_SEARCH_MAX,
  AUDIENCES,
  CHECKIN_MODES,
  CHECKIN_WINDOW_MAX_MINUTES,
  LECTURE_TITLE_MAX,
  LECTURE_TOPIC_MAX,
  MATERIAL_FILE_FOLDER,
  MATERIAL_TITLE_MAX,
  MATERIALS_MAX,
  PLACE_NAME_MAX,
  SPEAKER_NAME_MAX,
  GUEST_NAME_MAX,
  VENUE_RADIUS_MAX,
  VENUE_RADIUS_MIN,
  type Audience,
  type CheckinMode,
  type LectureStatus,
} from './rules/lecture.rules'

/** ISO-8601 with an explicit offset or Z, e.g. `2026-11-22T19:30:00+08:00`: never a bare local time. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true, message: '请填写带时区的时间' })

export const lectureIdSchema = z.string().trim().regex(LECTURE_ID_PATTERN, '党课编号格式不正确')

export const tokenSchema = z.string().trim().regex(CHECKIN_TOKEN_PATTERN, '二维码内容不正确，请重新扫描')

export const audienceSchema = z.enum(AUDIENCES)
export const checkinModeSchema = z.enum(CHECKIN_MODES)

const coordinate = (min: number, max: number) => z.number().finite().min(min).max(max)

export const locationSchema = z.strictObject({
  name: requiredText(PLACE_NAME_MAX, '地点'),
  latitude: coordinate(-90, 90).optional(),
  longitude: coordinate(-180, 180).optional(),
  /** Metres; how far from the point a check-in is still "at the venue". */
  radius: z.number().int().min(VENUE_RADIUS_MIN).max(VENUE_RADIUS_MAX).optional(),
})

const folder = MATERIAL_FILE_FOLDER.replace(/\/$/, '')

/**
 * A file in this environment's cloud storage, as `uploadFile` answers it:
 * `cloud://<env-id>.<bucket>/lecture-materials/<name>`. The shape is checked here; that the env is the
 * caller's own and the file exists is checked by the use case (it needs the cloud context).
 */
export const materialFileIdSchema = z
  .string()
  .trim()
  .max(300, '文件标识太长')
  .regex(new RegExp(`^cloud://[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+/${folder}/[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$`), '文件标识格式不正确，请重新上传')
  .refine((id) => !/(^|\/)\.\.?(\/|$)/.test(id.slice(id.indexOf(`/${folder}/`))), '文件标识格式不正确，请重新上传')

/** A link to read elsewhere: http(s) only (a `cloud://` id is a file material, not a link). */
export const materialLinkSchema = z.strictObject({
  title: requiredText(MATERIAL_TITLE_MAX, '资料名称'),
  url: urlSchema.regex(WEB_LINK_PATTERN, WEB_LINK_MESSAGE),
})

/** A file the secretary uploaded (PDF, Word, PPT, pictures). */
export const materialFileSchema = z.strictObject({
  title: requiredText(MATERIAL_TITLE_MAX, '资料名称'),
  fileID: materialFileIdSchema,
})

/** A link OR an uploaded file; the keys tell them apart (both objects are strict). */
export const materialSchema = z.union([materialLinkSchema, materialFileSchema], {
  error: '每项资料需要一个链接或一个上传的文件',
})

export const checkinWindowSchema = z.strictObject({
  opensBeforeMinutes: z.number().int().min(0).max(CHECKIN_WINDOW_MAX_MINUTES),
  closesAfterMinutes: z.number().int().min(0).max(CHECKIN_WINDOW_MAX_MINUTES),
})

export const lectureFieldsSchema = {
  title: requiredText(LECTURE_TITLE_MAX, '标题'),
  topic: text(LECTURE_TOPIC_MAX),
  speaker: z.strictObject({ name: requiredText(SPEAKER_NAME_MAX, '主讲人'), openid: openidSchema.optional() }),
  startAt: isoDateTimeSchema,
  endAt: isoDateTimeSchema,
  location: locationSchema,
  audience: audienceSchema,
  checkinMode: checkinModeSchema,
  materials: z.array(materialSchema).max(MATERIALS_MAX, `资料最多 ${MATERIALS_MAX} 项`),
  checkinWindow: checkinWindowSchema,
}

export const lectureInputSchema = z.strictObject({
  title: lectureFieldsSchema.title,
  topic: lectureFieldsSchema.topic.optional(),
  speaker: lectureFieldsSchema.speaker,
  startAt: lectureFieldsSchema.startAt,
  endAt: lectureFieldsSchema.endAt,
  location: lectureFieldsSchema.location,
  audience: lectureFieldsSchema.audience.optional(),
  checkinMode: lectureFieldsSchema.checkinMode.optional(),
  materials: lectureFieldsSchema.materials.optional(),
  checkinWindow: lectureFieldsSchema.checkinWindow.optional(),
})

export type MaterialInput = z.infer<typeof materialSchema>

/**
 * A material as answered: a link as stored, or a file with `url` = a temporary download URL made for
 * this answer (empty when the file is gone), so the client opens both the same way.
 */
export type MaterialView = { title: string; url: string; fileID?: undefined } | { title: string; url: string; fileID: string }

export interface LectureView {
  id: string
  branchId: string
  branchName: string
  title: string
  topic: string
  speaker: { name: string; openid: string | null }
  startAt: string
  endAt: string
  location: { name: string; latitude: number | null; longitude: number | null; radius: number | null }
  audience: Audience
  checkinMode: CheckinMode
  materials: MaterialView[]
  checkinWindow: { opensBeforeMinutes: number; closesAfterMinutes: number }
  /** When check-in opens and closes (ISO), computed on the server. */
  checkinOpensAt: string
  checkinClosesAt: string
  status: LectureStatus
  cancelReason: string | null
  checkinCount: number
  /** True when the lecture belongs to another branch (shown as 开放党课 from elsewhere). */
  fromOtherBranch: boolean
}

export interface MyLectureStatus {
  checkedIn: boolean
  checkedInAt: string | null
  /**
   * The caller had checked in and the secretary revoked it (markAttendance present:false): scanning
   * again is refused (CHECKIN.REMOVED), so the detail says so instead of offering 扫码签到.
   */
  removed: boolean
  /** The reason the secretary gave when revoking; null when not removed. */
  removedReason: string | null
  rated: boolean
  /** Whether the caller may manage it (secretary of its branch). */
  canManage: boolean
  /** Whether the caller may see attendance (secretary or the speaker). */
  canSeeAttendance: boolean
  /** Whether the caller is the speaker (who reads the report and does not rate their own lecture). */
  isSpeaker: boolean
}

export interface LectureDetail extends LectureView {
  me: MyLectureStatus
}

/** What the display polls between codes: the count and the newest names, no code (nothing to mint). */
export type DisplayCount = Pick<DisplayCode, 'checkinCount' | 'recent'>

export interface DisplayCode {
  token: string
  /** What the QR code on the display encodes: an H5 URL locally, in-app scanner content in the mini-program. */
  qrContent: string
  /** ≤ 32 characters: the `scene` of a mini-program code (wxacode.getUnlimited). */
  scene: string
  slotSeconds: number
  expiresAt: string
  checkinCount: number
  recent: Array<{ name: string; at: string }>
  /**
   * With `withMiniCode`: the mini-program code (wxacode.getUnlimited) for `scene` as a data URL, so a
   * phone camera opens the check-in page directly. Absent when not asked for or when WeChat refused.
   */
  miniCode?: string
}

export interface CheckInResult {
  checkedInAt: string
  already: boolean
  /** Recorded but flagged (e.g. far from the venue); the person is still checked in. */
  flags: string[]
  lectureTitle: string
}

export type CheckInMethod = 'scan' | 'manual'

/**
 * One check-in as the branch secretary sees it: the whole record, removed ones (`present: false`) and
 * the reason included, and the openid that 补录 / 撤销 / 恢复 (markAttendance) name the person by.
 */
export interface AttendanceRow {
  openid: string
  name: string
  branchName: string
  visitor: boolean
  at: string
  method: CheckInMethod
  present: boolean
  flags: string[]
  distanceMeters: number | null
  reason: string | null
  /**
   * An outside guest (来宾) the secretary entered by name (addGuest): no account, no branch, never rates;
   * `openid` is then a per-lecture key (`guest-…`) that 撤销 / 恢复 name the record by.
   */
  guest: boolean
}

/**
 * Someone the secretary may add to a lecture's attendance (attendeeCandidates): of their own branch by
 * full name; of another branch (an open lecture's visitor) only on an exact full-name match, masked
 * (docs/architecture.md "Privacy").
 */
export interface AttendeeCandidate {
  openid: string
  name: string
  branchName: string
  /** Of the secretary's own branch. */
  ownBranch: boolean
  role: Role
  /** Their record at this lecture: checked in, removed (恢复 brings it back), or none. */
  attendance: 'present' | 'removed' | null
}

/**
 * One attendee as the lecture's speaker sees them (docs/architecture.md "Privacy"): people present only, by masked name,
 * with their branch (or 外支部), when and how they checked in — what a speaker needs to see who came.
 * No openid: `key` is an HMAC of it under the lecture's secret, stable within this lecture (a list key)
 * and unlinkable across lectures. No reason, distance or flags: checking those is the secretary's.
 */
export interface SpeakerAttendanceRow {
  key: string
  name: string
  branchName: string
  visitor: boolean
  at: string
  method: CheckInMethod
}

/**
 * The secretary's list: every check-in, removed ones too, by check-in time or by name (`order`), a keyset
 * cursor of that order (one of the other order is refused).
 */
export interface SecretaryAttendancePage extends Page<AttendanceRow> {
  view: 'secretary'
  checkinCount: number
}

/**
 * The speaker's list: present attendees by check-in time; `nextCursor` is sealed (it holds the last
 * row's `_id`, which names the person).
 */
export interface SpeakerAttendancePage extends Page<SpeakerAttendanceRow> {
  view: 'speaker'
  checkinCount: number
}

/** Who attended, as the caller may see it: the branch secretary's view, or the lecture speaker's. */
export type AttendancePage = SecretaryAttendancePage | SpeakerAttendancePage

export interface MyCheckIn {
  lectureId: string
  lectureTitle: string
  lectureStartAt: string
  at: string
  method: CheckInMethod
  /** What the server noted about the check-in (`far`: away from the venue point); it still counts. */
  flags: string[]
}

/** A published lecture the caller was the linked speaker of (我主讲的党课), newest first. */
export interface SpokenLecture {
  lectureId: string
  title: string
  branchName: string
  startAt: string
  endAt: string
  checkinCount: number
}

export interface ExportResult {
  fileID: string
  url: string
  fileName: string
  rows: number
}

const byId = z.strictObject({ lectureId: lectureIdSchema })

/** A cursor by name carries the last row's sort key (syllables and the name), longer than one by time. */
const attendanceCursorSchema = z.string().trim().max(600).regex(/^[A-Za-z0-9_=-]*$/, '分页标记格式不正确')

export const lectureContract = {
  create: action<LectureDetail>()(lectureInputSchema),
  update: action<LectureDetail>()(lectureInputSchema.partial().extend({ lectureId: lectureIdSchema })),
  publish: action<LectureDetail>()(byId),
  cancel: action<LectureDetail>()(z.strictObject({ lectureId: lectureIdSchema, reason: requiredText(REASON_MAX, '取消原因') })),
  list: action<Page<LectureView>>()(
    z.strictObject({
      scope: z.enum(['upcoming', 'past']),
      cursor: cursorSchema.optional(),
      limit: pageLimitSchema.optional(),
    }),
  ),
  get: action<LectureDetail>()(byId),
  displayCode: action<DisplayCode>()(z.strictObject({ lectureId: lectureIdSchema, withMiniCode: z.boolean().optional() })),
  displayCount: action<DisplayCount>()(byId),
  checkIn: action<CheckInResult>()(
    z.strictObject({
      lectureId: lectureIdSchema,
      token: tokenSchema,
      location: z.strictObject({ latitude: coordinate(-90, 90), longitude: coordinate(-180, 180) }).optional(),
    }),
  ),
  attendance: action<AttendancePage>()(
    z.strictObject({
      lectureId: lectureIdSchema,
      /** Part of a name (the secretary's view only: the speaker sees masked names and may not search them). */
      search: text(ATTENDANCE_SEARCH_MAX).optional(),
      /** `time` when absent; `name` (pinyin order) is the secretary's only, refused to the speaker. */
      order: z.enum(ATTENDANCE_ORDERS).optional(),
      cursor: attendanceCursorSchema.optional(),
      limit: pageLimitSchema.optional(),
    }),
  ),
  markAttendance: action<AttendanceRow>()(
    z.strictObject({
      lectureId: lectureIdSchema,
      openid: openidSchema,
      present: z.boolean(),
      reason: requiredText(REASON_MAX, '原因'),
    }),
  ),
  /** Secretary of the lecture's branch: people to 补录, a page at a time (`_id` keyset), by name. */
  attendeeCandidates: action<Page<AttendeeCandidate>>()(
    z.strictObject({
      lectureId: lectureIdSchema,
      search: text(ATTENDANCE_SEARCH_MAX).optional(),
      cursor: cursorSchema.optional(),
      limit: pageLimitSchema.optional(),
    }),
  ),
  /** Secretary of the lecture's branch, open lectures only: an outside guest (来宾) by name, with the reason. */
  addGuest: action<AttendanceRow>()(
    z.strictObject({
      lectureId: lectureIdSchema,
      name: requiredText(GUEST_NAME_MAX, '来宾姓名'),
      reason: requiredText(REASON_MAX, '原因'),
    }),
  ),
  exportAttendance: action<ExportResult>()(byId),
  myCheckIns: action<Page<MyCheckIn>>()(z.strictObject({ cursor: cursorSchema.optional(), limit: pageLimitSchema.optional() })),
  /** The caller's lectures as speaker, for 我的 → 我主讲的党课 (each opens its report). */
  mySpokenLectures: action<Page<SpokenLecture>>()(z.strictObject({ cursor: cursorSchema.optional(), limit: pageLimitSchema.optional() })),
}

export type LectureContract = typeof lectureContract
