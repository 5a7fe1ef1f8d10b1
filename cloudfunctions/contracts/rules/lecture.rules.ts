import { MINUTE_MS } from './time.rules'

/** The lecture contract's fixed values: what a lecture may hold, its defaults, and its check-in window. */

export const AUDIENCES = ['branch', 'open'] as const
export type Audience = (typeof AUDIENCES)[number]
export const DEFAULT_AUDIENCE: Audience = 'branch'

export const CHECKIN_MODES = ['rotating', 'static'] as const
export type CheckinMode = (typeof CHECKIN_MODES)[number]
export const DEFAULT_CHECKIN_MODE: CheckinMode = 'rotating'
/** How long a rotating code lasts on the display. */
export const CHECKIN_SLOT_SECONDS = 15

export const LECTURE_STATUSES = ['draft', 'published', 'cancelled'] as const
export type LectureStatus = (typeof LECTURE_STATUSES)[number]
export const LECTURE_STATUS_LABELS: Record<LectureStatus, string> = {
  draft: '草稿',
  published: '已发布',
  cancelled: '已取消',
}

export const LECTURE_TITLE_MAX = 60
export const LECTURE_TOPIC_MAX = 500
export const SPEAKER_NAME_MAX = 20
export const PLACE_NAME_MAX = 60
export const MATERIAL_TITLE_MAX = 60
export const MATERIALS_MAX = 10
/** The 签到名单's search box: part of a name. */
export const ATTENDANCE_SEARCH_MAX = 20
/** The 签到名单's orders: by check-in time (the default), or by name in pinyin order (the secretary's only). */
export const ATTENDANCE_ORDERS = ['time', 'name'] as const
export type AttendanceOrder = (typeof ATTENDANCE_ORDERS)[number]
export const ATTENDANCE_ORDER_LABELS: Record<AttendanceOrder, string> = { time: '按签到时间', name: '按姓名' }
/** An outside guest's name as the secretary enters it (with a unit to tell two apart: 李明（街道办）). */
export const GUEST_NAME_MAX = 20
/** A lecture lasts at most a day. */
export const LECTURE_MAX_MINUTES = 24 * 60

export type LectureTimesProblem = 'endNotAfterStart' | 'tooLong'

/** Why a lecture's start and end (epoch ms) cannot be saved, or null: the end comes after the start, within a day. */
export function lectureTimesProblem(startMs: number, endMs: number): LectureTimesProblem | null {
  const span = endMs - startMs
  if (!(span > 0)) return 'endNotAfterStart'
  if (span > LECTURE_MAX_MINUTES * MINUTE_MS) return 'tooLong'
  return null
}

/** Where the client uploads lecture files; the server refuses a fileID outside it (exports live elsewhere). */
export const MATERIAL_FILE_FOLDER = 'lecture-materials/'

/** Metres around the venue's point within which a check-in counts as "at the venue". */
export const VENUE_RADIUS_MIN = 50
export const VENUE_RADIUS_MAX = 5000
export const DEFAULT_VENUE_RADIUS = 300

export interface CheckinWindow {
  opensBeforeMinutes: number
  closesAfterMinutes: number
}

/** Check-in opens 30 minutes before the start and closes at the end, unless the lecture says otherwise. */
export const DEFAULT_CHECKIN_WINDOW: Readonly<CheckinWindow> = { opensBeforeMinutes: 30, closesAfterMinutes: 0 }
/** Either side of the window reaches at most a day from the lecture. */
export const CHECKIN_WINDOW_MAX_MINUTES = 24 * 60

export interface Bounds {
  opensAt: number
  closesAt: number
}

/** When check-in opens and closes, as epoch ms, for a lecture from `startMs` to `endMs`. */
export function checkinWindowBounds(startMs: number, endMs: number, w: CheckinWindow): Bounds {
  return { opensAt: startMs - w.opensBeforeMinutes * MINUTE_MS, closesAt: endMs + w.closesAfterMinutes * MINUTE_MS }
}

export type CheckinWindowState = 'notOpen' | 'open' | 'closed'

/** Open from `opensAt` inclusive to `closesAt` exclusive. */
export function checkinWindowState(nowMs: number, bounds: Bounds): CheckinWindowState {
  if (nowMs < bounds.opensAt) return 'notOpen'
  if (nowMs >= bounds.closesAt) return 'closed'
  return 'open'
}
