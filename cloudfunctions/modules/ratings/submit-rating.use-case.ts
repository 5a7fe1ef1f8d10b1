import { randomBytes } from 'crypto'
import type { MyRating, Scores } from '../../contracts/rating.contract'
import { Collections } from '../../shared/collections'
import { checkText } from '../../shared/content-check'
import { inTransaction, txGet, updateWhere } from '../../shared/db'
import { notify } from '../../shared/notify'
import type { ContextFor } from '../../shared/router'
import { formatBeijing } from '../../shared/time'
import { LectureErrors } from '../lectures/lecture.errors'
import { checkInId, findCheckIn, findLecture, type CheckInDoc, type LectureDoc } from '../lectures/lecture.repository'
import { RatingErrors } from './rating.errors'
import { findRating, ratingId, ratingUpdate, type RatingDoc } from './rating.repository'
import { ratingWindow, ratingWindowState } from '../../contracts/rules/rating.rules'
import { aggregateDelta, ratingChange, ratingStateOf, shouldTellSpeaker } from './rating.rules'

function toMyRating(r: RatingDoc, lecture: LectureDoc): MyRating {
  return {
    lectureId: r.lectureId,
    scores: { ...r.scores },
    comment: r.comment,
    commentStatus: r.commentStatus,
    updatedAt: r.updatedAt.toISOString(),
    editableUntil: new Date(ratingWindow(lecture.startAt.getTime(), lecture.endAt.getTime()).closesAt).toISOString(),
  }
}

/** A lecture the caller attended (checked in or marked present by the secretary). */
async function attendedLecture(ctx: ContextFor<'inBranch'>, lectureId: string): Promise<LectureDoc> {
  const lecture = await findLecture(ctx.db, lectureId)
  if (!lecture || lecture.status === 'draft') throw LectureErrors.notFound()
  const attendance = await findCheckIn(ctx.db, lecture._id, ctx.openid)
  if (!attendance?.present) throw RatingErrors.notPresent()
  return lecture
}

/**
 * Rates a lecture, or revises one's rating. The rating and the lecture's counts and sums change in one
 * transaction, so the aggregate always equals a recomputation from the ratings, and each person counts
 * once however often they revise.
 */
export async function submitRating(input: { lectureId: string; scores: Scores; comment?: string }, ctx: ContextFor<'inBranch'>): Promise<MyRating> {
  const lecture = await attendedLecture(ctx, input.lectureId)
  if (lecture.status === 'cancelled') throw RatingErrors.cancelled()
  // Rating oneself would tilt the very numbers the speaker is accountable for.
  if (lecture.speaker.openid === ctx.openid) throw RatingErrors.ownLecture()
  const window = ratingWindow(lecture.startAt.getTime(), lecture.endAt.getTime())
  const state = ratingWindowState(ctx.now.getTime(), window)
  if (state === 'notStarted') throw RatingErrors.notStarted(new Date(window.opensAt))
  if (state === 'closed') throw RatingErrors.closed(new Date(window.closesAt))

  const comment = input.comment ?? ''
  // Checked before the transaction: a slow external call must not hold the write lock.
  const verdict = await checkText(ctx.openid, comment)
  if (verdict === 'risky') throw RatingErrors.commentRejected()
  const commentStatus: RatingDoc['commentStatus'] = comment === '' ? 'none' : verdict

  const id = ratingId(lecture._id, ctx.openid)
  const { saved, reportReady } = await inTransaction(ctx.db, async (tx) => {
    // Asked again inside the transaction: a removal by the secretary between the first look and this
    // write would otherwise leave an absent person's rating in the aggregate.
    if (!(await txGet<CheckInDoc>(tx, Collections.checkIns, checkInId(lecture._id, ctx.openid)))?.present) throw RatingErrors.notPresent()
    const previous = await txGet<RatingDoc>(tx, Collections.ratings, id)
    const current = await txGet<LectureDoc & { rating?: unknown }>(tx, Collections.lectures, lecture._id)
    const state = ratingStateOf(current?.rating)
    // A first rating joins the batch being gathered; a revision stays in the batch it was given in.
    const batch = previous ? previous.batch : state.batch
    const change = ratingChange(state, aggregateDelta(previous?.scores ?? null, input.scores), { kind: 'rating', inHeldBatch: batch === state.batch })
    const sameComment = previous !== null && previous.comment === comment
    // The same text keeps its review decision; a changed one is checked (and, if held, reviewed) anew.
    const status = sameComment && comment !== '' ? previous.commentStatus : commentStatus
    const doc: RatingDoc = {
      _id: id,
      lectureId: lecture._id,
      openid: ctx.openid,
      scores: { ...input.scores },
      comment,
      commentStatus: status,
      // A new key whenever the text changes, so a secretary's decision applies to the text they read.
      ...(status === 'review' ? { commentKey: sameComment && previous.commentKey ? previous.commentKey : randomBytes(8).toString('hex') } : {}),
      ...(batch !== undefined ? { batch } : {}),
      ...(previous?.presenceBatch !== undefined ? { presenceBatch: previous.presenceBatch, excludedBefore: previous.excludedBefore === true } : {}),
      createdAt: previous?.createdAt ?? ctx.now,
      updatedAt: ctx.now,
      revisions: (previous?.revisions ?? -1) + 1,
    }
    const { _id: _omit, ...data } = doc
    await tx.collection(Collections.ratings).doc(id).set({ data })
    const update = ratingUpdate(ctx.db, change)
    if (Object.keys(update).length > 0) await tx.collection(Collections.lectures).doc(lecture._id).update({ data: update })
    return { saved: doc, reportReady: shouldTellSpeaker(change.shown.count, state.told) }
  })

  if (reportReady) await tellSpeaker(ctx, lecture)
  return toMyRating(saved, lecture)
}

/**
 * When the third rating arrives, the speaker (if they use the app) is told the report is ready. The
 * conditional update on `rating.notifiedAt` makes it once, even if two submissions race past 3; a send
 * that fails gives the mark back, so the next rating tries again.
 */
async function tellSpeaker(ctx: ContextFor<'inBranch'>, lecture: LectureDoc): Promise<void> {
  if (!lecture.speaker.openid || !process.env.RATING_REPORT_TEMPLATE_ID) return
  const _ = ctx.db.command
  const first = await updateWhere(ctx.db, Collections.lectures, { _id: lecture._id, 'rating.notifiedAt': _.exists(false) }, { 'rating.notifiedAt': ctx.now })
  if (first === 0) return
  const sent = await notify({
    touser: lecture.speaker.openid,
    templateId: process.env.RATING_REPORT_TEMPLATE_ID,
    page: `pages/lecture-report/index?lectureId=${lecture._id}`,
    data: {
      thing1: { value: lecture.title.slice(0, 20) },
      time2: { value: formatBeijing(lecture.startAt, 'YYYY年M月D日 HH:mm') },
      thing3: { value: '评议结果已可查看' },
    },
  })
  if (sent === 'failed') await updateWhere(ctx.db, Collections.lectures, { _id: lecture._id, 'rating.notifiedAt': ctx.now }, { 'rating.notifiedAt': _.remove() })
}

export async function myRating(input: { lectureId: string }, ctx: ContextFor<'inBranch'>): Promise<MyRating | null> {
  const lecture = await findLecture(ctx.db, input.lectureId)
  if (!lecture || lecture.status === 'draft') throw LectureErrors.notFound()
  const mine = await findRating(ctx.db, lecture._id, ctx.openid)
  return mine ? toMyRating(mine, lecture) : null
}
