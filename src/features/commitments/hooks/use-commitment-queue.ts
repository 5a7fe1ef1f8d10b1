import { useCallback, useRef } from 'react'
import { useDidShow } from '@tarojs/taro'
import type { CommitmentPlanSummary, Page } from '@contracts'
import { useResource } from '@/features/shared/use-resource'
import { usePagedList, type UsePagedList } from '@/features/shared/use-paged-list'
import { fetchQueue, QUEUE_COUNT_LIMIT } from '../commitment-admin.actions'
import { commitmentsVersion } from '../commitment-changes'

export const QUEUE_PAGE_SIZE = 10

export type UseCommitmentQueue = UsePagedList<CommitmentPlanSummary, Page<CommitmentPlanSummary>>

/** 承诺审核 (secretary): the plans waiting to be published or returned, oldest first. */
export function useCommitmentQueue({ enabled = true }: { enabled?: boolean } = {}): UseCommitmentQueue {
  const fetchPage = useCallback((cursor: string | undefined) => fetchQueue(cursor, QUEUE_PAGE_SIZE), [])
  return usePagedList<CommitmentPlanSummary, Page<CommitmentPlanSummary>>({ fetchPage, key: 'queue', keyOf: (p) => p.planId, enabled })
}

/**
 * How many plans wait for the secretary, for the count beside 承诺审核 on 我的: one page of the queue
 * (the function keeps no counter of it); `more` when a second page exists. Asks nothing for anyone but
 * a secretary (`enabled` false).
 */
export function useCommitmentQueueCount(enabled: boolean): { count: number; more: boolean; reload: () => Promise<boolean> } {
  const fetch = useCallback(() => fetchQueue(undefined, QUEUE_COUNT_LIMIT), [])
  const queue = useResource(enabled ? 'commitment-queue-count' : null, fetch)
  const seen = useRef(commitmentsVersion())
  // Back on the page after a change in this session (a review, a member's submit): the count may have moved.
  useDidShow(() => {
    if (!enabled || commitmentsVersion() === seen.current) return
    seen.current = commitmentsVersion()
    void queue.reload()
  })
  const page = enabled ? queue.data : null
  return { count: page?.items.length ?? 0, more: Boolean(page?.nextCursor), reload: queue.reload }
}
