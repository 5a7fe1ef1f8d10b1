import type { WishDetail, WishStats, WishView } from '@contracts'

export const WISH_ID = 'Wabcdefghij'

/** An open wish as a member of its branch sees it (masked name, no contact). */
export function wishView(i: number, over: Partial<WishView> = {}): WishView {
  return {
    id: `W${String(i).padStart(10, '0')}`,
    branchName: '幸福里社区第一党支部',
    fromOtherBranch: false,
    title: `心愿 ${i}`,
    description: '水龙头关不紧，一直滴水',
    category: 'repair',
    cost: 50,
    photos: [],
    beneficiaryName: '赵**',
    neighbourhood: '幸福小区',
    status: 'open',
    openToAll: false,
    recordedOnBehalf: false,
    postedAt: '2026-11-20T02:00:00.000Z',
    claimerName: null,
    ...over,
  }
}

export function wishDetail(over: Partial<WishDetail> = {}): WishDetail {
  return {
    ...wishView(1, { id: WISH_ID, title: '厨房水龙头漏水，想请人修一修' }),
    relation: 'member',
    actions: [],
    contact: null,
    timeline: [{ at: '2026-11-20T02:00:00.000Z', by: '心愿人', from: null, to: 'pending', reason: null }],
    progress: [],
    fulfilment: null,
    confirmation: null,
    rejectReason: null,
    returned: false,
    textHeld: false,
    releaseAt: null,
    releaseWarnedAt: null,
    confirmOnBehalfFrom: null,
    ...over,
  }
}

/** A branch's wish figures with `pending` wishes waiting for review. */
export function wishStats(pending: number): WishStats {
  const none = { study: 0, supplies: 0, repair: 0, company: 0, medical: 0, other: 0 }
  return {
    funnel: { posted: pending, approved: 0, claimed: 0, fulfilled: 0, confirmed: 0 },
    current: { pending, open: 0, claimed: 0, fulfilled: 0, confirmed: 0, rejected: 0, withdrawn: 0 },
    satisfaction: { satisfied: 0, basic: 0, unsatisfied: 0 },
    confirmedOnBehalf: 0,
    returned: 0,
    released: 0,
    byCategory: none,
    byMonth: [],
  }
}
