import type { CommitmentPlanDetail, CommitmentRatingView } from '../../contracts/commitment.contract'
import type { Page } from '../../contracts/common.schema'
import type { CommitmentSatisfaction } from '../../contracts/rules/commitment.rules'
import type { MemberDoc } from '../../shared/caller'
import { Collections } from '../../shared/collections'
import { checkText } from '../../shared/content-check'
import { decodeCursor, encodeCursor } from '../../shared/cursor'
import { findById, findMany, inTransaction, txGet, updateWhere, type Database } from '../../shared/db'
import { maskName } from '../../shared/privacy.rules'
import type { ContextFor } from '../../shared/router'
import { DEFAULT_PAGE_SIZE, detailFor, viewerOf, type ViewContext } from './browse-commitments.use-case'
import { CommitmentErrors, refusal } from './commitment.errors'
import { factsOf, findBoard, findPeople, findPlan, ratingDocId, type PlanDoc, type RatingDoc } from './commitment.repository'
import { judge, mayRead } from './commitment.rules'

/**
 * 群众评议: residents and members of a member's branch rate the member's month, once per person (a
 * second rating replaces the first: same `_id`), with an optional comment through the content check
 * that the member or the secretary may answer. The plan's satisfaction counts move by -old +new in the
 * transaction that writes the rating, so they always equal a recount (docs/architecture.md "Commitment months").
 */

/** Replies a rating can carry: an exchange, not a thread. */
export const REPLIES_MAX = 20

function isSecretaryOf(ctx: ViewContext, branchId: string): boolean {
  return ctx.member?.role === 'secretary' && ctx.member.branchId === branchId
}

/**
 * A rating as the viewer may see it: the rater masked (王**) with their role, never the openid; a held
 * comment only to its author and the branch secretary, a rejected one only to its author.
 */
export function toRatingView(doc: RatingDoc, rater: MemberDoc | undefined, viewer: { openid: string; secretary: boolean }): CommitmentRatingView {
  const mine = doc.openid === viewer.openid
  const visible = doc.comment !== null && (mine || (!doc.commentRejected && (!doc.commentHeld || viewer.secretary)))
  return {
    ratingId: doc._id.slice(doc.planId.length + 1),
    raterName: maskName(rater?.name ?? ''),
    raterRole: rater?.role ?? 'resident',
    satisfaction: doc.satisfaction,
    comment: visible ? doc.comment : null,
    commentHeld: doc.commentHeld,
    at: doc.at.toISOString(),
    replies: doc.replies.map((r) => ({ at: r.at.toISOString(), by: r.by, text: r.text })),
    mine,
  }
}

async function ratingViews(ctx: ViewContext, plan: PlanDoc, docs: readonly RatingDoc[]): Promise<CommitmentRatingView[]> {
  const { members } = await findPeople(ctx.db, docs.map((d) => d.openid))
  const viewer = { openid: ctx.openid, secretary: isSecretaryOf(ctx, plan.branchId) }
  return docs.map((d) => toRatingView(d, members.get(d.openid), viewer))
}

/** Every rating of a month of a branch, for the ledger, in `_id` pages of `limit`. */
export function listMonthRatings(db: Database, branchId: string, month: string, afterId: string | null, limit: number): Promise<RatingDoc[]> {
  const where = afterId ? { branchId, month, _id: db.command.gt(afterId) } : { branchId, month }
  return findMany<RatingDoc>(db.collection(Collections.commitmentRatings).where(where).orderBy('_id', 'asc').limit(limit))
}

export interface RateInput {
  planId: string
  satisfaction: CommitmentSatisfaction
  comment?: string
}

/**
 * Rates a member's month, or replaces one's rating of it. The plan is judged again inside the
 * transaction, so a rating racing the month's close either lands before the freeze (and is counted by
 * it: the write moves the plan's `rev`) or is refused.
 */
export async function rate(input: RateInput, ctx: ContextFor<'inBranch'>): Promise<CommitmentPlanDetail> {
  const nowMs = ctx.now.getTime()
  const viewer = viewerOf(ctx)
  const plan = await findPlan(ctx.db, input.planId)
  if (!plan) throw CommitmentErrors.notFound()
  const board = await findBoard(ctx.db, plan.branchId, plan.month)
  const verdict = judge('rate', factsOf(plan, board), viewer, nowMs)
  if (verdict !== 'ok') throw refusal(verdict, factsOf(plan, board), 'rate', nowMs)

  const comment = input.comment ?? ''
  // Checked before the transaction: a slow external call must hold no lock.
  const check = await checkText(ctx.openid, comment)
  if (check === 'risky') throw CommitmentErrors.textRejected('comment')

  const id = ratingDocId(plan._id, ctx.openid)
  await inTransaction(ctx.db, async (tx) => {
    const current = await txGet<PlanDoc>(tx, Collections.commitmentPlans, plan._id)
    if (!current) throw CommitmentErrors.notFound()
    const again = judge('rate', factsOf(current, board), viewer, nowMs)
    if (again !== 'ok') throw refusal(again, factsOf(current, board), 'rate', nowMs)
    const previous = await txGet<RatingDoc>(tx, Collections.commitmentRatings, id)
    // The same text keeps its review decision and its replies; a changed one is checked (and, if held, reviewed) anew.
    const text = comment === '' ? null : comment
    const same = previous !== null && previous.comment === text
    const doc: RatingDoc = {
      _id: id,
      planId: plan._id,
      branchId: plan.branchId,
      month: plan.month,
      openid: ctx.openid,
      satisfaction: input.satisfaction,
      comment: text,
      commentHeld: same ? previous.commentHeld : check === 'review' && text !== null,
      commentRejected: same ? previous.commentRejected : false,
      replies: same ? previous.replies : [],
      at: ctx.now,
    }
    const { _id, ...data } = doc
    await tx.collection(Collections.commitmentRatings).doc(_id).set({ data })
    const _ = ctx.db.command
    const counts: Record<string, unknown> = { rev: _.inc(1) }
    if (previous?.satisfaction !== input.satisfaction) {
      counts[`satisfaction.${input.satisfaction}`] = _.inc(1)
      if (previous) counts[`satisfaction.${previous.satisfaction}`] = _.inc(-1)
    }
    await tx.collection(Collections.commitmentPlans).doc(plan._id).update({ data: counts })
  })
  return detailFor(ctx, (await findPlan(ctx.db, plan._id)) ?? plan, board)
}

