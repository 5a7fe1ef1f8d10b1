import { createHash } from 'crypto'
import type { CommitmentFigures } from '../../contracts/commitment.contract'
import {
  addMonths,
  beijingMonthOf,
  COMMITMENT_RESULT_DEADLINE_DAY,
  commitmentMonthPhase,
  fulfilmentRate,
  satisfactionRate,
  type CommitmentAction,
  type CommitmentBoardStatus,
  type CommitmentCategory,
  type CommitmentMonthPhase,
  type CommitmentOutcome,
  type CommitmentPlanStatus,
  type OutcomeCounts,
  type SatisfactionCounts,
} from '../../contracts/rules/commitment.rules'
import type { Role } from '../../contracts/rules/member.rules'

/**
 * The plan's state machine (docs/architecture.md "Commitment months"): who may do what to a member's
 * month, in which state and which phase of the Beijing month; the board's publish and close; the
 * figures; what the close does to an item. Pure: time comes in as epoch ms.
 */

/** The member's key: a hash of the openid, so a plan's id names nobody. */
export function memberKeyOf(openid: string): string {
  return createHash('sha256').update(`commitment:${openid}`).digest('hex').slice(0, 12)
}

/** `C` + yyyymm + member key: one plan per member per month, by construction. */
export function planIdOf(month: string, openid: string): string {
  return `C${month.replace('-', '')}${memberKeyOf(openid)}`
}

/** The month a plan id names (`C202612…` → `2026-12`). */
export function monthOfPlanId(planId: string): string {
  return `${planId.slice(1, 5)}-${planId.slice(5, 7)}`
}

export function boardIdOf(branchId: string, month: string): string {
  return `${branchId}_${month.replace('-', '')}`
}

/** What the rules look at on a plan. */
export interface PlanFacts {
  branchId: string
  ownerOpenid: string
  month: string
  status: CommitmentPlanStatus
  frozen: boolean
  /** The branch's board for the month has been published (the public may read its published plans). */
  boardPublished: boolean
}

/** Whoever is looking: anyone signed in, with or without a branch. */
export interface Viewer {
  openid: string
  role: Role | null
  branchId: string | null
}

interface Standing {
  isOwner: boolean
  /** The secretary of the plan's branch. */
  isSecretary: boolean
  /** A resident or member of the plan's branch. */
  inBranch: boolean
}

function standingOf(p: PlanFacts, v: Viewer): Standing {
  const inBranch = v.branchId !== null && v.role !== null && v.branchId === p.branchId
  return { isOwner: p.ownerOpenid === v.openid, isSecretary: inBranch && v.role === 'secretary', inBranch }
}

/** On the public board: published by the secretary, on a board that is published (or was, before closing). */
export function isPublic(p: PlanFacts): boolean {
  return p.status === 'published' && p.boardPublished
}

/** Its author and the branch secretary see a plan in every state; everyone else only once it is public. */
export function mayRead(p: PlanFacts, v: Viewer): boolean {
  const s = standingOf(p, v)
  return s.isOwner || s.isSecretary || isPublic(p)
}

/** Only its author and the branch secretary read why a plan was returned. */
export function mayReadReturnReason(p: PlanFacts, v: Viewer): boolean {
  const s = standingOf(p, v)
  return s.isOwner || s.isSecretary
}

export type CommitmentVerdict = 'ok' | 'notFound' | 'notOwner' | 'ownPlan' | 'notInBranch' | 'wrongState' | 'wrongPhase' | 'frozen'

/** The plan states each action starts from. */
export const ACTION_FROM: Record<CommitmentAction, readonly CommitmentPlanStatus[]> = {
  edit: ['draft', 'returned'],
  submit: ['draft', 'returned'],
  review: ['submitted'],
  revise: ['published'],
  addProgress: ['published'],
  setOutcome: ['published'],
  rate: ['published'],
}

