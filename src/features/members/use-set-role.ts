import { useCallback, useState } from 'react'
import type { ErrorBody, MemberRow, Role } from '@contracts'
import { callCloud } from '@/services/cloud'

export interface UseSetRole {
  /** openid of the row being changed, while the request is in flight */
  pending: string | null
  error: ErrorBody | null
  /** Resolves the updated row, or null (see `error`). */
  setRole: (openid: string, role: Role) => Promise<MemberRow | null>
  clearError: () => void
}

export function useSetRole(): UseSetRole {
  const [pending, setPending] = useState<string | null>(null)
  const [error, setError] = useState<ErrorBody | null>(null)

  const setRole = useCallback(async (openid: string, role: Role) => {
    setPending(openid)
    setError(null)
    const res = await callCloud('member', 'setRole', { openid, role })
    setPending(null)
    if (!res.ok) {
      setError(res.error)
      return null
    }
    return res.data
  }, [])

  const clearError = useCallback(() => setError(null), [])

  return { pending, error, setRole, clearError }
}
