import type { CloseMonthsResult } from '../../contracts/commitment.contract'
import type { Database } from '../../shared/db'
import { AppError } from '../../shared/errors'
import type { TimerContext } from '../../shared/router'
import { CommitmentErrors } from './commitment.errors'
import { figuresOfPlan } from './commitment.mapper'
import { ensureBoard, findBoard, findPlan, listMonthPlans, listOpenBoardsUpTo, listUnfrozenUpTo, moveBoard, updatePlanAt } from './commitment.repository'
import { lastDueMonth, OVERDUE_REASON, overdueCount, planFigures, sumFigures } from './commitment.rules'

export interface CloseContext {
  db: Database
  now: Date
}

/** Enough to outlast the author's last writes racing the close (each one moves `rev` once). */
const FREEZE_ATTEMPTS = 10

/**
 * Freezes one plan: items of a published plan still without an outcome are marked overdue, the figures
 * are kept, and nothing may change it after. Conditional on `rev`, so a late result either lands before
 * (and is counted) or finds the plan frozen; never half of each. Answers the items marked overdue.
 */
async function freezePlan(ctx: CloseContext, planId: string): Promise<number> {
  for (let attempt = 0; attempt < FREEZE_ATTEMPTS; attempt += 1) {
    const plan = await findPlan(ctx.db, planId)
    if (!plan || plan.frozen) return 0
    const overdue = overdueCount(plan.status, plan.items)
    const items =
      overdue === 0
        ? plan.items
        : plan.items.map((i) => (i.outcome ? i : { ...i, outcome: { outcome: 'overdue' as const, evidence: '', photos: [], reason: OVERDUE_REASON, at: ctx.now } }))
    const figures = planFigures(plan.status, items, plan.satisfaction)
    if (await updatePlanAt(ctx.db, plan, { frozen: true, items, figures, updatedAt: ctx.now })) return overdue
  }
  throw CommitmentErrors.busy()
}

/**
 * Closes a branch's month (docs/architecture.md "Commitment months"): every plan frozen, then the board
 * closed with the branch's figures. Safe to run twice or side by side: a frozen plan is skipped and the
 * board moves to closed by a conditional update, so a second run writes nothing.
 */
export async function closeBoard(ctx: CloseContext, branchId: string, month: string): Promise<{ closed: boolean; overdueItems: number }> {
  // The board first (unpublished if it never was), so a run cut short is found again by the timer.
  await ensureBoard(ctx.db, branchId, month, ctx.now)
  let overdueItems = 0
  for (const plan of await listMonthPlans(ctx.db, branchId, month)) if (!plan.frozen) overdueItems += await freezePlan(ctx, plan._id)
  const board = await findBoard(ctx.db, branchId, month)
  if (!board || board.status === 'closed') return { closed: false, overdueItems }
  const published = (await listMonthPlans(ctx.db, branchId, month)).filter((p) => p.status === 'published')
  const figures = sumFigures(published.map(figuresOfPlan))
  const closed = await moveBoard(ctx.db, board, ['unpublished', 'published'], { status: 'closed', closedAt: ctx.now, figures, plans: published.length, updatedAt: ctx.now })
  return { closed, overdueItems }
}

const PAGE = 200
/** Per firing; the rest wait for the next one (the trigger fires every hour). */
const MAX_BOARDS_PER_RUN = 200

/** Each hourly run (`hourly.use-case.ts`): closes every branch's month past its result deadline. Running it twice changes nothing. */
export async function closeMonths(_input: Record<string, never>, ctx: TimerContext): Promise<CloseMonthsResult> {
  const last = lastDueMonth(ctx.now.getTime())
  const done = new Set<string>()
  const result: CloseMonthsResult = { closed: 0, overdueItems: 0 }
  while (done.size < MAX_BOARDS_PER_RUN) {
    const [plans, boards] = await Promise.all([listUnfrozenUpTo(ctx.db, last, PAGE), listOpenBoardsUpTo(ctx.db, last, PAGE)])
    const todo = new Map<string, { branchId: string; month: string }>()
    for (const d of [...plans, ...boards]) {
      const key = `${d.branchId}|${d.month}`
      if (!done.has(key)) todo.set(key, { branchId: d.branchId, month: d.month })
    }
    if (todo.size === 0) break
    for (const [key, { branchId, month }] of todo) {
      done.add(key)
      try {
        const r = await closeBoard(ctx, branchId, month)
        if (r.closed) result.closed += 1
        result.overdueItems += r.overdueItems
      } catch (err) {
        // One month still being written to (COMMITMENT.BUSY) waits for the next firing; the others close now.
        if (!(err instanceof AppError)) throw err
        console.warn(`[commitment] closeMonths: ${err.code}, retried at the next firing`)
      }
    }
  }
  return result
}
