import { createHmac } from 'crypto'
import type { Page } from '../../contracts/common.schema'
import type {
  AttendancePage,
  AttendanceRow,
  ExportResult,
  MyCheckIn,
  SecretaryAttendancePage,
  SpeakerAttendancePage,
} from '../../contracts/lecture.contract'
import type { AttendanceOrder } from '../../contracts/rules/lecture.rules'
import { loadMember, isInBranch, type MemberDoc } from '../../shared/caller'
import { Collections } from '../../shared/collections'
import { decodeCursor, decodeNameCursor, encodeCursor, encodeNameCursor, openCursor, sealCursor, type Cursor, type NameCursor } from '../../shared/cursor'
import { findById, findMany, inTransaction, txGet, type Database } from '../../shared/db'
import { storeFile } from '../../shared/file-storage'
import type { ContextFor } from '../../shared/router'
import { formatBeijing } from '../../shared/time'
import { findBranch } from '../members/member.repository'
import type { LectureRatings } from './lecture-ratings.port'
import { LectureErrors } from './lecture.errors'
import { toAttendanceRow, toMyCheckIn, toSpeakerAttendanceRow } from './lecture.mapper'
import {
  attendanceByName,
  attendanceRecords,
  checkInId,
  checkinCountOf,
  fillNameKeys,
  findLecture,
  isGuestKey,
  myCheckIns as queryMyCheckIns,
  nameKeyOf,
  presentCheckIns,
  type CheckInDoc,
  type LectureDoc,
} from './lecture.repository'
import { ownLecture } from './manage-lecture.use-case'
import { ledgerFileName, type LedgerRole } from './attendance.rules'

const PAGE_SIZE = 50
const EXPORT_BATCH = 500
const ROLE_BATCH = 100

/** The branch's secretary and the lecture's speaker see who attended; nobody else does. */
async function lectureForAttendance(ctx: ContextFor<'inBranch'>, lectureId: string): Promise<{ lecture: LectureDoc; secretary: boolean }> {
  const lecture = await findLecture(ctx.db, lectureId)
  if (!lecture) throw LectureErrors.notFound()
  const secretary = ctx.member.role === 'secretary' && ctx.member.branchId === lecture.branchId
  const speaker = lecture.speaker.openid !== null && lecture.speaker.openid === ctx.openid
  if (!secretary && !speaker) throw LectureErrors.forbiddenAttendance()
  return { lecture, secretary }
}

/**
 * The secretary gets every record (removed ones too, openids for markAttendance), by check-in time or by
 * name; the speaker gets present attendees only, by masked name and a per-lecture key, in check-in order,
 * and a cursor they cannot read.
 */
export async function attendance(
  input: { lectureId: string; search?: string; order?: AttendanceOrder; cursor?: string; limit?: number },
  ctx: ContextFor<'inBranch'>,
): Promise<AttendancePage> {
  const { lecture, secretary } = await lectureForAttendance(ctx, input.lectureId)
  const limit = input.limit ?? PAGE_SIZE
  const order = input.order ?? 'time'
  if (secretary) return secretaryAttendance(ctx.db, lecture, ctx.now, { order, search: input.search, cursor: input.cursor, limit })
  // The order of full names behind masked ones would tell who they are, as a search would: the speaker
  // gets neither (a search is ignored, as it always was; asking for name order is refused, so the
  // screen never shows a list in another order than the one it asked for).
  if (order === 'name') throw LectureErrors.nameOrderForSecretary()
  return speakerAttendance(ctx.db, lecture, ctx.now, input.cursor, limit)
}

/**
 * In check-in order, `(at, _id)` keyset, or by name, `(nameKey, _id)` keyset: none of them moves once
 * written. Removed records too. A cursor of the other order, or none of ours, is refused rather than
 * read as the first page.
 */
async function secretaryAttendance(
  db: Database,
  lecture: LectureDoc,
  now: Date,
  options: { order: AttendanceOrder; search: string | undefined; cursor: string | undefined; limit: number },
): Promise<SecretaryAttendancePage> {
  const { order, cursor, limit } = options
  const query = { ...(options.search ? { search: options.search } : {}), limit: limit + 1 }
  let records: Promise<CheckInDoc[]>
  if (order === 'name') {
    const after = decodeNameCursor(cursor)
    if (cursor && !after) throw LectureErrors.badCursor()
    records = byName(db, lecture._id, after, query)
  } else {
    const after = decodeCursor(cursor)
    if (cursor && !after) throw LectureErrors.badCursor()
    records = attendanceRecords(db, lecture._id, { after, ...query })
  }
  const [rows, checkinCount] = await Promise.all([records, checkinCountOf(db, lecture, now)])
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  const next = last && rows.length > limit ? (order === 'name' ? encodeNameCursor({ k: last.nameKey, id: last._id }) : encodeCursor({ t: last.at.getTime(), id: last._id })) : null
  return {
    view: 'secretary',
    items: page.map((row) => toAttendanceRow(row)),
    checkinCount,
    ...(next ? { nextCursor: next } : {}),
  }
}

