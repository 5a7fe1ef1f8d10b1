import { useCallback } from 'react'
import type { LectureView, Page } from '@contracts'
import { callCloud } from '@/services/cloud'
import { usePagedList, type UsePagedList } from '@/features/shared/use-paged-list'

export type LectureScope = 'upcoming' | 'past'

export const LECTURE_PAGE_SIZE = 10

export type UseLectureList = UsePagedList<LectureView, Page<LectureView>>

/** 即将开始 / 往期 lectures the caller may see (own branch, and open lectures of other branches). */
export function useLectureList({ scope, enabled = true, pageSize = LECTURE_PAGE_SIZE }: { scope: LectureScope; enabled?: boolean; pageSize?: number }): UseLectureList {
  const fetchPage = useCallback(
    (cursor: string | undefined) => callCloud('lecture', 'list', cursor ? { scope, cursor, limit: pageSize } : { scope, limit: pageSize }),
    [scope, pageSize],
  )
  return usePagedList<LectureView, Page<LectureView>>({ fetchPage, key: `${scope}:${pageSize}`, keyOf: (l) => l.id, enabled })
}
