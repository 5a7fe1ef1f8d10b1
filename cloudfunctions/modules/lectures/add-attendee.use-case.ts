import type { Page } from '../../contracts/common.schema'
import type { AttendanceRow, AttendeeCandidate } from '../../contracts/lecture.contract'
import { isInBranch, type BranchMemberDoc } from '../../shared/caller'
import { Collections } from '../../shared/collections'
import { decodeCursor, encodeCursor } from '../../shared/cursor'
import { findById, findMany, inTransaction, txGet } from '../../shared/db'
import { maskName } from '../../shared/privacy.rules'
import type { ContextFor } from '../../shared/router'
import { findBranch, memberCandidates } from '../members/member.repository'
import { LectureErrors } from './lecture.errors'
import { toAttendanceRow } from './lecture.mapper'
import { checkInId, guestKey, nameKeyOf, type CheckInDoc } from './lecture.repository'
import { ownLecture } from './manage-lecture.use-case'

const CANDIDATE_PAGE = 20

/**
 * Whom the secretary may 补录 at their lecture, a page at a time: their branch's people (all, or by a
 * part of the name), and at an open lecture anyone in a branch whose full name is the one typed — shown
 * masked with their branch, so a search never lists another branch's members (docs/architecture.md
 * "Privacy"). Each says whether they are already in this lecture's attendance.
 */
export async function attendeeCandidates(
  input: { lectureId: string; search?: string; cursor?: string; limit?: number },
  ctx: ContextFor<'secretary'>,
): Promise<Page<AttendeeCandidate>> {
  const lecture = await ownLecture(ctx, input.lectureId)
  const limit = input.limit ?? CANDIDATE_PAGE
  const search = input.search || undefined
  const rows = await memberCandidates(ctx.db, {
    branchId: lecture.branchId,
    search,
    exactName: lecture.audience === 'open' ? search : undefined,
    after: decodeCursor(input.cursor)?.id ?? null,
    limit: limit + 1,
  })
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  const people = page.filter((m): m is BranchMemberDoc => isInBranch(m))

  const _ = ctx.db.command
  const ids = people.map((p) => checkInId(lecture._id, p.openid))
  const records = ids.length
    ? await findMany<Pick<CheckInDoc, '_id' | 'present'>>(ctx.db.collection(Collections.checkIns).where({ _id: _.in(ids) }).field({ _id: true, present: true }).limit(ids.length))
    : []
  const recorded = new Map(records.map((r) => [r._id, r.present]))
  const otherBranches = [...new Set(people.map((p) => p.branchId).filter((b) => b !== lecture.branchId))]
  const branchNames = new Map(await Promise.all(otherBranches.map(async (b) => [b, (await findBranch(ctx.db, b))?.name ?? ''] as const)))

  return {
    items: people.map((p) => {
      const own = p.branchId === lecture.branchId
      const present = recorded.get(checkInId(lecture._id, p.openid))
      return {
        openid: p.openid,
        name: own ? p.name : maskName(p.name),
        branchName: own ? lecture.branchName : (branchNames.get(p.branchId) ?? ''),
        ownBranch: own,
        role: p.role,
        attendance: present === undefined ? null : present ? 'present' : 'removed',
      }
    }),
    ...(rows.length > limit && last ? { nextCursor: encodeCursor({ t: 0, id: last._id }) } : {}),
  }
}

/**
 * An outside guest (来宾: no account, no branch) entered by name at an open lecture, with the reason,
 * marked 补录 and kept in the ledger. The record and the lecture's counts are written in one
 * transaction; the record's id is fixed by the name, so a second tap records nothing more.
 */
export async function addGuest(input: { lectureId: string; name: string; reason: string }, ctx: ContextFor<'secretary'>): Promise<AttendanceRow> {
  const lecture = await ownLecture(ctx, input.lectureId)
  if (lecture.status !== 'published') throw LectureErrors.wrongState(lecture.status, '登记来宾')
  if (lecture.audience !== 'open') throw LectureErrors.guestNotOpen()
  const openid = guestKey(lecture._id, input.name)
  const id = checkInId(lecture._id, openid)
  const record: CheckInDoc = {
    _id: id,
    lectureId: lecture._id,
    openid,
    name: input.name,
    nameKey: await nameKeyOf(input.name),
    branchId: '',
    branchName: '',
    visitor: false,
    guest: true,
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
  const _ = ctx.db.command
  await inTransaction(ctx.db, async (tx) => {
    if (await txGet<CheckInDoc>(tx, Collections.checkIns, id)) throw LectureErrors.guestExists(input.name)
    const { _id: _ignored, ...data } = record
    await tx.collection(Collections.checkIns).doc(id).set({ data })
    await tx.collection(Collections.lectures).doc(lecture._id).update({ data: { checkinCount: _.inc(1), guestCount: _.inc(1), countVersion: _.inc(1) } })
  })
  const saved = await findById<CheckInDoc>(ctx.db, Collections.checkIns, id)
  if (!saved) throw LectureErrors.notRecorded()
  return toAttendanceRow(saved)
}
