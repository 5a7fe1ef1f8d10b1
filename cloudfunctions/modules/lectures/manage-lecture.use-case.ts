import type { ParsedInputOf } from '../../contracts/define'
import type { LectureContract, LectureDetail } from '../../contracts/lecture.contract'
import {
  CHECKIN_SLOT_SECONDS,
  DEFAULT_AUDIENCE,
  DEFAULT_CHECKIN_MODE,
  DEFAULT_CHECKIN_WINDOW,
  DEFAULT_VENUE_RADIUS,
  lectureTimesProblem,
  type LectureStatus,
} from '../../contracts/rules/lecture.rules'
import { canSpeak } from '../../contracts/rules/member.rules'
import { isInBranch, loadMember } from '../../shared/caller'
import { Collections } from '../../shared/collections'
import { insertOnce, updateWhere } from '../../shared/db'
import type { ContextFor } from '../../shared/router'
import { findBranch } from '../members/member.repository'
import { MemberErrors } from '../members/member.errors'
import { canTransition } from './check-in.rules'
import { LectureErrors } from './lecture.errors'
import { toLectureDetail } from './lecture.mapper'
import { findLecture, newLectureId, newSecret, type LectureDoc } from './lecture.repository'
import { checkMaterialFiles, materialUrls } from './material.storage'

/** What `create` and `update` accept, as the contract parses it. */
export type CreateLectureInput = ParsedInputOf<LectureContract['create']>
export type UpdateLectureInput = ParsedInputOf<LectureContract['update']>

function checkTimes(startAt: Date, endAt: Date): void {
  if (lectureTimesProblem(startAt.getTime(), endAt.getTime()) !== null) throw LectureErrors.badTimes()
}

function manageStatus(ctx: ContextFor<'secretary'>, lecture: LectureDoc) {
  return {
    checkedIn: false,
    checkedInAt: null,
    removed: false,
    removedReason: null,
    rated: false,
    canManage: lecture.branchId === ctx.member.branchId,
    canSeeAttendance: true,
    isSpeaker: lecture.speaker.openid !== null && lecture.speaker.openid === ctx.openid,
  }
}

/** What the secretary sees after a change: the lecture with its files' temporary URLs. */
async function managedDetail(ctx: ContextFor<'secretary'>, lecture: LectureDoc): Promise<LectureDetail> {
  return toLectureDetail(lecture, ctx.member.branchId, manageStatus(ctx, lecture), await materialUrls([lecture]))
}

/** The lecture, if it belongs to the secretary's branch; another branch's lecture is "not found". */
export async function ownLecture(ctx: ContextFor<'secretary'>, lectureId: string): Promise<LectureDoc> {
  const lecture = await findLecture(ctx.db, lectureId)
  if (!lecture || lecture.branchId !== ctx.member.branchId) throw LectureErrors.notFound()
  return lecture
}

function locationOf(l: CreateLectureInput['location']): LectureDoc['location'] {
  const hasPoint = l.latitude !== undefined && l.longitude !== undefined
  return {
    name: l.name,
    latitude: hasPoint ? (l.latitude ?? null) : null,
    longitude: hasPoint ? (l.longitude ?? null) : null,
    radius: hasPoint ? (l.radius ?? DEFAULT_VENUE_RADIUS) : null,
  }
}

/**
 * A linked speaker sees the attendance and the rating report, so the link must name a real person in
 * a branch (any branch: a 党校 teacher may belong to another), not any string of the right shape, and
 * one who may give a 党课: a 党员 or a secretary, not a 群众 (nor someone whose 党员 request still waits).
 */
async function checkSpeaker(ctx: ContextFor<'secretary'>, speaker: { openid?: string } | undefined): Promise<void> {
  if (!speaker?.openid) return
  const member = await loadMember(ctx.db, speaker.openid)
  if (!isInBranch(member)) throw LectureErrors.speakerNotFound()
  if (!canSpeak(member.role)) throw LectureErrors.speakerNotPartyMember()
}

