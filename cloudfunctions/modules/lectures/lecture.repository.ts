import { randomBytes } from 'crypto'
import type { CheckInMethod } from '../../contracts/lecture.contract'
import { LECTURE_STATUSES, type Audience, type CheckinMode, type CheckinWindow, type LectureStatus } from '../../contracts/rules/lecture.rules'
import { Collections } from '../../shared/collections'
import { findById, findMany, type Database, type DocBase } from '../../shared/db'
import type { Cursor } from '../../shared/cursor'
import type { StoredMaterial } from './material.rules'

export interface LectureDoc extends DocBase {
  branchId: string
  branchName: string
  title: string
  topic: string
  speaker: { name: string; openid: string | null }
  startAt: Date
  endAt: Date
  location: { name: string; latitude: number | null; longitude: number | null; radius: number | null }
  audience: Audience
  checkinMode: CheckinMode
  /** Links as given; files by fileID only (a temporary URL is made per answer, never stored). */
  materials: StoredMaterial[]
  checkinWindow: CheckinWindow
  status: LectureStatus
  cancelReason: string | null
  /** HMAC key of the rotating code; never leaves the server. */
  secret: string
  slotSeconds: number
  /** Present attendees, kept on the document so displays and boards never recount (docs/architecture.md "Rules that hold everywhere"). */
  checkinCount: number
  createdAt: Date
  createdBy: string
  updatedAt: Date
  publishedAt: Date | null
}

/** `_id` = `<lectureId>_<openid>`: one record per person per lecture, whatever the race. */
export interface CheckInDoc extends DocBase {
  lectureId: string
  openid: string
  name: string
  branchId: string
  branchName: string
  visitor: boolean
  at: Date
  method: CheckInMethod
  present: boolean
  flags: string[]
  distanceMeters: number | null
  reason: string | null
  markedBy: string | null
  lectureTitle: string
  lectureStartAt: Date
  updatedAt: Date
}

export function newLectureId(): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz'
  const bytes = randomBytes(10)
  let id = 'L'
  for (const b of bytes) id += alphabet[b % alphabet.length]
  return id
}

export function newSecret(): string {
  return randomBytes(24).toString('hex')
}

export function checkInId(lectureId: string, openid: string): string {
  return `${lectureId}_${openid}`
}

export function findLecture(db: Database, id: string): Promise<LectureDoc | null> {
  return findById<LectureDoc>(db, Collections.lectures, id)
}

export function findCheckIn(db: Database, lectureId: string, openid: string): Promise<CheckInDoc | null> {
  return findById<CheckInDoc>(db, Collections.checkIns, checkInId(lectureId, openid))
}

export async function listLectures(
  db: Database,
  options: { branchId: string; includeDrafts: boolean; scope: 'upcoming' | 'past'; now: Date; after: Cursor | null; limit: number },
): Promise<LectureDoc[]> {
  const _ = db.command
  const visibleStatuses: LectureStatus[] = ['published', 'cancelled']
  // Every status named even with drafts, so both lists read through one index (lectures branch_status_start).
  const mine = { branchId: options.branchId, status: _.in(options.includeDrafts ? [...LECTURE_STATUSES] : visibleStatuses) }
  const conditions: object[] = [
    // Own branch's lectures, and open lectures of every branch once published.
    _.or([mine, { audience: 'open', status: _.in(visibleStatuses) }]),
    options.scope === 'upcoming' ? { endAt: _.gte(options.now) } : { endAt: _.lt(options.now) },
  ]
  const asc = options.scope === 'upcoming'
  if (options.after) {
    const t = new Date(options.after.t)
    const beyond = asc ? _.gt : _.lt
    conditions.push(_.or([{ startAt: beyond(t) }, { startAt: t, _id: beyond(options.after.id) }]))
  }
  const order = asc ? 'asc' : 'desc'
  return findMany<LectureDoc>(
    db.collection(Collections.lectures).where(_.and(conditions)).orderBy('startAt', order).orderBy('_id', order).limit(options.limit + 1),
  )
}

/**
 * Every record of a lecture (removed ones too) in check-in order, `(at, _id)` keyset, optionally only
 * names containing `search` (matched literally). Index: check_ins lecture_at (cloudbaserc.json); the
 * name filter runs on the rows of that one lecture.
 */
export function attendanceRecords(db: Database, lectureId: string, options: { after: Cursor | null; search?: string; limit: number }): Promise<CheckInDoc[]> {
  const _ = db.command
  const conditions: object[] = [{ lectureId }]
  if (options.search) conditions.push({ name: db.RegExp({ regexp: escapePattern(options.search), options: 'i' }) })
  if (options.after) {
    const t = new Date(options.after.t)
    conditions.push(_.or([{ at: _.gt(t) }, { at: t, _id: _.gt(options.after.id) }]))
  }
  return findMany<CheckInDoc>(
    db.collection(Collections.checkIns).where(_.and(conditions)).orderBy('at', 'asc').orderBy('_id', 'asc').limit(options.limit),
  )
}

/** A person's text as a pattern that matches only itself. */
function escapePattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export async function recentCheckIns(db: Database, lectureId: string, limit: number): Promise<CheckInDoc[]> {
  return findMany<CheckInDoc>(
    db.collection(Collections.checkIns).where({ lectureId, present: true }).orderBy('at', 'desc').limit(limit),
  )
}

export async function myCheckIns(db: Database, openid: string, after: Cursor | null, limit: number): Promise<CheckInDoc[]> {
  const _ = db.command
  const conditions: object[] = [{ openid, present: true }]
  if (after) {
    const t = new Date(after.t)
    conditions.push(_.or([{ at: _.lt(t) }, { at: t, _id: _.lt(after.id) }]))
  }
  return findMany<CheckInDoc>(
    db.collection(Collections.checkIns).where(_.and(conditions)).orderBy('at', 'desc').orderBy('_id', 'desc').limit(limit + 1),
  )
}

/** Present check-ins of a lecture by time, then `_id`, after a keyset cursor. */
export function presentCheckIns(db: Database, lectureId: string, after: Cursor | null, limit: number): Promise<CheckInDoc[]> {
  const _ = db.command
  const conditions: object[] = [{ lectureId, present: true }]
  if (after) {
    const t = new Date(after.t)
    conditions.push(_.or([{ at: _.gt(t) }, { at: t, _id: _.gt(after.id) }]))
  }
  return findMany<CheckInDoc>(
    db.collection(Collections.checkIns).where(_.and(conditions)).orderBy('at', 'asc').orderBy('_id', 'asc').limit(limit),
  )
}
