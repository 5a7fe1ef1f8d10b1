import { useCallback } from 'react'
import type { Page, SpokenLecture } from '@contracts'
import { callCloud } from '@/services/cloud'
import { usePagedList, type UsePagedList } from '@/features/shared/use-paged-list'

export const MY_SPOKEN_PAGE_SIZE = 10

export type UseMySpokenLectures = UsePagedList<SpokenLecture, Page<SpokenLecture>>

/** The lectures the caller gave as linked speaker, newest first (the server's order), a page at a time. */
export function useMySpokenLectures({ pageSize = MY_SPOKEN_PAGE_SIZE }: { pageSize?: number } = {}): UseMySpokenLectures {
  const fetchPage = useCallback(
    (cursor: string | undefined) => callCloud('lecture', 'mySpokenLectures', cursor ? { cursor, limit: pageSize } : { limit: pageSize }),
    [pageSize],
  )
  return usePagedList<SpokenLecture, Page<SpokenLecture>>({ fetchPage, key: String(pageSize), keyOf: (l) => l.lectureId })
}