/** A plan's ratings, newest first: readable by whoever may read the plan. */
export async function ratings(input: { planId: string; cursor?: string; limit?: number }, ctx: ContextFor<'signedIn'>): Promise<Page<CommitmentRatingView>> {
  const plan = await findPlan(ctx.db, input.planId)
  if (!plan || !mayRead(factsOf(plan, await findBoard(ctx.db, plan.branchId, plan.month)), viewerOf(ctx))) throw CommitmentErrors.notFound()
  const limit = input.limit ?? DEFAULT_PAGE_SIZE
  const _ = ctx.db.command
  const conditions: object[] = [{ planId: plan._id }]
  const after = decodeCursor(input.cursor)
  if (after) conditions.push(_.or([{ at: _.lt(new Date(after.t)) }, { at: new Date(after.t), _id: _.lt(after.id) }]))
  const rows = await findMany<RatingDoc>(
    ctx.db.collection(Collections.commitmentRatings).where(_.and(conditions)).orderBy('at', 'desc').orderBy('_id', 'desc').limit(limit + 1),
  )
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  const items = await ratingViews(ctx, plan, page)
  // The cursor names the rating document, whose id is the plan's and the rater's key: no openid.
  return rows.length > limit && last ? { items, nextCursor: encodeCursor({ t: last.at.getTime(), id: last._id }) } : { items }
}

/** The rating of a plan the caller may read; `secretaryOnly`: of a plan of the caller's own branch. */
async function ratingOf(ctx: ViewContext, planId: string, ratingId: string, secretaryOnly = false): Promise<{ plan: PlanDoc; rating: RatingDoc }> {
  const plan = await findPlan(ctx.db, planId)
  if (!plan || !mayRead(factsOf(plan, await findBoard(ctx.db, plan.branchId, plan.month)), viewerOf(ctx))) throw CommitmentErrors.notFound()
  // Another branch's secretary learns nothing about this plan's ratings.
  if (secretaryOnly && !isSecretaryOf(ctx, plan.branchId)) throw CommitmentErrors.notFound()
  const rating = await findById<RatingDoc>(ctx.db, Collections.commitmentRatings, `${plan._id}_${ratingId}`)
  if (!rating) throw CommitmentErrors.ratingNotFound()
  return { plan, rating }
}

async function oneView(ctx: ViewContext, plan: PlanDoc, ratingDocIdValue: string): Promise<CommitmentRatingView> {
  const doc = await findById<RatingDoc>(ctx.db, Collections.commitmentRatings, ratingDocIdValue)
  if (!doc) throw CommitmentErrors.ratingNotFound()
  const [view] = await ratingViews(ctx, plan, [doc])
  if (!view) throw CommitmentErrors.ratingNotFound()
  return view
}

/** The member rated, or the secretary of their branch, answers a rating (named by role only). */
export async function reply(input: { planId: string; ratingId: string; text: string }, ctx: ContextFor<'partyMember'>): Promise<CommitmentRatingView> {
  const { plan, rating } = await ratingOf(ctx, input.planId, input.ratingId)
  const by = plan.openid === ctx.openid ? 'member' : isSecretaryOf(ctx, plan.branchId) ? 'secretary' : null
  if (!by) throw CommitmentErrors.notReplier()
  if (plan.frozen) throw CommitmentErrors.frozen()
  // A reply is published as written (it has no review queue of its own), so only a clean one is taken.
  if ((await checkText(ctx.openid, input.text)) !== 'pass') throw CommitmentErrors.textRejected('text')
  const _ = ctx.db.command
  const updated = await updateWhere(
    ctx.db,
    Collections.commitmentRatings,
    { _id: rating._id, [`replies.${REPLIES_MAX - 1}`]: _.exists(false) },
    { replies: _.push([{ at: ctx.now, by, text: input.text }]) },
  )
  if (updated === 0) throw CommitmentErrors.replyLimit(REPLIES_MAX)
  return oneView(ctx, plan, rating._id)
}

/**
 * The secretary's decision on a comment the content check held: shown, or kept hidden (its author still
 * sees it). Conditional on the very text the secretary read still being held, so it is decided once.
 */
export async function reviewComment(
  input: { planId: string; ratingId: string; decision: 'pass' | 'reject' },
  ctx: ContextFor<'secretary'>,
): Promise<CommitmentRatingView> {
  const { plan, rating } = await ratingOf(ctx, input.planId, input.ratingId, true)
  const updated = await updateWhere(
    ctx.db,
    Collections.commitmentRatings,
    { _id: rating._id, commentHeld: true, comment: rating.comment },
    { commentHeld: false, commentRejected: input.decision === 'reject' },
  )
  if (updated === 0) throw CommitmentErrors.commentDecided()
  return oneView(ctx, plan, rating._id)
}
