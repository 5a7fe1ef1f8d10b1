import type { CommitmentBoardView, CommitmentFigures, CommitmentPanel, CommitmentPlanSummary, CommitmentStats } from '@contracts'

export const BRANCH_ID = 'demo-branch-1'
export const MONTH = '2026-12'

export const planId = (i: number) => `C202612${i.toString(16).padStart(12, '0')}`

export function figures(over: Partial<CommitmentFigures> = {}): CommitmentFigures {
  return {
    outcomes: { kept: 0, partial: 0, unkept: 0, overdue: 0, open: 0 },
    fulfilmentRate: null,
    satisfaction: { satisfied: 0, basic: 0, unsatisfied: 0 },
    satisfactionRate: null,
    ...over,
  }
}

/** A member's plan as a list shows it: submitted (the queue) unless told, two items, no phone. */
export function planSummary(i: number, over: Partial<CommitmentPlanSummary> = {}): CommitmentPlanSummary {
  return {
    planId: planId(i),
    month: MONTH,
    card: { name: `党员${i}`, post: '楼栋长', photo: null, avatar: '', role: 'member', phone: null },
    status: 'submitted',
    items: [
      { itemId: 'aaaaa1', text: '每周走访独居老人两户', category: 'service', revisions: 0, percent: 0, outcome: null },
      { itemId: 'aaaaa2', text: '学习党的二十届四中全会精神', category: 'study', revisions: 0, percent: 0, outcome: null },
    ],
    figures: figures({ outcomes: { kept: 0, partial: 0, unkept: 0, overdue: 0, open: 2 }, fulfilmentRate: 0 }),
    updatedAt: '2026-11-28T02:00:00.000Z',
    ...over,
  }
}

export function panel(over: Partial<CommitmentPanel> = {}): CommitmentPanel {
  return {
    responsibilities: ['宣传贯彻党的路线方针政策', '联系服务群众'],
    tasks: ['每月开展一次主题党日'],
    process: ['来电来访登记', '三日内答复'],
    hotline: '010-12345678',
    updatedAt: '2026-11-01T02:00:00.000Z',
    ...over,
  }
}

export function stats(over: Partial<CommitmentStats> = {}): CommitmentStats {
  return {
    month: MONTH,
    status: 'published',
    plans: { draft: 1, submitted: 2, returned: 0, published: 3 },
    withoutPlan: 4,
    figures: figures({
      outcomes: { kept: 3, partial: 1, unkept: 1, overdue: 0, open: 1 },
      fulfilmentRate: 50,
      satisfaction: { satisfied: 4, basic: 1, unsatisfied: 1 },
      satisfactionRate: 83,
    }),
    members: [
      { planId: planId(1), name: '李秀英', status: 'published', figures: figures({ fulfilmentRate: 100, satisfactionRate: 100 }) },
      { planId: planId(2), name: '王建国', status: 'submitted', figures: figures() },
    ],
    ...over,
  }
}

export function board(over: Partial<CommitmentBoardView> = {}): CommitmentBoardView {
  return {
    branchId: BRANCH_ID,
    branchName: '幸福里社区第一党支部',
    month: MONTH,
    status: 'published',
    phase: 'running',
    publishedAt: '2026-12-01T02:00:00.000Z',
    closedAt: null,
    panel: panel(),
    figures: figures({ fulfilmentRate: 50, satisfactionRate: 83 }),
    plans: { items: [planSummary(1, { status: 'published' }), planSummary(2, { status: 'published' })] },
    viewer: { inBranch: true, secretary: true, canPublish: false, canClose: false },
    resultDeadline: '2027-01-05T16:00:00.000Z',
    ...over,
  }
}
