import { useCallback, useRef, useState } from 'react'
import type { Envelope, ErrorBody, FailEnvelope } from '@contracts'

/** One action a page offers (a button, a dialog's confirm) around a single cloud call. */
export interface ActionSpec<A extends unknown[], Out> {
  /**
   * The call, with the arguments `run` was given. null sends nothing: the caller's own check refused
   * and shows why itself (a form's field errors). A refusal known without asking is `refuse(error)`.
   */
  send: (...args: A) => Promise<Envelope<Out>> | null
  /** Side effects of a success (a store to patch, lists to mark stale), before `run` resolves. */
  onDone?: (out: Out) => void
  /** Side effects of a refusal (a form maps the server's fields onto its own), before `run` resolves. */
  onError?: (error: ErrorBody) => void
}

/** An action whose calls are told apart (the row, the code) so that only the one in flight says so. */
export interface KeyedActionSpec<A extends unknown[], Out, K> extends ActionSpec<A, Out> {
  pendingOf: (...args: A) => K
}

export interface UseAction<A extends unknown[], Out, K = true> {
  /** The call in flight: its `pendingOf` key (true for an action without one); null when none is. */
  pending: K | null
  /** The server's (or the network's) refusal of the last call, kept until the next one or `clearError`. */
  error: ErrorBody | null
  /** Sends, one at a time: a tap while a call is in flight is ignored. Resolves the answer, or null. */
  run: (...args: A) => Promise<Out | null>
  clearError: () => void
}

/** A refusal known without asking (a required reason left empty), answered as the server would. */
export function refuse(error: ErrorBody): Promise<FailEnvelope> {
  return Promise.resolve({ ok: false, error })
}

/**
 * Pending, error and the double-tap guard of one action, so that a page writes only the call. Callers
 * may pass a fresh spec each render; `run` stays stable and uses the latest.
 */
export function useAction<A extends unknown[], Out, K>(spec: KeyedActionSpec<A, Out, K>): UseAction<A, Out, K>
export function useAction<A extends unknown[], Out>(spec: ActionSpec<A, Out>): UseAction<A, Out, true>
export function useAction<A extends unknown[], Out, K>(spec: ActionSpec<A, Out> & Partial<KeyedActionSpec<A, Out, K>>): UseAction<A, Out, K | true> {
  const [pending, setPending] = useState<K | true | null>(null)
  const [error, setError] = useState<ErrorBody | null>(null)
  // A ref rather than `pending`: two taps in one render both see the old state.
  const busy = useRef(false)
  const specRef = useRef(spec)
  specRef.current = spec

  const run = useCallback(async (...args: A): Promise<Out | null> => {
    if (busy.current) return null
    const { send, pendingOf, onDone, onError } = specRef.current
    const sending = send(...args)
    setError(null)
    if (!sending) return null
    busy.current = true
    setPending(pendingOf ? pendingOf(...args) : true)
    const res = await sending
    busy.current = false
    setPending(null)
    if (!res.ok) {
      setError(res.error)
      onError?.(res.error)
      return null
    }
    onDone?.(res.data)
    return res.data
  }, [])

  const clearError = useCallback(() => setError(null), [])

  return { pending, error, run, clearError }
}
