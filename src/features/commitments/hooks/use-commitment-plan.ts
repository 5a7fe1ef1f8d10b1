import { useCallback } from 'react'
import type { CommitmentPlanDetail, CommitmentRatingView, ErrorBody, MyCommitmentCard, Page } from '@contracts'
import { callCloud } from '@/services/cloud'
import { usePagedList, type UsePagedList } from '@/features/shared/use-paged-list'
import { useResource, type UseResource } from '@/features/shared/use-resource'
import { COMMITMENT_PAGE_SIZE } from './use-commitment-board'

// A page opened without an id will never get one: say so instead of loading forever.
const MISSING_ID: ErrorBody = { code: 'COMMITMENT.NOT_FOUND', message: '链接里缺少承诺编号，请从承诺榜重新打开' }

/** One member's month: card, items with their versions, progress, outcomes, and what the viewer may do. */
export function useCommitmentPlan(planId: string | null): UseResource<CommitmentPlanDetail> {
  const fetch = useCallback(() => callCloud('commitment', 'plan', { planId: planId ?? '' }), [planId])
  const plan = useResource(planId || null, fetch)
  return planId ? plan : { ...plan, status: 'error', error: MISSING_ID }
}

/** 我的承诺 of a month (absent: this month); `data` is null before anything was saved. */
export function useMyCommitments(month: string): UseResource<CommitmentPlanDetail | null> {
  const fetch = useCallback(() => callCloud('commitment', 'mine', { month }), [month])
  return useResource(`mine:${month}`, fetch)
}

/** 群众评议 of a plan, newest first, with their replies. */
export function useCommitmentRatings(planId: string | null): UsePagedList<CommitmentRatingView, Page<CommitmentRatingView>> {
  const fetchPage = useCallback(
    (cursor: string | undefined) => callCloud('commitment', 'ratings', { planId: planId ?? '', limit: COMMITMENT_PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
    [planId],
  )
  return usePagedList<CommitmentRatingView, Page<CommitmentRatingView>>({ fetchPage, key: planId ?? '', keyOf: (r) => r.ratingId, enabled: Boolean(planId) })
}

/** 亮身份: my card as I edit it (the phone is mine to see even when not shown). */
export function useMyCommitmentCard(): UseResource<MyCommitmentCard> {
  const fetch = useCallback(() => callCloud('commitment', 'myCard', {}), [])
  return useResource('my-card', fetch)
}
