import cloud from 'wx-server-sdk'
import type { CheckInResult, DisplayCode, DisplayCount } from '../../contracts/lecture.contract'
import { checkInQrContent, sceneFor } from '../../contracts/rules/check-in-scene.rules'
import { checkinWindowBounds, checkinWindowState } from '../../contracts/rules/lecture.rules'
import { Collections } from '../../shared/collections'
import type { Database } from '../../shared/db'
import { maskName } from '../../shared/privacy.rules'
import type { ContextFor } from '../../shared/router'
import { findBranch } from '../members/member.repository'
import { currentToken, geofence, judgeAudience, judgeToken, slotEndsAt, type GeoPoint } from './check-in.rules'
import { CheckinErrors, LectureErrors } from './lecture.errors'
import { checkInId, checkinCountOf, findCheckIn, findLecture, nameKeyOf, recentCheckIns, type CheckInDoc, type LectureDoc } from './lecture.repository'
import { ownLecture } from './manage-lecture.use-case'

const RECENT_NAMES = 5

/**
 * Where a scanned code should lead. `CHECKIN_H5_URL` is set for an H5 deployment (and by the local host)
 * to the check-in page's URL; without it the code carries content the in-app scanner understands.
 */
function qrContentFor(scene: string): string {
  return checkInQrContent(scene, process.env.CHECKIN_H5_URL)
}

/** The page a mini-program code opens; `scene` reaches it URL-encoded in `options.scene`. */
export const CHECK_IN_PAGE = 'pages/check-in/index'

/**
 * A mini-program code for the scene. It changes with every slot, so the display asks for it only when
 * it shows one (weapp); a refusal from WeChat (quota, unpublished page) leaves the plain QR in place.
 */
async function miniCodeFor(scene: string): Promise<string | undefined> {
  try {
    const res = (await cloud.openapi.wxacode.getUnlimited({ scene, page: CHECK_IN_PAGE, checkPath: false, width: 430 })) as { buffer?: Buffer; contentType?: string }
    if (!res.buffer) return undefined
    return `data:${res.contentType ?? 'image/png'};base64,${Buffer.from(res.buffer).toString('base64')}`
  } catch (err) {
    console.warn('[lecture] wxacode.getUnlimited failed', err instanceof Error ? err.message : String(err))
    return undefined
  }
}

export async function displayCode(input: { lectureId: string; withMiniCode?: boolean }, ctx: ContextFor<'secretary'>): Promise<DisplayCode> {
  const lecture = await ownLecture(ctx, input.lectureId)
  if (lecture.status === 'draft') throw CheckinErrors.notPublished()
  if (lecture.status === 'cancelled') throw CheckinErrors.cancelled()
  const nowMs = ctx.now.getTime()
  const token = currentToken(lecture.secret, lecture._id, lecture.checkinMode, nowMs, lecture.slotSeconds)
  const scene = sceneFor(lecture._id, token)
  const [recent, checkinCount, miniCode] = await Promise.all([
    recentCheckIns(ctx.db, lecture._id, RECENT_NAMES),
    checkinCountOf(ctx.db, lecture, ctx.now),
    input.withMiniCode ? miniCodeFor(scene) : undefined,
  ])
  return {
    token,
    qrContent: qrContentFor(scene),
    scene,
    slotSeconds: lecture.slotSeconds,
    expiresAt: new Date(
      lecture.checkinMode === 'static' ? checkinWindowBounds(lecture.startAt.getTime(), lecture.endAt.getTime(), lecture.checkinWindow).closesAt : slotEndsAt(nowMs, lecture.slotSeconds),
    ).toISOString(),
    checkinCount,
    // The display is projected to the whole room, residents and visitors included: masked (docs/architecture.md "Privacy").
    recent: recent.map((c) => ({ name: maskName(c.name), at: c.at.toISOString() })),
    ...(miniCode ? { miniCode } : {}),
  }
}

/**
 * The count and the newest names alone, which the display asks for every few seconds between codes so a
 * check-in shows within 5 s: the lecture, then its count and newest check-ins together, nothing minted.
 */
export async function displayCount(input: { lectureId: string }, ctx: ContextFor<'secretary'>): Promise<DisplayCount> {
  const lecture = await ownLecture(ctx, input.lectureId)
  if (lecture.status === 'draft') throw CheckinErrors.notPublished()
  if (lecture.status === 'cancelled') throw CheckinErrors.cancelled()
  const [recent, checkinCount] = await Promise.all([recentCheckIns(ctx.db, lecture._id, RECENT_NAMES), checkinCountOf(ctx.db, lecture, ctx.now)])
  return { checkinCount, recent: recent.map((c) => ({ name: maskName(c.name), at: c.at.toISOString() })) }
}

