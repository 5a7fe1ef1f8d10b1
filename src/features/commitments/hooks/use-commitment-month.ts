import { useCallback } from 'react'
import type { CommitmentBoardView, CommitmentStats } from '@contracts'
import { useResource, type UseResource } from '@/features/shared/use-resource'
import { fetchBoard, fetchStats } from '../commitment-admin.actions'

/** The secretary's figures of one month (null: this Beijing month, as the function counts it). */
export function useCommitmentStats(month: string | null, enabled = true): UseResource<CommitmentStats> {
  const fetch = useCallback(() => fetchStats(month), [month])
  return useResource(enabled ? `stats:${month ?? ''}` : null, fetch)
}

/** A branch's public board of one month (null: this month); null `branchId` asks nothing yet. */
export function useCommitmentBoardView(branchId: string | null, month: string | null): UseResource<CommitmentBoardView> {
  const fetch = useCallback(() => fetchBoard(branchId ?? '', month), [branchId, month])
  return useResource(branchId ? `board:${branchId}:${month ?? ''}` : null, fetch)
}
