import { useCallback, useState } from 'react'
import type { ErrorBody, InviteCodes } from '@contracts'
import { callCloud } from '@/services/cloud'
import { patchInviteCodes } from './whoami.store'

export type InviteKind = keyof InviteCodes

export interface UseRotateInviteCode {
  rotating: InviteKind | null
  error: ErrorBody | null
  /** Replaces one code (the old one stops working). Resolves the new pair, or null. */
  rotate: (kind: InviteKind) => Promise<InviteCodes | null>
}

export function useRotateInviteCode(): UseRotateInviteCode {
  const [rotating, setRotating] = useState<InviteKind | null>(null)
  const [error, setError] = useState<ErrorBody | null>(null)

  const rotate = useCallback(async (kind: InviteKind) => {
    setRotating(kind)
    setError(null)
    const res = await callCloud('member', 'rotateInviteCode', { kind })
    setRotating(null)
    if (!res.ok) {
      setError(res.error)
      return null
    }
    patchInviteCodes(res.data)
    return res.data
  }, [])

  return { rotating, error, rotate }
}
