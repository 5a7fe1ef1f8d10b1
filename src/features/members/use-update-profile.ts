import { useCallback, useRef, useState } from 'react'
import type { ErrorBody, Profile } from '@contracts'
import { callCloud } from '@/services/cloud'
import { checkProfileForm, type FieldErrors, type ProfileValues } from './member-forms.rules'
import { patchProfile } from './whoami.store'

export interface UseUpdateProfile {
  submitting: boolean
  error: ErrorBody | null
  fieldErrors: FieldErrors<keyof ProfileValues>
  /** Validates, then saves. Resolves the saved profile, or null. */
  submit: (values: ProfileValues) => Promise<Profile | null>
  clear: () => void
}

export function useUpdateProfile(): UseUpdateProfile {
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<ErrorBody | null>(null)
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<keyof ProfileValues>>({})
  const busy = useRef(false)

  const submit = useCallback(async (values: ProfileValues) => {
    if (busy.current) return null
    const checked = checkProfileForm(values)
    if (!checked.ok) {
      setFieldErrors(checked.errors)
      setError(null)
      return null
    }
    busy.current = true
    setSubmitting(true)
    setFieldErrors({})
    setError(null)
    const res = await callCloud('member', 'updateProfile', checked.value)
    busy.current = false
    setSubmitting(false)
    if (!res.ok) {
      setError(res.error)
      const f = res.error.fields ?? {}
      setFieldErrors({ name: f.name, phone: f.phone, post: f.post })
      return null
    }
    patchProfile(res.data)
    return res.data
  }, [])

  const clear = useCallback(() => {
    setError(null)
    setFieldErrors({})
  }, [])

  return { submitting, error, fieldErrors, submit, clear }
}
