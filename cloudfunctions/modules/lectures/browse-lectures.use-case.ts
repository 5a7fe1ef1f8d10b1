import type { Page } from '../../contracts/common.schema'
import type { LectureDetail, LectureView, SpokenLecture } from '../../contracts/lecture.contract'
import { checkinWindowBounds } from '../../contracts/rules/lecture.rules'
import { decodeCursor, encodeCursor } from '../../shared/cursor'
import type { ContextFor } from '../../shared/router'
import type { LectureRatings } from './lecture-ratings.port'
import { LectureErrors } from './lecture.errors'
import { toLectureDetail, toLectureView, toSpokenLecture } from './lecture.mapper'
import { checkinCountOf, findCheckIn, findLecture, lecturesSpokenBy, listLectures, type LectureDoc } from './lecture.repository'
import { materialUrls } from './material.storage'

export const DEFAULT_PAGE_SIZE = 10

/** Whether the caller may see this lecture at all: own branch (drafts only for its secretary) or open. */
export function canSee(lecture: LectureDoc, ctx: ContextFor<'inBranch'>): boolean {
  const ownBranch = lecture.branchId === ctx.member.branchId
  if (lecture.status === 'draft') return ownBranch && ctx.member.role === 'secretary'
  return ownBranch || lecture.audience === 'open'
}

export async function listLecturesFor(
  input: { scope: 'upcoming' | 'past'; cursor?: string; limit?: number },
  ctx: ContextFor<'inBranch'>,
): Promise<Page<LectureView>> {
  const limit = input.limit ?? DEFAULT_PAGE_SIZE
  const rows = await listLectures(ctx.db, {
    branchId: ctx.member.branchId,
    includeDrafts: ctx.member.role === 'secretary',
    scope: input.scope,
    now: ctx.now,
    after: decodeCursor(input.cursor),
    limit,
  })
  const listed = rows.slice(0, limit)
  const last = listed[listed.length - 1]
  const [fileUrls, page] = await Promise.all([materialUrls(listed), Promise.all(listed.map((l) => counted(ctx, l)))])
  return {
    items: page.map((l) => toLectureView(l, ctx.member.branchId, fileUrls)),
    ...(rows.length > limit && last ? { nextCursor: encodeCursor({ t: last.startAt.getTime(), id: last._id }) } : {}),
  }
}

/** 我主讲的党课: the caller's published lectures as the linked speaker, a page at a time, newest first. */
export async function mySpokenLectures(input: { cursor?: string; limit?: number }, ctx: ContextFor<'inBranch'>): Promise<Page<SpokenLecture>> {
  const limit = input.limit ?? DEFAULT_PAGE_SIZE
  const rows = await lecturesSpokenBy(ctx.db, ctx.openid, decodeCursor(input.cursor), limit)
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return {
    items: page.map(toSpokenLecture),
    ...(rows.length > limit && last ? { nextCursor: encodeCursor({ t: last.startAt.getTime(), id: last._id }) } : {}),
  }
}

/**
 * The lecture with its count up to date. Counted (through the index) only while it can still move, once
 * check-in has opened; a settled count is the kept field (docs/architecture.md "Check-in").
 */
async function counted(ctx: ContextFor<'inBranch'>, lecture: LectureDoc): Promise<LectureDoc> {
  if (lecture.countSettled === true || lecture.status === 'draft') return lecture
  const { opensAt } = checkinWindowBounds(lecture.startAt.getTime(), lecture.endAt.getTime(), lecture.checkinWindow)
  if (ctx.now.getTime() < opensAt) return lecture
  return { ...lecture, checkinCount: await checkinCountOf(ctx.db, lecture, ctx.now) }
}

export async function getLecture(input: { lectureId: string }, ctx: ContextFor<'inBranch'>, ratings: LectureRatings): Promise<LectureDetail> {
  const found = await findLecture(ctx.db, input.lectureId)
  if (!found || !canSee(found, ctx)) throw LectureErrors.notFound()
  const [lecture, mine, rated, fileUrls] = await Promise.all([
    counted(ctx, found),
    findCheckIn(ctx.db, found._id, ctx.openid),
    ratings.hasRated(ctx.db, found._id, ctx.openid),
    materialUrls([found]),
  ])
  const manages = ctx.member.role === 'secretary' && lecture.branchId === ctx.member.branchId
  const isSpeaker = lecture.speaker.openid !== null && lecture.speaker.openid === ctx.openid
  return toLectureDetail(lecture, ctx.member.branchId, {
    checkedIn: mine?.present === true,
    checkedInAt: mine?.present ? mine.at.toISOString() : null,
    removed: mine?.present === false,
    removedReason: mine?.present === false ? mine.reason : null,
    rated,
    canManage: manages,
    canSeeAttendance: manages || isSpeaker,
    isSpeaker,
  }, fileUrls)
}
