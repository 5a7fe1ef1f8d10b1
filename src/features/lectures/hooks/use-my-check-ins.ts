import { useCallback } from 'react'
import type { MyCheckIn, Page } from '@contracts'
import { callCloud } from '@/services/cloud'
import { usePagedList, type UsePagedList } from '@/features/shared/use-paged-list'

export const MY_CHECK_IN_PAGE_SIZE = 20

export type UseMyCheckIns = UsePagedList<MyCheckIn, Page<MyCheckIn>>

/** The caller's own check-ins, newest first (the server's order), a page at a time by its cursor. */
export function useMyCheckIns({ enabled = true, pageSize = MY_CHECK_IN_PAGE_SIZE }: { enabled?: boolean; pageSize?: number } = {}): UseMyCheckIns {
  const fetchPage = useCallback(
    (cursor: string | undefined) => callCloud('lecture', 'myCheckIns', cursor ? { cursor, limit: pageSize } : { limit: pageSize }),
    [pageSize],
  )
  // One check-in per person and lecture: the lecture identifies the row.
  return usePagedList<MyCheckIn, Page<MyCheckIn>>({ fetchPage, key: String(pageSize), keyOf: (c) => c.lectureId, enabled })
}
