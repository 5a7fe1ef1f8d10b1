import { useCallback, useEffect, useRef, useState } from 'react'
import type { Envelope, ErrorBody, Page } from '@contracts'

export interface UsePagedList<T, P extends Page<T>> {
  items: T[]
  /** State of the first page: the list is shown once it is `ready`. */
  status: 'loading' | 'ready' | 'error'
  error: ErrorBody | null
  /** The newest page as the server sent it (for totals that come with a page). */
  lastPage: P | null
  hasMore: boolean
  loadingMore: boolean
  /** A failed "load more": the rows already loaded stay, with a retry under them. */
  moreError: ErrorBody | null
  refreshing: boolean
  loadMore: () => Promise<void>
  /** Start over; rows stay on screen while the first page reloads (pull-to-refresh). */
  refresh: () => Promise<void>
  /** Change rows in place (after an edit) without asking the server. */
  setItems: (update: (prev: T[]) => T[]) => void
}

export interface PagedListOptions<T, P extends Page<T>> {
  /** Asks for one page; `cursor` is absent for the first. */
  fetchPage: (cursor: string | undefined) => Promise<Envelope<P>>
  /** A new key (scope, lecture) starts over and drops answers to the old one. */
  key: string
  keyOf: (item: T) => string
  /** False while the page does not know yet whether to ask (nothing is requested). */
  enabled?: boolean
}

/**
 * A server-paged list (docs/architecture.md "Budgets": lists paginate, never a whole collection): first page, 加载更多 by
 * the server's cursor, refresh. Answers to a superseded request are dropped; a row already shown is
 * never shown twice.
 */
export function usePagedList<T, P extends Page<T>>({ fetchPage, key, keyOf, enabled = true }: PagedListOptions<T, P>): UsePagedList<T, P> {
  const [items, setItemsState] = useState<T[]>([])
  const [status, setStatus] = useState<UsePagedList<T, P>['status']>('loading')
  const [error, setError] = useState<ErrorBody | null>(null)
  const [lastPage, setLastPage] = useState<P | null>(null)
  const [cursor, setCursor] = useState<string | undefined>(undefined)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<ErrorBody | null>(null)
  const [refreshing, setRefreshing] = useState(false)
  const generation = useRef(0)
  const loadingMoreRef = useRef(false)
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage
  const keyOfRef = useRef(keyOf)
  keyOfRef.current = keyOf

  const loadFirst = useCallback(async (keepRows: boolean) => {
    const gen = ++generation.current
    loadingMoreRef.current = false
    setLoadingMore(false)
    setMoreError(null)
    if (keepRows) setRefreshing(true)
    else {
      setStatus('loading')
      setItemsState([])
      setLastPage(null)
    }
    const res = await fetchRef.current(undefined)
    if (gen !== generation.current) return
    setRefreshing(false)
    if (!res.ok) {
      setError(res.error)
      if (!keepRows) setStatus('error')
      return
    }
    setError(null)
    setItemsState(res.data.items)
    setLastPage(res.data)
    setCursor(res.data.nextCursor)
    setStatus('ready')
  }, [])

  useEffect(() => {
    if (enabled) void loadFirst(false)
  }, [loadFirst, enabled, key])

  const loadMore = useCallback(async () => {
    if (!cursor || loadingMoreRef.current || status !== 'ready') return
    const gen = generation.current
    loadingMoreRef.current = true
    setLoadingMore(true)
    setMoreError(null)
    const res = await fetchRef.current(cursor)
    if (gen !== generation.current) return
    loadingMoreRef.current = false
    setLoadingMore(false)
    if (!res.ok) {
      setMoreError(res.error)
      return
    }
    setItemsState((prev) => {
      const seen = new Set(prev.map((r) => keyOfRef.current(r)))
      return prev.concat(res.data.items.filter((r) => !seen.has(keyOfRef.current(r))))
    })
    setLastPage(res.data)
    setCursor(res.data.nextCursor)
  }, [cursor, status])

  const refresh = useCallback(() => (enabled ? loadFirst(status === 'ready') : Promise.resolve()), [loadFirst, status, enabled])

  const setItems = useCallback((update: (prev: T[]) => T[]) => setItemsState(update), [])

  return { items, status, error, lastPage, hasMore: Boolean(cursor), loadingMore, moreError, refreshing, loadMore, refresh, setItems }
}
