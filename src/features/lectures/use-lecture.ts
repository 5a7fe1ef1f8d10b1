import { useCallback, useEffect, useRef, useState } from 'react'
import type { ErrorBody, LectureDetail } from '@contracts'
import { callCloud } from '@/services/cloud'

export interface UseLecture {
  /** loading: first request in flight; ready: data present; error: no data, failed. */
  status: 'loading' | 'ready' | 'error'
  data: LectureDetail | null
  /** The last failure; kept alongside stale data when a reload fails. */
  error: ErrorBody | null
  reload: () => Promise<boolean>
  /** Show a lecture the server just answered with (after publish, cancel, save). */
  replace: (lecture: LectureDetail) => void
}

/** One lecture with the caller's own status (`me`): checked in, may manage, may see attendance. */
export function useLecture(lectureId: string | null): UseLecture {
  const [status, setStatus] = useState<UseLecture['status']>('loading')
  const [data, setData] = useState<LectureDetail | null>(null)
  const [error, setError] = useState<ErrorBody | null>(null)
  const generation = useRef(0)
  const hasData = useRef(false)

  const load = useCallback(async (): Promise<boolean> => {
    if (!lectureId) return false
    const gen = ++generation.current
    if (!hasData.current) setStatus('loading')
    const res = await callCloud('lecture', 'get', { lectureId })
    if (gen !== generation.current) return false
    if (!res.ok) {
      setError(res.error)
      if (!hasData.current) setStatus('error')
      return false
    }
    hasData.current = true
    setData(res.data)
    setError(null)
    setStatus('ready')
    return true
  }, [lectureId])

  useEffect(() => {
    hasData.current = false
    setData(null)
    if (lectureId) void load()
    else {
      setStatus('error')
      setError({ code: 'LECTURE.NOT_FOUND', message: '链接里缺少党课编号，请从党课列表重新打开' })
    }
  }, [lectureId, load])

  const replace = useCallback((lecture: LectureDetail) => {
    generation.current += 1
    hasData.current = true
    setData(lecture)
    setError(null)
    setStatus('ready')
  }, [])

  return { status, data, error, reload: load, replace }
}
