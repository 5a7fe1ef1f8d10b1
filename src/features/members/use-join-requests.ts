import { useCallback } from 'react'
import type { JoinRequestRow, Page } from '@contracts'
import { callCloud } from '@/services/cloud'
import { usePagedList, type UsePagedList } from '@/features/shared/use-paged-list'

export interface UseJoinRequests extends UsePagedList<JoinRequestRow, Page<JoinRequestRow>> {
  /** Takes a decided row out of the queue. */
  dropRow: (openid: string) => void
}

export const JOIN_REQUEST_PAGE_SIZE = 20

/** The secretary's queue of requests to join as 党员, oldest first, a page at a time. */
export function useJoinRequests({ enabled = true }: { enabled?: boolean } = {}): UseJoinRequests {
  const fetchPage = useCallback(
    (cursor: string | undefined) => callCloud('member', 'listJoinRequests', { ...(cursor ? { cursor } : {}), limit: JOIN_REQUEST_PAGE_SIZE }),
    [],
  )
  const list = usePagedList<JoinRequestRow, Page<JoinRequestRow>>({ fetchPage, key: 'join-requests', keyOf: (r) => r.openid, enabled })
  const { setItems } = list
  const dropRow = useCallback((openid: string) => setItems((prev) => prev.filter((r) => r.openid !== openid)), [setItems])
  return { ...list, dropRow }
}
