import { useCallback, useRef, useState } from 'react'
import type { ErrorBody, WhoamiOutput } from '@contracts'
import { callCloud } from '@/services/cloud'
import { checkJoinForm, type FieldErrors, type JoinValues } from './member-forms.rules'
import { setWhoami } from './whoami.store'

export interface UseJoinBranch {
  submitting: boolean
  /** The server's (or the network's) answer when joining failed. */
  error: ErrorBody | null
  fieldErrors: FieldErrors<keyof JoinValues>
  /** Validates, then joins. Resolves the new whoami on success, null otherwise. */
  submit: (values: JoinValues) => Promise<WhoamiOutput | null>
}

export function useJoinBranch(): UseJoinBranch {
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<ErrorBody | null>(null)
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<keyof JoinValues>>({})
  const busy = useRef(false)

  const submit = useCallback(async (values: JoinValues) => {
    if (busy.current) return null
    const checked = checkJoinForm(values)
    if (!checked.ok) {
      setFieldErrors(checked.errors)
      setError(null)
      return null
    }
    busy.current = true
    setSubmitting(true)
    setFieldErrors({})
    setError(null)
    const res = await callCloud('member', 'joinBranch', checked.value)
    busy.current = false
    setSubmitting(false)
    if (!res.ok) {
      setError(res.error)
      setFieldErrors(pickFields(res.error.fields))
      return null
    }
    setWhoami(res.data)
    return res.data
  }, [])

  return { submitting, error, fieldErrors, submit }
}

function pickFields(fields: Record<string, string> | undefined): FieldErrors<keyof JoinValues> {
  const out: FieldErrors<keyof JoinValues> = {}
  if (fields?.name) out.name = fields.name
  if (fields?.code) out.code = fields.code
  return out
}