/** The phases of the month each action is open in (the table in docs/architecture.md "Commitment months"). */
export const ACTION_PHASES: Record<CommitmentAction, readonly CommitmentMonthPhase[]> = {
  edit: ['upcoming', 'running'],
  submit: ['upcoming', 'running'],
  review: ['upcoming', 'running'],
  revise: ['running'],
  addProgress: ['running', 'results'],
  setOutcome: ['running', 'results'],
  rate: ['running', 'results'],
}

/** The actions that act on one item rather than on the whole plan. */
export const ITEM_ACTIONS: readonly CommitmentAction[] = ['revise', 'addProgress', 'setOutcome']
export const PLAN_ACTIONS: readonly CommitmentAction[] = ['edit', 'submit', 'review', 'rate']

/**
 * Whether `v` may do `action` to the plan now. Asked before a write and again on the plan as it is
 * when the conditional write is made, so a stale read never decides.
 */
export function judge(action: CommitmentAction, p: PlanFacts, v: Viewer, nowMs: number): CommitmentVerdict {
  const s = standingOf(p, v)
  if (!mayRead(p, v)) return 'notFound'
  switch (action) {
    case 'edit':
    case 'submit':
    case 'revise':
    case 'addProgress':
    case 'setOutcome':
      if (!s.isOwner) return 'notOwner'
      break
    case 'review':
      // Another branch's secretary learns nothing: as for anyone else, the plan is not theirs to review.
      if (!s.isSecretary) return 'notFound'
      break
    case 'rate':
      if (s.isOwner) return 'ownPlan'
      if (!s.inBranch) return 'notInBranch'
      break
  }
  if (p.frozen) return 'frozen'
  if (!ACTION_FROM[action].includes(p.status)) return 'wrongState'
  if (action === 'rate' && !p.boardPublished) return 'wrongState'
  if (!ACTION_PHASES[action].includes(commitmentMonthPhase(p.month, nowMs))) return 'wrongPhase'
  return 'ok'
}

/** A first draft: the month must still take commitments. */
export function judgeNewPlan(month: string, nowMs: number): CommitmentVerdict {
  return ACTION_PHASES.edit.includes(commitmentMonthPhase(month, nowMs)) ? 'ok' : 'wrongPhase'
}

/** The plan-level actions the viewer can take now (`edit`, `submit`, `review`, `rate`). */
export function planActions(p: PlanFacts, v: Viewer, nowMs: number): CommitmentAction[] {
  return PLAN_ACTIONS.filter((a) => judge(a, p, v, nowMs) === 'ok')
}

/** The item-level actions on one item: an item with its outcome given is no longer revised. */
export function itemActions(p: PlanFacts, item: { outcome: unknown }, v: Viewer, nowMs: number): CommitmentAction[] {
  return ITEM_ACTIONS.filter((a) => judge(a, p, v, nowMs) === 'ok' && !(a === 'revise' && item.outcome !== null))
}

/** A revision is of the version its author saw: an older one means someone (another tab) changed it since. */
export function reviseVerdict(current: { version: number; outcome: unknown }, seenVersion: number): 'ok' | 'stale' | 'hasOutcome' {
  if (current.outcome !== null) return 'hasOutcome'
  return current.version === seenVersion ? 'ok' : 'stale'
}

/** The latest month whose result deadline has passed at `nowMs`: the timer closes it and every one before. */
export function lastDueMonth(nowMs: number): string {
  const previous = addMonths(beijingMonthOf(nowMs), -1)
  return commitmentMonthPhase(previous, nowMs) === 'due' ? previous : addMonths(previous, -1)
}

/** What the board's two moves look at. */
export interface BoardFacts {
  month: string
  status: CommitmentBoardStatus
  /** Plans of the month the secretary has published. */
  publishedPlans: number
  /** Items of those plans still without an outcome. */
  openItems: number
}

export type BoardVerdict = 'ok' | 'wrongState' | 'wrongPhase' | 'empty' | 'openItems'

/**
 * The secretary's moves on a branch's month. Publishing: once, while the month runs, with at least one
 * published plan. Closing: after the deadline always; after the month ends, once every published item
 * has its outcome.
 */
