import { useCallback, useRef, useState } from 'react'
import type { ErrorBody, MyRating } from '@contracts'
import { callCloud } from '@/services/cloud'
import { markLecturesChanged } from '@/features/lectures/lecture-changes'
import { checkRatingDraft, ratingErrorsFromServer, type RatingDraft, type RatingFormErrors } from './rating-form.rules'

export interface UseSubmitRating {
  submitting: boolean
  /** The server's (or the network's) refusal; the form keeps what was entered. */
  error: ErrorBody | null
  fieldErrors: RatingFormErrors
  /** Checks, then sends (a first rating or a revision: the same action). Resolves the saved rating, or null. */
  submit: (lectureId: string, draft: RatingDraft) => Promise<MyRating | null>
  clear: () => void
}

export function useSubmitRating(): UseSubmitRating {
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<ErrorBody | null>(null)
  const [fieldErrors, setFieldErrors] = useState<RatingFormErrors>({})
  const busy = useRef(false)

  const submit = useCallback(async (lectureId: string, draft: RatingDraft) => {
    if (busy.current) return null
    const checked = checkRatingDraft(draft)
    if (!checked.ok) {
      setFieldErrors(checked.errors)
      setError(null)
      return null
    }
    busy.current = true
    setSubmitting(true)
    setError(null)
    setFieldErrors({})
    const { scores, comment } = checked.value
    const res = await callCloud('rating', 'submit', comment ? { lectureId, scores, comment } : { lectureId, scores })
    busy.current = false
    setSubmitting(false)
    if (!res.ok) {
      setError(res.error)
      setFieldErrors(ratingErrorsFromServer(res.error.fields))
      return null
    }
    // The detail page underneath reloads when shown again: 去评议 becomes 已评议.
    markLecturesChanged()
    return res.data
  }, [])

  const clear = useCallback(() => {
    setError(null)
    setFieldErrors({})
  }, [])

  return { submitting, error, fieldErrors, submit, clear }
}
