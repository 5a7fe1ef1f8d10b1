import type { LecturerReport, RatingProgress, RatingSummary } from '../../contracts/rating.contract'
import { RATING_DIMENSIONS, RATING_THRESHOLD, ratingWindow, ratingWindowState, type RatingDimension } from '../../contracts/rules/rating.rules'
import { Collections } from '../../shared/collections'
import type { Cursor } from '../../shared/cursor'
import { findMany, updateWhere, type Database } from '../../shared/db'
import type { ContextFor } from '../../shared/router'
import { LectureErrors } from '../lectures/lecture.errors'
import { checkinCountOf, findCheckIn, findLecture, presentCheckIns, type CheckInDoc, type LectureDoc } from '../lectures/lecture.repository'
import { RatingErrors } from './rating.errors'
import { ratingsOf } from './rating.repository'
import {
  aggregateDelta,
  anonymousOrder,
  applyDelta,
  attendeesAsShown,
  averages,
  commentReleased,
  distribution,
  emptyAggregate,
  meetsThreshold,
  pendingAttendanceChanges,
  ratingStateOf,
  ratingsToRelease,
  shownAggregate,
  shownAtClose,
  type RatingAggregate,
} from './rating.rules'

const REPORT_LECTURES = 100
const ATTENDEE_BATCH = 500

type LectureWithRating = LectureDoc & { rating?: unknown }

function roleOn(ctx: ContextFor<'inBranch'>, lecture: LectureDoc): 'secretary' | 'speaker' | null {
  if (ctx.member.role === 'secretary' && ctx.member.branchId === lecture.branchId) return 'secretary'
  if (lecture.speaker.openid !== null && lecture.speaker.openid === ctx.openid) return 'speaker'
  return null
}

/** Everyone present, through the attendance list's own index (check_ins lecture_present_at, cloudbaserc.json). */
async function presentAttendees(ctx: ContextFor<'inBranch'>, lectureId: string): Promise<Array<Pick<CheckInDoc, '_id' | 'openid' | 'name' | 'guest'>>> {
  const out: Array<Pick<CheckInDoc, '_id' | 'openid' | 'name' | 'guest'>> = []
  let after: Cursor | null = null
  for (;;) {
    const batch = await presentCheckIns(ctx.db, lectureId, after, ATTENDEE_BATCH)
    out.push(...batch.map(({ _id, openid, name, guest }) => ({ _id, openid, name, ...(guest ? { guest } : {}) })))
    const last = batch[batch.length - 1]
    if (batch.length < ATTENDEE_BATCH || !last) return out
    after = { t: last.at.getTime(), id: last._id }
  }
}

/** The lecture a report is asked about: a draft, like a missing one, is not found. */
async function reportedLecture(ctx: ContextFor<'inBranch'>, lectureId: string): Promise<LectureWithRating> {
  const lecture = (await findLecture(ctx.db, lectureId)) as LectureWithRating | null
  if (!lecture || lecture.status === 'draft') throw LectureErrors.notFound()
  return lecture
}

/**
 * Those who could rate: present, less the speaker, who may sit in the room but does not rate their own
 * lecture, and less outside guests, who have no account to rate with.
 */
async function attendeesOf(ctx: ContextFor<'inBranch'>, lecture: LectureDoc): Promise<number> {
  const speaker = lecture.speaker.openid
  const [speakerPresent, present] = await Promise.all([
    speaker !== null ? findCheckIn(ctx.db, lecture._id, speaker).then((c) => c?.present === true) : false,
    checkinCountOf(ctx.db, lecture, ctx.now),
  ])
  return Math.max(0, present - (lecture.guestCount ?? 0) - (speakerPresent ? 1 : 0))
}

/**
 * Who was present and has not rated yet, by name only and in name order: the complement of the raters,
 * never tied to a score. For the branch secretary alone (the summary's list and `rating.progress`).
 */
