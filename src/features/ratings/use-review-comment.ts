import { useCallback, useState } from 'react'
import type { ErrorBody } from '@contracts'
import { callCloud } from '@/services/cloud'

export type CommentDecision = 'pass' | 'reject'

export interface UseReviewComment {
  /** The key of the comment being decided, so only its buttons show progress. */
  pendingKey: string | null
  error: ErrorBody | null
  /** Resolves true once the server recorded the decision. */
  decide: (lectureId: string, key: string, decision: CommentDecision) => Promise<boolean>
  clearError: () => void
}

/** The secretary's decision on a comment the content check held for review (`rating.reviewComment`). */
export function useReviewComment(): UseReviewComment {
  const [pendingKey, setPendingKey] = useState<string | null>(null)
  const [error, setError] = useState<ErrorBody | null>(null)

  const decide = useCallback(async (lectureId: string, key: string, decision: CommentDecision) => {
    setPendingKey(key)
    setError(null)
    const res = await callCloud('rating', 'reviewComment', { lectureId, key, decision })
    setPendingKey(null)
    if (!res.ok) {
      setError(res.error)
      return false
    }
    return true
  }, [])

  const clearError = useCallback(() => setError(null), [])

  return { pendingKey, error, decide, clearError }
}