/**
 * A person checks in by scanning the display. Every refusal has its own code and tells the person what
 * to do; "recorded" is answered only after the record is written (docs/architecture.md "Check-in").
 * Two round trips for a member of the lecture's branch: the caller with the lecture (the router's
 * preload), then the insert. The record is the count: nothing else is written, so nothing can be left
 * half done.
 */
export async function checkIn(
  input: { lectureId: string; token: string; location?: GeoPoint },
  ctx: ContextFor<'inBranch'>,
  // Read by the router alongside the caller's record (withPreload); read here when called without it.
  preloaded?: LectureDoc | null,
): Promise<CheckInResult> {
  const lecture = preloaded === undefined ? await findLecture(ctx.db, input.lectureId) : preloaded
  if (!lecture) throw LectureErrors.notFound()
  if (lecture.status === 'draft') throw CheckinErrors.notPublished()
  if (lecture.status === 'cancelled') throw CheckinErrors.cancelled()
  if (judgeAudience(lecture.audience, lecture.branchId, ctx.member.branchId) === 'otherBranch') throw CheckinErrors.audience(lecture.branchName)

  const nowMs = ctx.now.getTime()
  const bounds = checkinWindowBounds(lecture.startAt.getTime(), lecture.endAt.getTime(), lecture.checkinWindow)
  const state = checkinWindowState(nowMs, bounds)
  const verdict = judgeToken(lecture.secret, lecture._id, lecture.checkinMode, input.token, nowMs, lecture.slotSeconds)
  if (state !== 'open' || verdict !== 'valid') {
    // Someone already recorded who rescans an old code (or after the window) is told so, not refused;
    // the lookup happens only on this path, so a first check-in costs no extra read.
    const existing = await findCheckIn(ctx.db, lecture._id, ctx.openid)
    if (existing) return answerExisting(existing, lecture.title)
    if (state === 'notOpen') throw CheckinErrors.notOpen(new Date(bounds.opensAt))
    if (state === 'closed') throw CheckinErrors.closed()
    throw verdict === 'expired' ? CheckinErrors.tokenExpired() : CheckinErrors.tokenInvalid()
  }

  const fence = geofence(lecture.location, input.location)
  const visitor = ctx.member.branchId !== lecture.branchId
  const branchName = visitor ? ((await findBranch(ctx.db, ctx.member.branchId))?.name ?? '') : lecture.branchName
  const record: CheckInDoc = {
    _id: checkInId(lecture._id, ctx.openid),
    lectureId: lecture._id,
    openid: ctx.openid,
    name: ctx.member.name,
    nameKey: await nameKeyOf(ctx.member.name),
    branchId: ctx.member.branchId,
    branchName,
    visitor,
    at: ctx.now,
    method: 'scan',
    present: true,
    flags: fence.flags,
    distanceMeters: fence.distance,
    reason: null,
    markedBy: null,
    lectureTitle: lecture.title,
    lectureStartAt: lecture.startAt,
    updatedAt: ctx.now,
  }
  // Deterministic id: of 100 simultaneous taps exactly one inserts; the rest are "already".
  const winner = await insertOrFindWinner(ctx.db, record)
  if (winner) return answerExisting(winner, lecture.title)
  return { checkedInAt: record.at.toISOString(), already: false, flags: record.flags, lectureTitle: lecture.title }
}

/**
 * `insertOnce` that answers the record already there (undefined when this one was inserted): the read
 * that tells a lost race from a failure is kept, so a repeated tap costs one read, not two.
 */
async function insertOrFindWinner(db: Database, record: CheckInDoc): Promise<CheckInDoc | undefined> {
  try {
    await db.collection(Collections.checkIns).add({ data: record })
    return undefined
  } catch (err) {
    const winner = await findCheckIn(db, record.lectureId, record.openid)
    if (!winner) throw err
    return winner
  }
}

function answerExisting(existing: CheckInDoc, title: string): CheckInResult {
  if (!existing.present) throw CheckinErrors.removed(existing.reason)
  return { checkedInAt: existing.at.toISOString(), already: true, flags: existing.flags, lectureTitle: title }
}