async function notRatedOf(ctx: ContextFor<'inBranch'>, lecture: LectureDoc): Promise<Array<{ name: string }>> {
  const [rows, present] = await Promise.all([ratingsOf(ctx.db, lecture._id, { openid: true }), presentAttendees(ctx, lecture._id)])
  const raters = new Set(rows.map((r) => String(r.openid)))
  return present
    .filter((p) => !raters.has(p.openid) && p.openid !== lecture.speaker.openid && p.guest !== true)
    .map((p) => ({ name: p.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN'))
}

/** Whether the lecture's rating window has closed at `nowMs`. */
function windowClosed(lecture: LectureDoc, nowMs: number): boolean {
  return ratingWindowState(nowMs, ratingWindow(lecture.startAt.getTime(), lecture.endAt.getTime())) === 'closed'
}

/**
 * The figures as released (docs/architecture.md "Ratings released in batches"): before the window
 * closes, the last release; after, every attendance change too, but not a batch of fewer than 3 new
 * raters. Read from the kept counts, plus — once closed with such a batch — its few ratings.
 */
async function releasedAggregate(db: Database, lecture: LectureWithRating, closed: boolean): Promise<RatingAggregate> {
  const state = ratingStateOf(lecture.rating)
  if (!closed) return shownAggregate(state)
  if (state.fresh === 0) return state.live
  const held = await ratingsOf(db, lecture._id, { scores: true, excluded: true }, { batch: state.batch })
  const heldNew = held.reduce((agg, r) => (r.scores && r.excluded !== true ? applyDelta(agg, aggregateDelta(null, r.scores)) : agg), emptyAggregate())
  return shownAtClose(state, heldNew)
}

/**
 * The lecture's report: numbers from the counts kept on the lecture (no scan of the ratings), comments
 * as bare texts, withheld below the threshold. Every figure is of the same release, the attendance it
 * compares with included, and says what waits and until when. The secretary also learns who has not
 * rated yet — the complement of the raters, never tied to a score.
 */
export async function ratingSummary(input: { lectureId: string }, ctx: ContextFor<'inBranch'>): Promise<RatingSummary> {
  const lecture = await reportedLecture(ctx, input.lectureId)
  const role = roleOn(ctx, lecture)
  if (!role) throw RatingErrors.forbidden()
  const state = ratingStateOf(lecture.rating)
  const closed = windowClosed(lecture, ctx.now.getTime())
  const agg = await releasedAggregate(ctx.db, lecture, closed)
  if (!meetsThreshold(agg.count)) throw closed ? RatingErrors.tooFewClosed(agg.count) : RatingErrors.tooFew(state.live.count)

  const avg = averages(agg)
  const dimensions = {} as RatingSummary['dimensions']
  for (const d of RATING_DIMENSIONS) dimensions[d] = { average: avg[d], distribution: distribution(agg, d) }
  // Only rows with a comment to show or decide, and only as far as the figures are released
  // (commentReleased): the numbers above come from the counts, not from here. A release between the
  // lecture's read and this one only hides a comment until the next refresh, never shows one early.
  const rows = (
    await ratingsOf(ctx.db, lecture._id, { comment: true, commentStatus: true, commentKey: true, batch: true, excluded: true, presenceBatch: true, excludedBefore: true }, {
      commentStatus: ctx.db.command.in(['pass', 'review']),
    })
  ).filter((r) => commentReleased(r, state.batch, closed))
  const comments = anonymousOrder(rows.filter((r) => r.commentStatus === 'pass' && r.comment).map((r) => String(r.comment)))
  const [presentNow, changed] = await Promise.all([
    attendeesOf(ctx, lecture),
    closed ? Promise.resolve([]) : ratingsOf(ctx.db, lecture._id, { batch: true, excluded: true, excludedBefore: true, presenceBatch: true }, { presenceBatch: state.batch }),
  ])
  const attendees = attendeesAsShown(state, presentNow, closed)

  const summary: RatingSummary = {
    lectureId: lecture._id,
    lectureTitle: lecture.title,
    startAt: lecture.startAt.toISOString(),
    count: agg.count,
    heldCount: state.fresh,
    pendingChanges: pendingAttendanceChanges(changed, state.batch),
    releaseAfter: closed ? null : ratingsToRelease(state, presentNow),
    ratingClosed: closed,
    ratingClosesAt: new Date(ratingWindow(lecture.startAt.getTime(), lecture.endAt.getTime()).closesAt).toISOString(),
    attendees,
    responseRate: attendees > 0 ? Math.min(1, Math.round((agg.count / attendees) * 1000) / 1000) : 0,
    overallAverage: avg.overall,
    dimensions,
    comments,
  }
  if (role === 'secretary') {
    summary.notRated = await notRatedOf(ctx, lecture)
    summary.pendingComments = rows
      .filter((r) => r.commentStatus === 'review' && r.comment && r.commentKey)
      .map((r) => ({ key: String(r.commentKey), text: String(r.comment) }))
      .sort((a, b) => a.text.localeCompare(b.text, 'zh-Hans-CN'))
  }
  return summary
}

/**
 * For the branch secretary, at any count (the summary is withheld below 3, just when they need to
 * remind people): how many ratings count and who was there and has not rated. Which people have rated
 * says nothing about what anyone gave — no score or comment is read here — and the first figures still
 * appear only once 3 have rated, together.
 */
export async function ratingProgress(input: { lectureId: string }, ctx: ContextFor<'inBranch'>): Promise<RatingProgress> {
  const lecture = await reportedLecture(ctx, input.lectureId)
  if (roleOn(ctx, lecture) !== 'secretary') throw RatingErrors.progressForbidden()
  const [attendees, notRated] = await Promise.all([attendeesOf(ctx, lecture), notRatedOf(ctx, lecture)])
  return { rated: ratingStateOf(lecture.rating).live.count, attendees, notRated, threshold: RATING_THRESHOLD }
}

/**
 * The secretary's decision on a comment the content check held. Addressed by the comment's opaque key
 * (never by rater), and conditional on it still being under review with that key: a comment revised
 * or decided meanwhile is not touched.
 */
export async function reviewComment(
  input: { lectureId: string; key: string; decision: 'pass' | 'reject' },
  ctx: ContextFor<'inBranch'>,
): Promise<{ key: string; commentStatus: 'pass' | 'rejected' }> {
  const lecture = await findLecture(ctx.db, input.lectureId)
  if (!lecture || lecture.status === 'draft') throw LectureErrors.notFound()
  if (roleOn(ctx, lecture) !== 'secretary') throw RatingErrors.reviewForbidden()
  const commentStatus = input.decision === 'pass' ? 'pass' : 'rejected'
  const updated = await updateWhere(
    ctx.db,
    Collections.ratings,
    { lectureId: lecture._id, commentKey: input.key, commentStatus: 'review' },
    { commentStatus, reviewedAt: ctx.now },
  )
  if (updated === 0) throw RatingErrors.commentChanged()
  return { key: input.key, commentStatus }
}

/** A speaker's lectures over time (or, for a secretary, a speaker of their branch), same threshold. */
export async function lecturerReport(input: { speakerOpenid?: string }, ctx: ContextFor<'inBranch'>): Promise<LecturerReport> {
  const speaker = input.speakerOpenid ?? ctx.openid
  const asSecretary = input.speakerOpenid !== undefined && input.speakerOpenid !== ctx.openid
  if (asSecretary && ctx.member.role !== 'secretary') throw RatingErrors.forbidden()
  const _ = ctx.db.command
  // Lectures that have begun: one still to come has nothing to report and would read as 评议不足.
  const where: Record<string, unknown> = { 'speaker.openid': speaker, status: _.in(['published']), startAt: _.lte(ctx.now) }
  if (asSecretary) where.branchId = ctx.member.branchId
  const lectures = await findMany<LectureWithRating>(ctx.db.collection(Collections.lectures).where(where).orderBy('startAt', 'desc').limit(REPORT_LECTURES))
  return {
    speakerName: lectures[0]?.speaker.name ?? (asSecretary ? '' : ctx.member.name),
    lectures: await Promise.all(lectures.map(async (l) => {
      const agg = await releasedAggregate(ctx.db, l, windowClosed(l, ctx.now.getTime()))
      const avg = averages(agg)
      const shown = meetsThreshold(agg.count)
      const perDimension = {} as Record<RatingDimension, number>
      for (const d of RATING_DIMENSIONS) perDimension[d] = avg[d]
      return {
        lectureId: l._id,
        title: l.title,
        startAt: l.startAt.toISOString(),
        count: agg.count,
        averages: shown ? { ...perDimension, overall: avg.overall } : null,
      }
    })),
  }
}

