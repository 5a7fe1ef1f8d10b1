import { useCallback } from 'react'
import type { ErrorBody, LectureDetail } from '@contracts'
import { callCloud } from '@/services/cloud'
import { useResource, type UseResource } from '@/features/shared/use-resource'

export type UseLecture = UseResource<LectureDetail>

// A page opened without an id will never get one: say so instead of loading forever.
const MISSING_ID: ErrorBody = { code: 'LECTURE.NOT_FOUND', message: '链接里缺少党课编号，请从党课列表重新打开' }

/** One lecture with the caller's own status (`me`): checked in, may manage, may see attendance. */
export function useLecture(lectureId: string | null): UseLecture {
  const fetch = useCallback(() => callCloud('lecture', 'get', { lectureId: lectureId ?? '' }), [lectureId])
  const lecture = useResource(lectureId || null, fetch)
  return lectureId ? lecture : { ...lecture, status: 'error', error: MISSING_ID }
}
