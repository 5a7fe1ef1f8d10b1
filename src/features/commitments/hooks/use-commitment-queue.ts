import { useCallback } from 'react'
import type { CommitmentPlanSummary, Page } from '@contracts'
import { usePagedList, type UsePagedList } from '@/features/shared/use-paged-list'
import { fetchQueue } from '../commitment-admin.actions'

export const QUEUE_PAGE_SIZE = 10

export type UseCommitmentQueue = UsePagedList<CommitmentPlanSummary, Page<CommitmentPlanSummary>>

/** 承诺审核 (secretary): the plans waiting to be published or returned, oldest first. */
export function useCommitmentQueue({ enabled = true }: { enabled?: boolean } = {}): UseCommitmentQueue {
  const fetchPage = useCallback((cursor: string | undefined) => fetchQueue(cursor, QUEUE_PAGE_SIZE), [])
  return usePagedList<CommitmentPlanSummary, Page<CommitmentPlanSummary>>({ fetchPage, key: 'queue', keyOf: (p) => p.planId, enabled })
}
