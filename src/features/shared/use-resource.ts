import { useCallback, useEffect, useRef, useState } from 'react'
import type { Envelope, ErrorBody } from '@contracts'

export interface UseResource<T> {
  /** loading: first request in flight; ready: data present; error: no data, failed. */
  status: 'loading' | 'ready' | 'error'
  data: T | null
  /** The last failure; kept alongside stale data when a reload fails. */
  error: ErrorBody | null
  /** Asks again; data stays on screen meanwhile (pull-to-refresh). Resolves whether it succeeded. */
  reload: () => Promise<boolean>
  /** Show what the server just answered with elsewhere (after publish, cancel, save) without asking again. */
  replace: (data: T) => void
}

/**
 * One thing read from a function, keyed (a new key starts over and drops answers to the old one).
 * `key` null means "not yet" (nothing is asked, status stays loading) — e.g. until the page knows the
 * lecture id or whether to ask at all.
 */
export function useResource<T>(key: string | null, fetch: () => Promise<Envelope<T>>): UseResource<T> {
  const [status, setStatus] = useState<UseResource<T>['status']>('loading')
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<ErrorBody | null>(null)
  const generation = useRef(0)
  const hasData = useRef(false)
  const fetchRef = useRef(fetch)
  fetchRef.current = fetch

  const load = useCallback(async (): Promise<boolean> => {
    if (key === null) return false
    const gen = ++generation.current
    if (!hasData.current) setStatus('loading')
    const res = await fetchRef.current()
    if (gen !== generation.current) return false
    if (!res.ok) {
      setError(res.error)
      if (!hasData.current) setStatus('error')
      return false
    }
    hasData.current = true
    setData(res.data)
    setError(null)
    setStatus('ready')
    return true
  }, [key])

  useEffect(() => {
    generation.current += 1
    hasData.current = false
    setData(null)
    setError(null)
    setStatus('loading')
    if (key !== null) void load()
  }, [key, load])

  const replace = useCallback((next: T) => {
    // An answer still in flight is older than this one: drop it.
    generation.current += 1
    hasData.current = true
    setData(next)
    setError(null)
    setStatus('ready')
  }, [])

  return { status, data, error, reload: load, replace }
}
