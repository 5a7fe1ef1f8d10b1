import { useCallback } from 'react'
import type { AttendeeCandidate, Page } from '@contracts'
import { callCloud } from '@/services/cloud'
import { usePagedList, type UsePagedList } from '@/features/shared/use-paged-list'

export const CANDIDATE_PAGE_SIZE = 20

/**
 * People the secretary may 补录 at a lecture, a page at a time, as the server finds them: their branch
 * by part of a name; at an open lecture, someone of another branch by full name (masked).
 */
export function useAttendeeCandidates(
  lectureId: string,
  { enabled = true, search = '', pageSize = CANDIDATE_PAGE_SIZE }: { enabled?: boolean; search?: string; pageSize?: number } = {},
): UsePagedList<AttendeeCandidate, Page<AttendeeCandidate>> {
  const term = search.trim()
  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      callCloud('lecture', 'attendeeCandidates', { lectureId, limit: pageSize, ...(term ? { search: term } : {}), ...(cursor ? { cursor } : {}) }),
    [lectureId, pageSize, term],
  )
  return usePagedList<AttendeeCandidate, Page<AttendeeCandidate>>({ fetchPage, key: `${lectureId}:${pageSize}:${term}`, keyOf: (c) => c.openid, enabled })
}
