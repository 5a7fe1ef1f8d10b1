import { useCallback, useState } from 'react'
import type { Envelope, ErrorBody } from '@contracts'
import { useAction } from './use-action'

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
 * time (a double tap must not create twice: `useAction`), and keep the refusal — as a whole and per
 * field — until the next try or `clear`.
 */
export function useFormSubmit<A extends unknown[], V, Out, K extends string>(spec: FormSubmitSpec<A, V, Out, K>): UseFormSubmit<A, Out, K> {
  const [fieldErrors, setFieldErrors] = useState<FormErrors<K>>({})
  const action = useAction<A, Out>({
    send: (...args) => {
      const checked = spec.check(...args)
      setFieldErrors(checked.ok ? {} : checked.errors)
      return checked.ok ? spec.send(checked.value, ...args) : null
    },
    onError: (error) => setFieldErrors(spec.fieldErrorsFromServer(error.fields)),
    onDone: (out) => spec.onSaved?.(out),
  })

  const { clearError } = action
  const clear = useCallback(() => {
    clearError()
    setFieldErrors({})
  }, [clearError])

  return { submitting: action.pending !== null, error: action.error, fieldErrors, submit: action.run, clear }
}