/** The first page by name gives records written before `nameKey` existed their key first (docs/architecture.md "Check-in"). */
async function byName(db: Database, lectureId: string, after: NameCursor | null, query: { search?: string; limit: number }): Promise<CheckInDoc[]> {
  if (!after) await fillNameKeys(db, lectureId)
  return attendanceByName(db, lectureId, { after, ...query })
}

/**
 * In check-in order, `(at, _id)` keyset: neither moves once written (restoring a removed check-in keeps
 * its time). The cursor carries the last `_id`, so it is sealed rather than merely encoded.
 */
async function speakerAttendance(db: Database, lecture: LectureDoc, now: Date, cursor: string | undefined, limit: number): Promise<SpeakerAttendancePage> {
  const keys = speakerKeys(lecture.secret)
  const [rows, checkinCount] = await Promise.all([presentCheckIns(db, lecture._id, openCursor(cursor, keys.cursor), limit + 1), checkinCountOf(db, lecture, now)])
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return {
    view: 'speaker',
    items: page.map((row) => toSpeakerAttendanceRow(row, keys.row(row.openid))),
    checkinCount,
    ...(rows.length > limit && last ? { nextCursor: sealCursor({ t: last.at.getTime(), id: last._id }, keys.cursor) } : {}),
  }
}

/**
 * Both from the lecture's secret (it never leaves the server), each under a label of its own — neither
 * can be mistaken for the check-in code's `<lectureId>:<slot>`: the row key of an attendee (the same on
 * every page of this lecture, unrelated to the same person's key at another lecture, and not reversible
 * to the openid), and the AES key that seals the speaker's cursor.
 */
function speakerKeys(secret: string): { row: (openid: string) => string; cursor: Buffer } {
  return {
    row: (openid) => createHmac('sha256', secret).update(`attendee:${openid}`, 'utf8').digest('base64url').slice(0, 22),
    cursor: createHmac('sha256', secret).update('attendance-cursor', 'utf8').digest(),
  }
}

/**
 * A secretary adds someone who was there but could not scan, or removes a proxy check-in (代签). The
 * record is kept with the reason either way. The record, the lecture's kept count and the person's
 * rating in or out of the aggregate move in one transaction, so the report always adds up and a killed
 * call leaves nothing half done.
 */
export async function markAttendance(
  input: { lectureId: string; openid: string; present: boolean; reason: string },
  ctx: ContextFor<'secretary'>,
  ratings: LectureRatings,
): Promise<AttendanceRow> {
  const lecture = await ownLecture(ctx, input.lectureId)
  if (lecture.status !== 'published') throw LectureErrors.wrongState(lecture.status, '登记签到')
  const id = checkInId(lecture._id, input.openid)
  const _ = ctx.db.command
  // Built before the transaction (its reads are not the transaction's business); used only when there is no record yet.
  // A guest has no member record: they are entered by addGuest, and here only removed or restored.
  const added = input.present && !isGuestKey(input.openid) ? await manualRecord(ctx, lecture, input.openid, input.reason) : null

  await inTransaction(ctx.db, async (tx) => {
    const current = await txGet<CheckInDoc>(tx, Collections.checkIns, id)
    const countMoved = { countVersion: _.inc(1) }
    if (!current) {
      if (!added) throw LectureErrors.notRecorded()
      // Never present before, so no rating can exist: the record and the count alone.
      await tx.collection(Collections.checkIns).doc(id).set({ data: withoutId(added) })
      await tx.collection(Collections.lectures).doc(lecture._id).update({ data: { checkinCount: _.inc(1), ...countMoved } })
      return
    }
    // Pressing 移除 twice (or 补录 for someone already there) changes nothing and counts nothing.
    if (current.present === input.present) return
    await tx.collection(Collections.checkIns).doc(id).update({
      data: { present: input.present, reason: input.reason, markedBy: ctx.openid, updatedAt: ctx.now },
    })
    const rating = await ratings.onPresenceChange(ctx.db, tx, lecture._id, input.openid, input.present)
    const step = input.present ? 1 : -1
    await tx.collection(Collections.lectures).doc(lecture._id).update({
      data: { checkinCount: _.inc(step), ...(current.guest ? { guestCount: _.inc(step) } : {}), ...countMoved, ...rating },
    })
  })
  const saved = await findById<CheckInDoc>(ctx.db, Collections.checkIns, id)
  if (!saved) throw LectureErrors.notRecorded()
  return toAttendanceRow(saved)
}

