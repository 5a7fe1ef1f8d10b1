import type {
  CommitmentBoardView,
  CommitmentMonthSummary,
  CommitmentPlanDetail,
  CommitmentPlanSummary,
  CommitmentStats,
} from '../../contracts/commitment.contract'
import type { Page } from '../../contracts/common.schema'
import { beijingMonthOf, COMMITMENT_PLAN_STATUSES, type CommitmentPlanStatus } from '../../contracts/rules/commitment.rules'
import type { MemberDoc } from '../../shared/caller'
import type { Database } from '../../shared/db'
import { tempFileUrls } from '../../shared/file-storage'
import type { ContextFor } from '../../shared/router'
import { findBranch } from '../members/member.repository'
import { CommitmentErrors } from './commitment.errors'
import { cardPhotoIds, figuresOfPlan, planPhotoIds, toBoardView, toCard, toDetail, toSummary } from './commitment.mapper'
import {
  factsOf,
  findBoard,
  findPanel,
  findPeople,
  findPlan,
  findRating,
  listBoards,
  listMonthPlans,
  listPublishedPlans,
  type BoardDoc,
  type PlanDoc,
} from './commitment.repository'
import { judgeBoard, mayRead, planIdOf, sumFigures, type Viewer } from './commitment.rules'

export const DEFAULT_PAGE_SIZE = 20

/** What every read needs of its context: anyone signed in, with or without a branch. */
export interface ViewContext {
  db: Database
  now: Date
  openid: string
  member: MemberDoc | null
}

export function viewerOf(ctx: ViewContext): Viewer {
  return { openid: ctx.openid, role: ctx.member?.role ?? null, branchId: ctx.member?.branchId ?? null }
}

function isSecretaryOf(ctx: ViewContext, branchId: string): boolean {
  return ctx.member?.role === 'secretary' && ctx.member.branchId === branchId
}

/** A keyset cursor over (name, id) or (month, id): opaque to the client, refused quietly when malformed. */
function encodeKey(parts: [string, string]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url')
}

function decodeKey(raw: string | undefined): { key: string; id: string } | null {
  if (!raw) return null
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'))
    if (!Array.isArray(value) || value.length !== 2) return null
    const [key, id] = value as unknown[]
    if (typeof key !== 'string' || typeof id !== 'string' || key.length > 64 || !/^[A-Za-z0-9_-]{1,80}$/.test(id)) return null
    return { key, id }
  } catch {
    return null
  }
}

/** Plans as board rows: each with its author's card and its photos' temporary URLs. */
export async function summariesOf(db: Database, plans: readonly PlanDoc[]): Promise<CommitmentPlanSummary[]> {
  const { members, cards } = await findPeople(db, plans.map((p) => p.openid))
  const urls = await tempFileUrls([...planPhotoIds(plans), ...cardPhotoIds(cards)])
  return plans.map((p) => toSummary(p, toCard(members.get(p.openid), cards.get(p.openid), urls), urls))
}

/** The plan as `ctx`'s caller sees it: the card, photos, their own rating, what they may do now. */
export async function detailFor(ctx: ViewContext, plan: PlanDoc, board?: BoardDoc | null): Promise<CommitmentPlanDetail> {
  const [boardDoc, branch, people, rating] = await Promise.all([
    board === undefined ? findBoard(ctx.db, plan.branchId, plan.month) : Promise.resolve(board),
    findBranch(ctx.db, plan.branchId),
    findPeople(ctx.db, [plan.openid]),
    findRating(ctx.db, plan._id, ctx.openid),
  ])
  const urls = await tempFileUrls([...planPhotoIds([plan]), ...cardPhotoIds(people.cards)])
  return toDetail({
    plan,
    board: boardDoc,
    branchName: branch?.name ?? '',
    card: toCard(people.members.get(plan.openid), people.cards.get(plan.openid), urls),
    rating,
    viewer: viewerOf(ctx),
    nowMs: ctx.now.getTime(),
    urls,
  })
}

/** The public sees a board's plans once it is published; its secretary sees the published plans before, to check them. */
function showsPlans(ctx: ViewContext, branchId: string, board: BoardDoc | null): boolean {
  return (board !== null && board.publishedAt !== null) || isSecretaryOf(ctx, branchId)
}

async function pageOfPlans(ctx: ViewContext, branchId: string, month: string, cursor: string | undefined, limit: number): Promise<Page<CommitmentPlanSummary>> {
  const after = decodeKey(cursor)
  const rows = await listPublishedPlans(ctx.db, branchId, month, after ? { name: after.key, id: after.id } : null, limit)
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return { items: await summariesOf(ctx.db, page), ...(rows.length > limit && last ? { nextCursor: encodeKey([last.name, last._id]) } : {}) }
}

/** The board of a branch and month (default: this Beijing month), readable by anyone signed in. */
export async function board(input: { branchId: string; month?: string; cursor?: string; limit?: number }, ctx: ContextFor<'signedIn'>): Promise<CommitmentBoardView> {
  const month = input.month ?? beijingMonthOf(ctx.now.getTime())
  const branch = await findBranch(ctx.db, input.branchId)
  if (!branch) throw CommitmentErrors.noMember()
  return boardViewOf(ctx, branch._id, branch.name, month, input.cursor, input.limit ?? DEFAULT_PAGE_SIZE)
}

