import type { CommitmentBoardView, CommitmentPlanDetail, CommitmentPlanSummary } from '../../contracts/commitment.contract'
import type { Page } from '../../contracts/common.schema'
import { addMonths, beijingMonthOf } from '../../contracts/rules/commitment.rules'
import { decodeCursor, encodeCursor } from '../../shared/cursor'
import type { ContextFor } from '../../shared/router'
import { findBranch } from '../members/member.repository'
import { boardViewOf, DEFAULT_PAGE_SIZE, detailFor, summariesOf } from './browse-commitments.use-case'
import { boardRefusal, CommitmentErrors } from './commitment.errors'
import { figuresOfPlan } from './commitment.mapper'
import { ensureBoard, findBoard, listPublishedPlans, listSubmitted, moveBoard } from './commitment.repository'
import { judgeBoard, sumFigures } from './commitment.rules'
import { closeBoard } from './close-month.use-case'
import { changePlan } from './plan-write.use-case'

type Ctx = ContextFor<'secretary'>

/** The secretary's queue: submitted plans of the month (default: this and next month), oldest first. */
export async function queue(input: { month?: string; cursor?: string; limit?: number }, ctx: Ctx): Promise<Page<CommitmentPlanSummary>> {
  const limit = input.limit ?? DEFAULT_PAGE_SIZE
  const thisMonth = beijingMonthOf(ctx.now.getTime())
  const months = input.month ? [input.month] : [thisMonth, addMonths(thisMonth, 1)]
  const rows = await listSubmitted(ctx.db, ctx.member.branchId, months, decodeCursor(input.cursor), limit)
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return {
    items: await summariesOf(ctx.db, page),
    ...(rows.length > limit && last?.submittedAt ? { nextCursor: encodeCursor({ t: last.submittedAt.getTime(), id: last._id }) } : {}),
  }
}

/** Publishes a submitted plan (it joins the board) or returns it to its author with a reason. */
export async function review(
  input: { planId: string; decision: 'publish' } | { planId: string; decision: 'return'; reason: string },
  ctx: Ctx,
): Promise<CommitmentPlanDetail> {
  const plan = await changePlan(ctx, input.planId, 'review', (p) =>
    input.decision === 'publish'
      ? {
          status: 'published',
          publishedAt: ctx.now,
          returnReason: null,
          // Version 1 is what was published: dated the day it went up.
          items: p.items.map((i) => ({ ...i, versions: i.versions.map((v) => ({ ...v, at: ctx.now })) })),
        }
      : { status: 'returned', returnReason: input.reason },
  )
  return detailFor(ctx, plan)
}

async function boardFacts(ctx: Ctx, month: string) {
  const branchId = ctx.member.branchId
  const [board, published] = await Promise.all([findBoard(ctx.db, branchId, month), listPublishedPlans(ctx.db, branchId, month, null)])
  const figures = sumFigures(published.map(figuresOfPlan))
  return { board, facts: { month, status: board?.status ?? 'unpublished', publishedPlans: published.length, openItems: figures.outcomes.open } as const }
}

async function viewOf(ctx: Ctx, month: string): Promise<CommitmentBoardView> {
  const branch = await findBranch(ctx.db, ctx.member.branchId)
  return boardViewOf(ctx, ctx.member.branchId, branch?.name ?? '', month)
}

/** Publishes the branch's board for the month: its published plans become public. Once, while the month runs. */
export async function publishBoard(input: { month: string }, ctx: Ctx): Promise<CommitmentBoardView> {
  const { facts } = await boardFacts(ctx, input.month)
  const nowMs = ctx.now.getTime()
  const verdict = judgeBoard('publishBoard', facts, nowMs)
  if (verdict !== 'ok') throw boardRefusal(verdict, 'publishBoard', input.month, facts.status, facts.openItems, nowMs)
  const board = await ensureBoard(ctx.db, ctx.member.branchId, input.month, ctx.now)
  if (!(await moveBoard(ctx.db, board, ['unpublished'], { status: 'published', publishedAt: ctx.now, updatedAt: ctx.now }))) {
    throw CommitmentErrors.boardAlreadyPublished()
  }
  return viewOf(ctx, input.month)
}

/** Closes the month before the timer does: once every published item has its outcome, or after the deadline. */
export async function closeMonth(input: { month: string }, ctx: Ctx): Promise<CommitmentBoardView> {
  const { facts } = await boardFacts(ctx, input.month)
  const nowMs = ctx.now.getTime()
  const verdict = judgeBoard('closeMonth', facts, nowMs)
  if (verdict !== 'ok') throw boardRefusal(verdict, 'closeMonth', input.month, facts.status, facts.openItems, nowMs)
  await closeBoard(ctx, ctx.member.branchId, input.month)
  return viewOf(ctx, input.month)
}