/** The record 补录 adds for someone who may attend this lecture; refused for anyone else. */
async function manualRecord(ctx: ContextFor<'secretary'>, lecture: LectureDoc, openid: string, reason: string): Promise<CheckInDoc> {
  const person = await loadMember(ctx.db, openid)
  if (!person || !isInBranch(person)) throw LectureErrors.personNotFound()
  if (lecture.audience === 'branch' && person.branchId !== lecture.branchId) throw LectureErrors.personNotFound()
  const visitor = person.branchId !== lecture.branchId
  return {
    _id: checkInId(lecture._id, person.openid),
    lectureId: lecture._id,
    openid: person.openid,
    name: person.name,
    nameKey: await nameKeyOf(person.name),
    branchId: person.branchId,
    branchName: visitor ? ((await findBranch(ctx.db, person.branchId))?.name ?? '') : lecture.branchName,
    visitor,
    at: ctx.now,
    method: 'manual',
    present: true,
    flags: [],
    distanceMeters: null,
    reason,
    markedBy: ctx.openid,
    lectureTitle: lecture.title,
    lectureStartAt: lecture.startAt,
    updatedAt: ctx.now,
  }
}

/** `doc(id).set()` names the document by its id and refuses data that carries `_id` again. */
function withoutId(record: CheckInDoc): Record<string, unknown> {
  const { _id: _ignored, ...data } = record
  return data
}

/** The 签到台账 as .xlsx in cloud storage, answered as a temporary download URL. */
export async function exportAttendance(input: { lectureId: string }, ctx: ContextFor<'secretary'>): Promise<ExportResult> {
  const lecture = await ownLecture(ctx, input.lectureId)
  const rows: CheckInDoc[] = []
  let after: Cursor | null = null
  for (;;) {
    const batch = await attendanceRecords(ctx.db, lecture._id, { after, limit: EXPORT_BATCH })
    rows.push(...batch)
    const last = batch[batch.length - 1]
    if (batch.length < EXPORT_BATCH || !last) break
    after = { t: last.at.getTime(), id: last._id }
  }
  const roles = await rolesOf(ctx.db, rows.map((r) => r.openid))
  // Loaded on the first export only: exceljs and its zip libraries are most of the function's code,
  // and an instance serving check-ins never needs them (config/build-functions.mjs keeps the ledger
  // in a file of its own beside index.js).
  const { buildAttendanceWorkbook } = await import('./attendance.ledger')
  const buffer = await buildAttendanceWorkbook(lecture, rows, (openid) => roles.get(openid) ?? null)
  const fileName = ledgerFileName(lecture.title, formatBeijing(lecture.startAt, 'YYYYMMDD'))
  const cloudPath = `exports/attendance/${lecture._id}/${formatBeijing(ctx.now, 'YYYYMMDD-HHmmss')}.xlsx`
  const { fileID, url } = await storeFile(cloudPath, buffer)
  return { fileID, url, fileName, rows: rows.length }
}

/** Each person's role now, by openid (a member's `_id` is their openid), 100 ids to a query. */
async function rolesOf(db: Database, openids: string[]): Promise<Map<string, LedgerRole>> {
  const roles = new Map<string, LedgerRole>()
  for (let i = 0; i < openids.length; i += ROLE_BATCH) {
    const ids = openids.slice(i, i + ROLE_BATCH)
    const found = await findMany<MemberDoc>(db.collection(Collections.members).where({ _id: db.command.in(ids) }).limit(ids.length))
    for (const m of found) roles.set(m._id, isInBranch(m) ? m.role : null)
  }
  return roles
}

export async function myCheckIns(input: { cursor?: string; limit?: number }, ctx: ContextFor<'inBranch'>): Promise<Page<MyCheckIn>> {
  const limit = input.limit ?? PAGE_SIZE
  const rows = await queryMyCheckIns(ctx.db, ctx.openid, decodeCursor(input.cursor), limit)
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return {
    items: page.map(toMyCheckIn),
    ...(rows.length > limit && last ? { nextCursor: encodeCursor({ t: last.at.getTime(), id: last._id }) } : {}),
  }
}