export async function boardViewOf(ctx: ViewContext, branchId: string, branchName: string, month: string, cursor?: string, limit = DEFAULT_PAGE_SIZE): Promise<CommitmentBoardView> {
  const [boardDoc, panel] = await Promise.all([findBoard(ctx.db, branchId, month), findPanel(ctx.db, branchId)])
  const visible = showsPlans(ctx, branchId, boardDoc)
  // The branch's figures: kept at the close; before it, the sum over the published plans.
  const all = visible && !(boardDoc?.status === 'closed' && boardDoc.figures) ? await listPublishedPlans(ctx.db, branchId, month, null) : []
  const figures = boardDoc?.status === 'closed' && boardDoc.figures ? boardDoc.figures : sumFigures(all.map(figuresOfPlan))
  const plans = visible ? await pageOfPlans(ctx, branchId, month, cursor, limit) : { items: [] }
  const secretary = isSecretaryOf(ctx, branchId)
  const facts = { month, status: boardDoc?.status ?? 'unpublished', publishedPlans: all.length, openItems: figures.outcomes.open } as const
  const nowMs = ctx.now.getTime()
  return toBoardView({
    branchId,
    branchName,
    month,
    board: boardDoc,
    panel,
    figures,
    plans,
    viewer: {
      inBranch: ctx.member?.branchId === branchId && ctx.member.role !== null,
      secretary,
      canPublish: secretary && judgeBoard('publishBoard', facts, nowMs) === 'ok',
      canClose: secretary && judgeBoard('closeMonth', facts, nowMs) === 'ok',
    },
    nowMs,
  })
}

/** More plans of a board, after `cursor`. */
export async function plans(input: { branchId: string; month: string; cursor?: string; limit?: number }, ctx: ContextFor<'signedIn'>): Promise<Page<CommitmentPlanSummary>> {
  const boardDoc = await findBoard(ctx.db, input.branchId, input.month)
  if (!showsPlans(ctx, input.branchId, boardDoc)) return { items: [] }
  return pageOfPlans(ctx, input.branchId, input.month, input.cursor, input.limit ?? DEFAULT_PAGE_SIZE)
}

/** The branch's published months, newest first (a month never published stays off the list). */
export async function months(input: { branchId: string; cursor?: string; limit?: number }, ctx: ContextFor<'signedIn'>): Promise<Page<CommitmentMonthSummary>> {
  const limit = input.limit ?? DEFAULT_PAGE_SIZE
  const after = decodeKey(input.cursor)
  const rows = await listBoards(ctx.db, input.branchId, after?.key ?? null, limit)
  const page = rows.slice(0, limit)
  const items: CommitmentMonthSummary[] = []
  for (const b of page.filter((r) => r.publishedAt !== null)) {
    if (b.status === 'closed' && b.figures) {
      items.push({ month: b.month, status: b.status, plans: b.plans, figures: b.figures })
      continue
    }
    const published = await listPublishedPlans(ctx.db, b.branchId, b.month, null)
    items.push({ month: b.month, status: b.status, plans: published.length, figures: sumFigures(published.map(figuresOfPlan)) })
  }
  const last = page[page.length - 1]
  return { items, ...(rows.length > limit && last ? { nextCursor: encodeKey([last.month, last._id]) } : {}) }
}

/** One member's month: public once on a published board; its author and the branch secretary see it in every state. */
export async function plan(input: { planId: string }, ctx: ContextFor<'signedIn'>): Promise<CommitmentPlanDetail> {
  const doc = await findPlan(ctx.db, input.planId)
  if (!doc) throw CommitmentErrors.notFound()
  const boardDoc = await findBoard(ctx.db, doc.branchId, doc.month)
  if (!mayRead(factsOf(doc, boardDoc), viewerOf(ctx))) throw CommitmentErrors.notFound()
  return detailFor(ctx, doc, boardDoc)
}

/** The caller's own plan for a month (default: this month); null before they save anything. */
export async function mine(input: { month?: string }, ctx: ContextFor<'partyMember'>): Promise<CommitmentPlanDetail | null> {
  const month = input.month ?? beijingMonthOf(ctx.now.getTime())
  const doc = await findPlan(ctx.db, planIdOf(month, ctx.openid))
  return doc ? detailFor(ctx, doc) : null
}

/** The secretary's month: every plan by state, the party members without one, the figures per member. */
export async function stats(input: { month?: string }, ctx: ContextFor<'secretary'>): Promise<CommitmentStats> {
  const month = input.month ?? beijingMonthOf(ctx.now.getTime())
  const branchId = ctx.member.branchId
  const [all, boardDoc, branch] = await Promise.all([listMonthPlans(ctx.db, branchId, month), findBoard(ctx.db, branchId, month), findBranch(ctx.db, branchId)])
  const counts = Object.fromEntries(COMMITMENT_PLAN_STATUSES.map((s) => [s, 0])) as Record<CommitmentPlanStatus, number>
  for (const p of all) counts[p.status] += 1
  const partyMembers = (branch?.counts.member ?? 0) + (branch?.counts.secretary ?? 0)
  const published = all.filter((p) => p.status === 'published')
  const { members } = await findPeople(ctx.db, all.map((p) => p.openid))
  return {
    month,
    status: boardDoc?.status ?? 'unpublished',
    plans: counts,
    withoutPlan: Math.max(0, partyMembers - all.length),
    figures: boardDoc?.status === 'closed' && boardDoc.figures ? boardDoc.figures : sumFigures(published.map(figuresOfPlan)),
    members: all.map((p) => ({ planId: p._id, name: members.get(p.openid)?.name ?? p.name, status: p.status, figures: figuresOfPlan(p) })),
  }
}
