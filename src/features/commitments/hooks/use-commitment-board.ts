import { useCallback, useState } from 'react'
import type { CommitmentBoardView, CommitmentMonthSummary, CommitmentPlanSummary, Page } from '@contracts'
import { callCloud } from '@/services/cloud'
import { usePagedList, type UsePagedList } from '@/features/shared/use-paged-list'

export const COMMITMENT_PAGE_SIZE = 10

export interface UseCommitmentBoard {
  /** The board as last answered (panel, figures, what the viewer may do); null until the first answer. */
  board: CommitmentBoardView | null
  /** Its published plans: the first page comes with the board, more through `plans`. */
  plans: UsePagedList<CommitmentPlanSummary, Page<CommitmentPlanSummary>>
}

/**
 * One branch's board for a month (absent: this Beijing month). One call for the board and its first
 * page of plans; 加载更多 and pull-down go through the same paged list.
 */
export function useCommitmentBoard(branchId: string | null, month: string | undefined): UseCommitmentBoard {
  const [board, setBoard] = useState<CommitmentBoardView | null>(null)
  const fetchPage = useCallback(
    async (cursor: string | undefined) => {
      const id = branchId ?? ''
      if (cursor && board) return callCloud('commitment', 'plans', { branchId: id, month: board.month, cursor, limit: COMMITMENT_PAGE_SIZE })
      const res = await callCloud('commitment', 'board', { branchId: id, limit: COMMITMENT_PAGE_SIZE, ...(month ? { month } : {}) })
      if (!res.ok) return res
      setBoard(res.data)
      return { ok: true as const, data: res.data.plans }
    },
    [branchId, month, board],
  )
  const plans = usePagedList<CommitmentPlanSummary, Page<CommitmentPlanSummary>>({
    fetchPage,
    key: `${branchId ?? ''}:${month ?? ''}`,
    keyOf: (p) => p.planId,
    enabled: branchId !== null,
  })
  return { board: plans.status === 'ready' ? board : null, plans }
}

/** 往月: the branch's earlier months, newest first. */
export function useCommitmentMonths(branchId: string | null): UsePagedList<CommitmentMonthSummary, Page<CommitmentMonthSummary>> {
  const fetchPage = useCallback(
    (cursor: string | undefined) => callCloud('commitment', 'months', { branchId: branchId ?? '', limit: COMMITMENT_PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
    [branchId],
  )
  return usePagedList<CommitmentMonthSummary, Page<CommitmentMonthSummary>>({ fetchPage, key: branchId ?? '', keyOf: (m) => m.month, enabled: branchId !== null })
}
