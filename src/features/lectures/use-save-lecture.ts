import { useCallback, useRef, useState } from 'react'
import type { ErrorBody, LectureDetail } from '@contracts'
import { callCloud } from '@/services/cloud'
import { markLecturesChanged } from './lecture-changes'
import { checkLectureForm, formErrorsFromServer, type LectureFormErrors, type LectureFormValues } from './lecture-form.rules'

export interface UseSaveLecture {
  submitting: boolean
  error: ErrorBody | null
  fieldErrors: LectureFormErrors
  /**
   * Validates, then creates (no `lectureId`: a draft) or updates. Resolves the saved lecture, or null
   * (see `fieldErrors` / `error`).
   */
  submit: (values: LectureFormValues, lectureId?: string) => Promise<LectureDetail | null>
  clear: () => void
}

export function useSaveLecture(): UseSaveLecture {
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<ErrorBody | null>(null)
  const [fieldErrors, setFieldErrors] = useState<LectureFormErrors>({})
  const busy = useRef(false)

  const submit = useCallback(async (values: LectureFormValues, lectureId?: string) => {
    if (busy.current) return null
    const checked = checkLectureForm(values)
    if (!checked.ok) {
      setFieldErrors(checked.errors)
      setError(null)
      return null
    }
    busy.current = true
    setSubmitting(true)
    setFieldErrors({})
    setError(null)
    const res = lectureId
      ? await callCloud('lecture', 'update', { ...checked.value, lectureId })
      : await callCloud('lecture', 'create', checked.value)
    busy.current = false
    setSubmitting(false)
    if (!res.ok) {
      setError(res.error)
      setFieldErrors(formErrorsFromServer(res.error.fields))
      return null
    }
    markLecturesChanged()
    return res.data
  }, [])

  const clear = useCallback(() => {
    setError(null)
    setFieldErrors({})
  }, [])

  return { submitting, error, fieldErrors, submit, clear }
}
