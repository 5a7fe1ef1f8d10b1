import type {
  CommitmentBoardView,
  CommitmentCard,
  CommitmentFigures,
  CommitmentItemOutcome,
  CommitmentItemView,
  CommitmentPanel,
  CommitmentPhoto,
  CommitmentPlanDetail,
  CommitmentPlanSummary,
} from '../../contracts/commitment.contract'
import type { Page } from '../../contracts/common.schema'
import { commitmentMonthPhase, monthEndMs, resultDeadlineMs, type CommitmentBoardStatus } from '../../contracts/rules/commitment.rules'
import type { MemberDoc } from '../../shared/caller'
import { currentVersion, factsOf, type BoardDoc, type CardDoc, type ItemDoc, type OutcomeDoc, type PanelDoc, type PlanDoc, type RatingDoc } from './commitment.repository'
import { itemActions, mayReadReturnReason, planActions, planFigures, type Viewer } from './commitment.rules'

/**
 * Documents → answers (docs/architecture.md "Privacy"): never an openid; a phone only when its owner
 * chose to show it; a return reason only to the author and the branch secretary.
 */

export type Urls = ReadonlyMap<string, string>

function photoOf(fileID: string, urls: Urls): CommitmentPhoto {
  return { fileID, url: urls.get(fileID) ?? '' }
}

/** The fileIDs an answer about these plans shows: progress and evidence photos. */
export function planPhotoIds(plans: readonly PlanDoc[]): string[] {
  return plans.flatMap((p) => p.items.flatMap((i) => [...i.progress.flatMap((g) => g.photos), ...(i.outcome?.photos ?? [])]))
}

export function cardPhotoIds(cards: ReadonlyMap<string, CardDoc>): string[] {
  return [...cards.values()].flatMap((c) => (c.photo ? [c.photo] : []))
}

/** 亮身份: no card yet reads as the profile's post, no photo and no phone. */
export function toCard(member: MemberDoc | undefined, card: CardDoc | undefined, urls: Urls): CommitmentCard {
  const phone = card?.showPhone ? card.phone || member?.phone || '' : ''
  return {
    name: member?.name ?? '',
    post: card?.post || member?.post || '',
    photo: card?.photo ? photoOf(card.photo, urls) : null,
    avatar: member?.avatar ?? '',
    role: member?.role === 'secretary' ? 'secretary' : 'member',
    phone: phone === '' ? null : phone,
  }
}

export function toPanel(panel: PanelDoc | null): CommitmentPanel {
  return {
    responsibilities: panel?.responsibilities ?? [],
    tasks: panel?.tasks ?? [],
    process: panel?.process ?? [],
    hotline: panel?.hotline ?? '',
    updatedAt: panel ? panel.updatedAt.toISOString() : null,
  }
}

function toOutcome(o: OutcomeDoc, urls: Urls): CommitmentItemOutcome {
  return { outcome: o.outcome, evidence: o.evidence, photos: o.photos.map((id) => photoOf(id, urls)), reason: o.reason, at: o.at.toISOString() }
}

export function toItemView(item: ItemDoc, urls: Urls): CommitmentItemView {
  const current = currentVersion(item)
  const latest = item.progress[item.progress.length - 1]
  return {
    itemId: item.itemId,
    text: current.text,
    category: current.category,
    measure: current.measure,
    version: current.version,
    revisions: item.versions.length - 1,
    versions: item.versions.map((v) => ({ version: v.version, text: v.text, category: v.category, measure: v.measure, reason: v.reason, at: v.at.toISOString() })),
    progress: [...item.progress].reverse().map((g) => ({ at: g.at.toISOString(), percent: g.percent, note: g.note, photos: g.photos.map((id) => photoOf(id, urls)) })),
    percent: latest?.percent ?? 0,
    outcome: item.outcome ? toOutcome(item.outcome, urls) : null,
  }
}

/** A member's figures: kept at the close, computed from the items before it. */
export function figuresOfPlan(plan: PlanDoc): CommitmentFigures {
  return plan.frozen && plan.figures ? plan.figures : planFigures(plan.status, plan.items, plan.satisfaction)
}

export function toSummary(plan: PlanDoc, card: CommitmentCard, urls: Urls): CommitmentPlanSummary {
  return {
    planId: plan._id,
    month: plan.month,
    card,
    status: plan.status,
    items: plan.items.map((item) => {
      const v = toItemView(item, urls)
      return { itemId: v.itemId, text: v.text, category: v.category, revisions: v.revisions, percent: v.percent, outcome: v.outcome }
    }),
    figures: figuresOfPlan(plan),
    updatedAt: plan.updatedAt.toISOString(),
  }
}

export interface DetailSources {
  plan: PlanDoc
  board: BoardDoc | null
  branchName: string
  card: CommitmentCard
  rating: RatingDoc | null
  viewer: Viewer
  nowMs: number
  urls: Urls
}

export function toDetail(s: DetailSources): CommitmentPlanDetail {
  const { plan, viewer, nowMs, urls } = s
  const facts = factsOf(plan, s.board)
  return {
    ...toSummary(plan, s.card, urls),
    branchId: plan.branchId,
    branchName: s.branchName,
    items: plan.items.map((item) => toItemView(item, urls)),
    boardStatus: boardStatusOf(s.board),
    phase: commitmentMonthPhase(plan.month, nowMs),
    returnReason: mayReadReturnReason(facts, viewer) ? plan.returnReason : null,
    actions: planActions(facts, viewer, nowMs),
    itemActions: Object.fromEntries(plan.items.map((item) => [item.itemId, itemActions(facts, item, viewer, nowMs)])),
    myRating: s.rating ? { satisfaction: s.rating.satisfaction, comment: s.rating.comment } : null,
    reviseUntil: new Date(monthEndMs(plan.month)).toISOString(),
    resultDeadline: new Date(resultDeadlineMs(plan.month)).toISOString(),
  }
}

export function boardStatusOf(board: BoardDoc | null): CommitmentBoardStatus {
  return board?.status ?? 'unpublished'
}

export interface BoardSources {
  branchId: string
  branchName: string
  month: string
  board: BoardDoc | null
  panel: PanelDoc | null
  figures: CommitmentFigures
  plans: Page<CommitmentPlanSummary>
  viewer: CommitmentBoardView['viewer']
  nowMs: number
}

export function toBoardView(s: BoardSources): CommitmentBoardView {
  return {
    branchId: s.branchId,
    branchName: s.branchName,
    month: s.month,
    status: boardStatusOf(s.board),
    phase: commitmentMonthPhase(s.month, s.nowMs),
    publishedAt: s.board?.publishedAt ? s.board.publishedAt.toISOString() : null,
    closedAt: s.board?.closedAt ? s.board.closedAt.toISOString() : null,
    panel: toPanel(s.panel),
    figures: s.figures,
    plans: s.plans,
    viewer: s.viewer,
    resultDeadline: new Date(resultDeadlineMs(s.month)).toISOString(),
  }
}
