import { useCallback, useRef, useState } from 'react'
import type { Envelope, ErrorBody } from '@contracts'

/** Per-field messages of one form, keyed by its own field names. */
export type FormErrors<K extends string> = Partial<Record<K, string>>

/** What a form's pure check answers: the cleaned value to send, or what to fix first. */
export type FormCheck<V, K extends string> = { ok: true; value: V } | { ok: false; errors: FormErrors<K> }

export interface UseFormSubmit<A extends unknown[], Out, K extends string> {
  submitting: boolean
  /** The server's (or the network's) refusal; the form keeps what was entered. */
  error: ErrorBody | null
  fieldErrors: FormErrors<K>
  /** Checks, then sends. Resolves the server's answer, or null (see `fieldErrors` / `error`). */
  submit: (...args: A) => Promise<Out | null>
  clear: () => void
}

export interface FormSubmitSpec<A extends unknown[], V, Out, K extends string> {
  /** The form's own rules, run before anything is sent; receives the arguments `submit` was given. */
  check: (...args: A) => FormCheck<V, K>
  /** The one cloud call, with the checked value and the arguments `submit` was given. */
  send: (value: V, ...args: A) => Promise<Envelope<Out>>
  /** The server's per-field messages (dotted paths) mapped onto this form's fields. */
  fieldErrorsFromServer: (fields: Record<string, string> | undefined) => FormErrors<K>
  /** Side effects of a success (a store to patch, lists to mark stale), before `submit` resolves. */
  onSaved?: (out: Out) => void
}

/**
 * One form's submit around a single cloud call: check locally first, send at most one request at a
 * time (a double tap must not create twice), and keep the refusal — as a whole and per field — until
 * the next try or `clear`.
 */
export function useFormSubmit<A extends unknown[], V, Out, K extends string>(spec: FormSubmitSpec<A, V, Out, K>): UseFormSubmit<A, Out, K> {
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<ErrorBody | null>(null)
  const [fieldErrors, setFieldErrors] = useState<FormErrors<K>>({})
  // A ref rather than `submitting`: two taps in one render both see the old state.
  const busy = useRef(false)
  // Callers may pass a fresh spec each render; `submit` stays stable and uses the latest.
  const specRef = useRef(spec)
  specRef.current = spec

  const submit = useCallback(async (...args: A): Promise<Out | null> => {
    if (busy.current) return null
    const { check, send, fieldErrorsFromServer, onSaved } = specRef.current
    const checked = check(...args)
    if (!checked.ok) {
      setFieldErrors(checked.errors)
      setError(null)
      return null
    }
    busy.current = true
    setSubmitting(true)
    setFieldErrors({})
    setError(null)
    const res = await send(checked.value, ...args)
    busy.current = false
    setSubmitting(false)
    if (!res.ok) {
      setError(res.error)
      setFieldErrors(fieldErrorsFromServer(res.error.fields))
      return null
    }
    onSaved?.(res.data)
    return res.data
  }, [])

  const clear = useCallback(() => {
    setError(null)
    setFieldErrors({})
  }, [])

  return { submitting, error, fieldErrors, submit, clear }
}