export async function createLecture(input: CreateLectureInput, ctx: ContextFor<'secretary'>): Promise<LectureDetail> {
  const startAt = new Date(input.startAt)
  const endAt = new Date(input.endAt)
  checkTimes(startAt, endAt)
  await checkSpeaker(ctx, input.speaker)
  const branch = await findBranch(ctx.db, ctx.member.branchId)
  if (!branch) throw MemberErrors.branchMissing()
  await checkMaterialFiles(input.materials ?? [])
  const lecture: LectureDoc = {
    _id: newLectureId(),
    branchId: branch._id,
    branchName: branch.name,
    title: input.title,
    topic: input.topic ?? '',
    speaker: { name: input.speaker.name, openid: input.speaker.openid ?? null },
    startAt,
    endAt,
    location: locationOf(input.location),
    audience: input.audience ?? DEFAULT_AUDIENCE,
    checkinMode: input.checkinMode ?? DEFAULT_CHECKIN_MODE,
    materials: input.materials ?? [],
    checkinWindow: input.checkinWindow ?? { ...DEFAULT_CHECKIN_WINDOW },
    status: 'draft',
    cancelReason: null,
    secret: newSecret(),
    slotSeconds: CHECKIN_SLOT_SECONDS,
    checkinCount: 0,
    createdAt: ctx.now,
    createdBy: ctx.openid,
    updatedAt: ctx.now,
    publishedAt: null,
  }
  await insertOnce(ctx.db, Collections.lectures, lecture)
  return managedDetail(ctx, lecture)
}

export async function updateLecture(input: UpdateLectureInput, ctx: ContextFor<'secretary'>): Promise<LectureDetail> {
  const lecture = await ownLecture(ctx, input.lectureId)
  if (lecture.status === 'cancelled') throw LectureErrors.cancelled()
  const startAt = input.startAt ? new Date(input.startAt) : lecture.startAt
  const endAt = input.endAt ? new Date(input.endAt) : lecture.endAt
  checkTimes(startAt, endAt)
  await checkSpeaker(ctx, input.speaker)
  if (input.materials !== undefined) await checkMaterialFiles(input.materials)

  // The window may move, so a settled count is counted again (docs/architecture.md "Check-in").
  const set: Record<string, unknown> = { updatedAt: ctx.now, startAt, endAt, countSettled: false, countVersion: ctx.db.command.inc(1) }
  if (input.title !== undefined) set.title = input.title
  if (input.topic !== undefined) set.topic = input.topic
  if (input.speaker !== undefined) set.speaker = ctx.db.command.set({ name: input.speaker.name, openid: input.speaker.openid ?? null })
  if (input.location !== undefined) set.location = ctx.db.command.set(locationOf(input.location))
  if (input.audience !== undefined) set.audience = input.audience
  if (input.checkinMode !== undefined) set.checkinMode = input.checkinMode
  if (input.materials !== undefined) set.materials = ctx.db.command.set(input.materials)
  if (input.checkinWindow !== undefined) set.checkinWindow = ctx.db.command.set(input.checkinWindow)

  // Conditional on "not cancelled", so an edit racing a cancel cannot resurrect the lecture's fields.
  const _ = ctx.db.command
  const updated = await updateWhere(ctx.db, Collections.lectures, { _id: lecture._id, status: _.neq('cancelled') }, set)
  if (updated === 0) throw LectureErrors.cancelled()
  const saved = await ownLecture(ctx, lecture._id)
  return managedDetail(ctx, saved)
}

async function transition(
  ctx: ContextFor<'secretary'>,
  lectureId: string,
  to: LectureStatus,
  wanted: string,
  extra: Record<string, unknown>,
): Promise<LectureDetail> {
  const lecture = await ownLecture(ctx, lectureId)
  // Already there (a double tap, a retry after a lost answer): answer it as it is and write nothing, the
  // same answer as a press that loses the race below, so a second press never depends on timing.
  if (lecture.status === to) return managedDetail(ctx, lecture)
  if (!canTransition(lecture.status, to)) throw LectureErrors.wrongState(lecture.status, wanted)
  // Conditional update on the state we read: two secretaries pressing at once change it once.
  const n = await updateWhere(ctx.db, Collections.lectures, { _id: lecture._id, status: lecture.status }, { status: to, updatedAt: ctx.now, ...extra })
  const saved = await ownLecture(ctx, lecture._id)
  if (n === 0 && saved.status !== to) throw LectureErrors.wrongState(saved.status, wanted)
  return managedDetail(ctx, saved)
}

export function publishLecture(input: { lectureId: string }, ctx: ContextFor<'secretary'>): Promise<LectureDetail> {
  return transition(ctx, input.lectureId, 'published', '发布', { publishedAt: ctx.now })
}

export function cancelLecture(input: { lectureId: string; reason: string }, ctx: ContextFor<'secretary'>): Promise<LectureDetail> {
  return transition(ctx, input.lectureId, 'cancelled', '取消', { cancelReason: input.reason })
}
