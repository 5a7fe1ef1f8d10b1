import { createHash, randomBytes } from 'crypto'
import type { CheckInMethod } from '../../contracts/lecture.contract'
import { checkinWindowBounds, LECTURE_STATUSES, type Audience, type CheckinMode, type CheckinWindow, type LectureStatus } from '../../contracts/rules/lecture.rules'
import { Collections } from '../../shared/collections'
import { countWhere, escapePattern, findById, findMany, updateWhere, type Database, type DocBase } from '../../shared/db'
import type { Cursor, NameCursor } from '../../shared/cursor'
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
  /**
   * Present attendees as last counted from check_ins, kept so lists need no count per card; it is
   * exact once `countSettled` (docs/architecture.md "Check-in", "The count"). Read it through
   * `checkinCountOf`.
   */
  checkinCount: number
  /** Of `checkinCount`, outside guests (addGuest): they have no account and never rate. Absent means 0. */
  guestCount?: number
  /** Moved by every write to the count or the window: a recount is stored only over the version it read. */
  countVersion?: number
  /** Counted after check-in closed for good; from then on only `markAttendance` moves it, in its transaction. */
  countSettled?: boolean
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
  /** An outside guest entered by name (addGuest); `openid` is then `guestKey(...)`, `branchId` empty. */
  guest?: boolean
  /**
   * `nameSortKey(name)`, which the list by name pages on. Records written before it existed lack it
   * until the first list by name of their lecture fills it in (`fillNameKeys`).
   */
  nameKey: string
}

const GUEST_KEY = /^guest-[0-9a-f]{16}$/

/**
 * A guest's stand-in for an openid: fixed by the lecture and the name, so entering the same guest twice
 * (a double tap, two secretaries' phones) makes one record. Never the shape of a WeChat openid.
 */
export function guestKey(lectureId: string, name: string): string {
  return `guest-${createHash('sha256').update(`${lectureId}:${name}`, 'utf8').digest('hex').slice(0, 16)}`
}

export function isGuestKey(openid: string): boolean {
  return GUEST_KEY.test(openid)
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

/**
 * A record's `nameKey`. pinyin-pro's dictionaries would be most of the function's code, so they are
 * loaded by the first record an instance writes or lists by name, not by every cold start (LAZY_PARTS
 * in config/build-functions.mjs keeps them in a file of their own).
 */
export async function nameKeyOf(name: string): Promise<string> {
  const { nameSortKey } = await import('../../shared/name-sort.rules')
  return nameSortKey(name)
}

export function findLecture(db: Database, id: string): Promise<LectureDoc | null> {
  return findById<LectureDoc>(db, Collections.lectures, id)
}

export function findCheckIn(db: Database, lectureId: string, openid: string): Promise<CheckInDoc | null> {
  return findById<CheckInDoc>(db, Collections.checkIns, checkInId(lectureId, openid))
}

/**
 * How long after check-in closes a scan may still be written: the longest a function may run in the
 * cloud (60 s), so a check-in that started before the close has landed or died by then.
 */
export const COUNT_SETTLES_MS = 60_000

/**
 * The lecture's present check-ins, counted through the check_ins `lecture_present_at` index until the
 * count is settled, then the kept field. A count that differs (or settles) is stored over the version
 * read with the lecture, so a recount never overwrites a newer count or a `markAttendance` move.
 */
export async function checkinCountOf(db: Database, lecture: LectureDoc, now: Date): Promise<number> {
  if (lecture.countSettled === true || lecture.status === 'draft') return lecture.checkinCount
  const count = await countWhere(db, Collections.checkIns, { lectureId: lecture._id, present: true })
  const { closesAt } = checkinWindowBounds(lecture.startAt.getTime(), lecture.endAt.getTime(), lecture.checkinWindow)
  const settles = now.getTime() >= closesAt + COUNT_SETTLES_MS
  if (count !== lecture.checkinCount || settles) {
    await updateWhere(
      db,
      Collections.lectures,
      // `null` also matches a lecture written before the field existed.
      { _id: lecture._id, countVersion: lecture.countVersion ?? null },
      { checkinCount: count, countVersion: db.command.inc(1), ...(settles ? { countSettled: true } : {}) },
    )
  }
  return count
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
 * The published lectures `openid` was linked to as speaker, newest first, `(startAt, _id)` keyset.
 * Index: lectures speaker_status_start (cloudbaserc.json).
 */
export function lecturesSpokenBy(db: Database, openid: string, after: Cursor | null, limit: number): Promise<LectureDoc[]> {
  const _ = db.command
  const conditions: object[] = [{ 'speaker.openid': openid, status: 'published' }]
  if (after) {
    const t = new Date(after.t)
    conditions.push(_.or([{ startAt: _.lt(t) }, { startAt: t, _id: _.lt(after.id) }]))
  }
  return findMany<LectureDoc>(
    db.collection(Collections.lectures).where(_.and(conditions)).orderBy('startAt', 'desc').orderBy('_id', 'desc').limit(limit + 1),
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

/**
 * The same records by name (`nameKey`, then `_id`: two people of one name keep their place), keyset on
 * both. Index: check_ins lecture_name (cloudbaserc.json), whose trailing `name` serves the search.
 */
export function attendanceByName(db: Database, lectureId: string, options: { after: NameCursor | null; search?: string; limit: number }): Promise<CheckInDoc[]> {
  const _ = db.command
  const conditions: object[] = [{ lectureId }]
  if (options.search) conditions.push({ name: db.RegExp({ regexp: escapePattern(options.search), options: 'i' }) })
  if (options.after) conditions.push(_.or([{ nameKey: _.gt(options.after.k) }, { nameKey: options.after.k, _id: _.gt(options.after.id) }]))
  return findMany<CheckInDoc>(
    db.collection(Collections.checkIns).where(_.and(conditions)).orderBy('nameKey', 'asc').orderBy('_id', 'asc').limit(options.limit),
  )
}

const FILL_BATCH = 100
/** Far beyond a lecture's records (a large one has 1,500), so one list by name fills them all. */
const FILL_MAX_BATCHES = 50

/**
 * Gives the lecture's records written before `nameKey` existed their key, a batch at a time through
 * lecture_name (`nameKey: null` is the start of that lecture's entries), so a list by name has them in
 * place. Once filled, the check is one read that finds nothing. Answers how many it filled.
 */
export async function fillNameKeys(db: Database, lectureId: string): Promise<number> {
  let filled = 0
  for (let i = 0; i < FILL_MAX_BATCHES; i += 1) {
    const batch = await findMany<Pick<CheckInDoc, '_id' | 'name'>>(
      db.collection(Collections.checkIns).where({ lectureId, nameKey: null }).field({ _id: true, name: true }).limit(FILL_BATCH),
    )
    // The key is fixed by the name, which a record never changes: writing it twice writes the same.
    await Promise.all(batch.map(async (r) => db.collection(Collections.checkIns).doc(r._id).update({ data: { nameKey: await nameKeyOf(r.name) } })))
    filled += batch.length
    if (batch.length < FILL_BATCH) break
  }
  return filled
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
