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
import { loadMember, isInBranch, type MemberDoc } from '../../shared/caller'
import { Collections } from '../../shared/collections'
import { decodeCursor, encodeCursor, openCursor, sealCursor, type Cursor } from '../../shared/cursor'
import { findById, findMany, inTransaction, insertOnce, txGet, updateWhere, type Database } from '../../shared/db'
import { storeFile } from '../../shared/file-storage'
import type { ContextFor } from '../../shared/router'
import { formatBeijing } from '../../shared/time'
import { findBranch } from '../members/member.repository'
import type { LectureRatings } from './lecture-ratings.port'
import { LectureErrors } from './lecture.errors'
import { toAttendanceRow, toMyCheckIn, toSpeakerAttendanceRow } from './lecture.mapper'
import { attendanceRecords, checkInId, findLecture, isGuestKey, myCheckIns as queryMyCheckIns, presentCheckIns, type CheckInDoc, type LectureDoc } from './lecture.repository'
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
 * The secretary gets every record (removed ones too, openids for markAttendance); the speaker gets
 * present attendees only, by masked name and a per-lecture key, and a cursor they cannot read.
 */
export async function attendance(
  input: { lectureId: string; search?: string; cursor?: string; limit?: number },
  ctx: ContextFor<'inBranch'>,
): Promise<AttendancePage> {
  const { lecture, secretary } = await lectureForAttendance(ctx, input.lectureId)
  const limit = input.limit ?? PAGE_SIZE
  // The speaker may not search: a match by full name would tell who is behind a masked one.
  return secretary ? secretaryAttendance(ctx.db, lecture, input.search, input.cursor, limit) : speakerAttendance(ctx.db, lecture, input.cursor, limit)
}

/** In check-in order, `(at, _id)` keyset (neither moves once written), removed records too. */
async function secretaryAttendance(
  db: Database,
  lecture: LectureDoc,
  search: string | undefined,
  cursor: string | undefined,
  limit: number,
): Promise<SecretaryAttendancePage> {
  const rows = await attendanceRecords(db, lecture._id, { after: decodeCursor(cursor), ...(search ? { search } : {}), limit: limit + 1 })
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return {
    view: 'secretary',
    items: page.map((row) => toAttendanceRow(row)),
    checkinCount: lecture.checkinCount,
    ...(rows.length > limit && last ? { nextCursor: encodeCursor({ t: last.at.getTime(), id: last._id }) } : {}),
  }
}

/**
 * In check-in order, `(at, _id)` keyset: neither moves once written (restoring a removed check-in keeps
 * its time). The cursor carries the last `_id`, so it is sealed rather than merely encoded.
 */
async function speakerAttendance(db: Database, lecture: LectureDoc, cursor: string | undefined, limit: number): Promise<SpeakerAttendancePage> {
  const keys = speakerKeys(lecture.secret)
  const rows = await presentCheckIns(db, lecture._id, openCursor(cursor, keys.cursor), limit + 1)
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return {
    view: 'speaker',
    items: page.map((row) => toSpeakerAttendanceRow(row, keys.row(row.openid))),
    checkinCount: lecture.checkinCount,
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
 * record is kept with the reason either way. A change of `present` moves the lecture's count, and the
 * person's rating in or out of the aggregate, in one transaction, so the report always adds up.
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

  let created = false
  // A guest has no member record: they are entered by addGuest, and here only removed or restored.
  if (input.present && !isGuestKey(input.openid)) {
    const person = await loadMember(ctx.db, input.openid)
    if (!person || !isInBranch(person)) throw LectureErrors.personNotFound()
    if (lecture.audience === 'branch' && person.branchId !== lecture.branchId) throw LectureErrors.personNotFound()
    const visitor = person.branchId !== lecture.branchId
    const record: CheckInDoc = {
      _id: id,
      lectureId: lecture._id,
      openid: person.openid,
      name: person.name,
      branchId: person.branchId,
      branchName: visitor ? ((await findBranch(ctx.db, person.branchId))?.name ?? '') : lecture.branchName,
      visitor,
      at: ctx.now,
      method: 'manual',
      present: true,
      flags: [],
      distanceMeters: null,
      reason: input.reason,
      markedBy: ctx.openid,
      lectureTitle: lecture.title,
      lectureStartAt: lecture.startAt,
      updatedAt: ctx.now,
    }
    // Never present before, so no rating can exist: the plain deterministic insert is enough.
    created = await insertOnce(ctx.db, Collections.checkIns, record)
    if (created) await updateWhere(ctx.db, Collections.lectures, { _id: lecture._id }, { checkinCount: _.inc(1) })
  }

  if (!created) {
    await inTransaction(ctx.db, async (tx) => {
      const current = await txGet<CheckInDoc>(tx, Collections.checkIns, id)
      if (!current) throw LectureErrors.notRecorded()
      // Pressing 移除 twice (or 补录 for someone already there) changes nothing and counts nothing.
      if (current.present === input.present) return
      await tx.collection(Collections.checkIns).doc(id).update({
        data: { present: input.present, reason: input.reason, markedBy: ctx.openid, updatedAt: ctx.now },
      })
      const rating = await ratings.onPresenceChange(ctx.db, tx, lecture._id, input.openid, input.present)
      const step = input.present ? 1 : -1
      await tx.collection(Collections.lectures).doc(lecture._id).update({ data: { checkinCount: _.inc(step), ...(current.guest ? { guestCount: _.inc(step) } : {}), ...rating } })
    })
  }
  const saved = await findById<CheckInDoc>(ctx.db, Collections.checkIns, id)
  if (!saved) throw LectureErrors.notRecorded()
  return toAttendanceRow(saved)
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
