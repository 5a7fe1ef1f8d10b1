import { useCallback } from 'react'
import type { CommitmentBoardView, CommitmentPlanSummary, Envelope, ErrorBody } from '@contracts'
import { useResource, type UseResource } from '@/features/shared/use-resource'
import { allBoardPlans, fetchBoard } from '../commitment-admin.actions'

/** A board with every published plan on it, as a projector or a printed sheet shows the whole branch. */
export interface BoardSheet {
  board: CommitmentBoardView
  plans: CommitmentPlanSummary[]
}

// A page opened without a branch will never get one: say so instead of loading forever.
const MISSING_BRANCH: ErrorBody = { code: 'COMMITMENT.NOT_FOUND', message: '链接里缺少支部编号，请从承诺榜重新打开' }

/** The board of `branchId` for `month` (null: this month) and all its plans, read page by page. */
export function useBoardSheet(branchId: string | null, month: string | null): UseResource<BoardSheet> {
  const fetch = useCallback(async (): Promise<Envelope<BoardSheet>> => {
    const res = await fetchBoard(branchId ?? '', month)
    if (!res.ok) return res
    const plans = await allBoardPlans(res.data)
    if (!plans) return { ok: false, error: { code: 'NETWORK.FAILED', message: '承诺榜没有读全，请重试' } }
    return { ok: true, data: { board: res.data, plans } }
  }, [branchId, month])
  const sheet = useResource(branchId ? `sheet:${branchId}:${month ?? ''}` : null, fetch)
  return branchId ? sheet : { ...sheet, status: 'error', error: MISSING_BRANCH }
}
