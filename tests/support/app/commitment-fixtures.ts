import type {
  CommitmentBoardView,
  CommitmentCard,
  CommitmentFigures,
  CommitmentItemView,
  CommitmentMonthSummary,
  CommitmentPlanDetail,
  CommitmentPlanSummary,
  CommitmentRatingView,
  MyCommitmentCard,
} from '@contracts'
import { branch } from './fixtures'

/* 公开承诺 as the function answers it: a board, plans, ratings and a card, built to the contract's types. */

export const MONTH = '2026-12'
export const PLAN_ID = 'C202612abcdef012345'
export const ITEM_A = 'item01'
export const ITEM_B = 'item02'

export function figures(over: Partial<CommitmentFigures> = {}): CommitmentFigures {
  return {
    outcomes: { kept: 0, partial: 0, unkept: 0, overdue: 0, open: 2 },
    fulfilmentRate: 0,
    satisfaction: { satisfied: 0, basic: 0, unsatisfied: 0 },
    satisfactionRate: null,
    ...over,
  }
}

export function card(over: Partial<CommitmentCard> = {}): CommitmentCard {
  return { name: '李秀英', post: '3 号楼楼栋长', photo: null, avatar: '', role: 'member', phone: null, ...over }
}

export function item(itemId: string, over: Partial<CommitmentItemView> = {}): CommitmentItemView {
  const text = over.text ?? '每周走访 2 户独居老人'
  return {
    itemId,
    text,
    category: 'service',
    measure: '全月走访 8 户',
    version: 1,
    revisions: 0,
    versions: [{ version: 1, text, category: 'service', measure: '全月走访 8 户', reason: null, at: '2026-12-01T02:00:00.000Z' }],
    progress: [],
    percent: 0,
    outcome: null,
    ...over,
  }
}

/** An item published, then edited once with a reason: 已修改 1 次, the first text still readable. */
export function revisedItem(itemId: string): CommitmentItemView {
  return item(itemId, {
    text: '每周走访 3 户独居老人',
    version: 2,
    revisions: 1,
    versions: [
      { version: 1, text: '每周走访 2 户独居老人', category: 'service', measure: '全月走访 8 户', reason: null, at: '2026-12-01T02:00:00.000Z' },
      { version: 2, text: '每周走访 3 户独居老人', category: 'service', measure: '全月走访 8 户', reason: '新搬来两户老人', at: '2026-12-08T02:00:00.000Z' },
    ],
  })
}

export function planSummary(i: number, over: Partial<CommitmentPlanSummary> = {}): CommitmentPlanSummary {
  return {
    planId: `C202612${String(i).padStart(12, '0')}`,
    month: MONTH,
    card: card({ name: `党员${i}` }),
    status: 'published',
    items: [{ itemId: ITEM_A, text: `承诺 ${i}`, category: 'study', revisions: 0, percent: 40, outcome: null }],
    figures: figures(),
    updatedAt: '2026-12-02T02:00:00.000Z',
    ...over,
  }
}

export function planDetail(over: Partial<CommitmentPlanDetail> = {}): CommitmentPlanDetail {
  const items = over.items ?? [item(ITEM_A), item(ITEM_B, { text: '学习党章一章并写心得', category: 'study', measure: '写 1 篇心得' })]
  return {
    planId: PLAN_ID,
    month: MONTH,
    card: card(),
    status: 'published',
    figures: figures(),
    updatedAt: '2026-12-02T02:00:00.000Z',
    branchId: branch.id,
    branchName: branch.name,
    boardStatus: 'published',
    phase: 'running',
    returnReason: null,
    actions: [],
    itemActions: {},
    myRating: null,
    reviseUntil: '2026-12-31T16:00:00.000Z',
    resultDeadline: '2027-01-05T16:00:00.000Z',
    ...over,
    items,
  }
}

export function board(over: Partial<CommitmentBoardView> = {}): CommitmentBoardView {
  return {
    branchId: branch.id,
    branchName: branch.name,
    month: MONTH,
    status: 'published',
    phase: 'running',
    publishedAt: '2026-12-02T02:00:00.000Z',
    closedAt: null,
    panel: { responsibilities: ['联系服务群众'], tasks: [], process: ['群众提出需求', '党员认领办理'], hotline: '0571-88888888', updatedAt: null },
    figures: figures({ outcomes: { kept: 3, partial: 1, unkept: 1, overdue: 0, open: 5 }, fulfilmentRate: 30, satisfaction: { satisfied: 4, basic: 1, unsatisfied: 0 }, satisfactionRate: 100 }),
    plans: { items: [planSummary(1), planSummary(2)] },
    viewer: { inBranch: true, secretary: false, canPublish: false, canClose: false },
    resultDeadline: '2027-01-05T16:00:00.000Z',
    ...over,
  }
}

export function monthSummary(month: string, over: Partial<CommitmentMonthSummary> = {}): CommitmentMonthSummary {
  return { month, status: 'closed', plans: 6, figures: figures({ fulfilmentRate: 83 }), ...over }
}

export function rating(ratingId: string, over: Partial<CommitmentRatingView> = {}): CommitmentRatingView {
  return {
    ratingId,
    raterName: '赵**',
    raterRole: 'resident',
    satisfaction: 'satisfied',
    comment: '上门很及时',
    commentHeld: false,
    at: '2026-12-10T02:00:00.000Z',
    replies: [],
    mine: false,
    ...over,
  }
}

export function myCard(over: Partial<MyCommitmentCard> = {}): MyCommitmentCard {
  return { ...card(), ownPhone: '13900139000', showPhone: false, ...over }
}
