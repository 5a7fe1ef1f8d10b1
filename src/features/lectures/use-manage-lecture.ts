import { useCallback, useState } from 'react'
import type { ErrorBody, LectureDetail } from '@contracts'
import { callCloud } from '@/services/cloud'
import { markLecturesChanged } from '@/features/shared/lecture-changes'

export type ManageAction = 'publish' | 'cancel'

export interface UseManageLecture {
  pending: ManageAction | null
  error: ErrorBody | null
  /** Resolves the published lecture, or null (see `error`). */
  publish: (lectureId: string) => Promise<LectureDetail | null>
  /** Resolves the cancelled lecture, or null. `reason` is required and kept. */
  cancel: (lectureId: string, reason: string) => Promise<LectureDetail | null>
  clearError: () => void
}

/** The secretary's state changes of a lecture: 发布 (draft → published) and 取消 (with a reason). */
export function useManageLecture(): UseManageLecture {
  const [pending, setPending] = useState<ManageAction | null>(null)
  const [error, setError] = useState<ErrorBody | null>(null)

  const publish = useCallback(async (lectureId: string) => {
    setPending('publish')
    setError(null)
    const res = await callCloud('lecture', 'publish', { lectureId })
    setPending(null)
    if (!res.ok) {
      setError(res.error)
      return null
    }
    markLecturesChanged()
    return res.data
  }, [])

  const cancel = useCallback(async (lectureId: string, reason: string) => {
    const trimmed = reason.trim()
    if (!trimmed) {
      setError({ code: 'COMMON.INVALID_INPUT', message: '请填写取消原因，参加的人会看到它', fields: { reason: '请填写取消原因' } })
      return null
    }
    setPending('cancel')
    setError(null)
    const res = await callCloud('lecture', 'cancel', { lectureId, reason: trimmed })
    setPending(null)
    if (!res.ok) {
      setError(res.error)
      return null
    }
    markLecturesChanged()
    return res.data
  }, [])

  const clearError = useCallback(() => setError(null), [])

  return { pending, error, publish, cancel, clearError }
}