export function judgeBoard(action: 'publishBoard' | 'closeMonth', b: BoardFacts, nowMs: number): BoardVerdict {
  const phase = commitmentMonthPhase(b.month, nowMs)
  if (action === 'publishBoard') {
    if (b.status !== 'unpublished') return 'wrongState'
    if (phase !== 'running') return 'wrongPhase'
    return b.publishedPlans > 0 ? 'ok' : 'empty'
  }
  if (b.status === 'closed') return 'wrongState'
  if (phase === 'due') return 'ok'
  if (phase !== 'results') return 'wrongPhase'
  return b.openItems === 0 ? 'ok' : 'openItems'
}

/** The close's own words on an item left without an outcome (晒问题: it stays on the board with them). */
export const OVERDUE_REASON = `截至次月 ${COMMITMENT_RESULT_DEADLINE_DAY} 日仍未晒业绩，系统标记为逾期`

export interface ClosableItem {
  outcome: { outcome: CommitmentOutcome } | null
}

/** How many of these items the close marks overdue: those of a published plan without an outcome. */
export function overdueCount(status: CommitmentPlanStatus, items: readonly ClosableItem[]): number {
  return status === 'published' ? items.filter((i) => i.outcome === null).length : 0
}

export const NO_SATISFACTION: SatisfactionCounts = { satisfied: 0, basic: 0, unsatisfied: 0 }

export function outcomeCounts(items: readonly ClosableItem[]): OutcomeCounts {
  const c: OutcomeCounts = { kept: 0, partial: 0, unkept: 0, overdue: 0, open: 0 }
  for (const item of items) c[item.outcome ? item.outcome.outcome : 'open'] += 1
  return c
}

export function figuresOf(outcomes: OutcomeCounts, satisfaction: SatisfactionCounts): CommitmentFigures {
  return { outcomes, fulfilmentRate: fulfilmentRate(outcomes), satisfaction, satisfactionRate: satisfactionRate(satisfaction) }
}

/** One member's month: a plan not published counts nothing (its items were never on the board). */
export function planFigures(status: CommitmentPlanStatus, items: readonly ClosableItem[], satisfaction: SatisfactionCounts): CommitmentFigures {
  return figuresOf(status === 'published' ? outcomeCounts(items) : outcomeCounts([]), satisfaction)
}

/** The branch's month: the sum over its members' months. */
export function sumFigures(all: readonly CommitmentFigures[]): CommitmentFigures {
  const o: OutcomeCounts = { kept: 0, partial: 0, unkept: 0, overdue: 0, open: 0 }
  const s: SatisfactionCounts = { ...NO_SATISFACTION }
  for (const f of all) {
    for (const k of Object.keys(o) as Array<keyof OutcomeCounts>) o[k] += f.outcomes[k]
    for (const k of Object.keys(s) as Array<keyof SatisfactionCounts>) s[k] += f.satisfaction[k]
  }
  return figuresOf(o, s)
}

export interface ItemText {
  text: string
  category: CommitmentCategory
  measure: string
}

export interface DraftItemInput extends ItemText {
  itemId?: string
}

export interface DraftItem extends ItemText {
  itemId: string
}

/**
 * A draft's items as written: an item named by `itemId` keeps its id (it must be one of the draft's own),
 * a new one gets a fresh id. Answers the index of the first unknown id instead when there is one.
 */
export function draftItems(
  existingIds: readonly string[],
  input: readonly DraftItemInput[],
  newId: (taken: ReadonlySet<string>) => string,
): { items: DraftItem[] } | { unknownAt: number } {
  const taken = new Set(existingIds)
  const seen = new Set<string>()
  const items: DraftItem[] = []
  for (const [i, item] of input.entries()) {
    if (item.itemId !== undefined && (!taken.has(item.itemId) || seen.has(item.itemId))) return { unknownAt: i }
    const itemId = item.itemId ?? newId(taken)
    taken.add(itemId)
    seen.add(itemId)
    items.push({ itemId, text: item.text, category: item.category, measure: item.measure })
  }
  return { items }
}
