import { useCallback, useEffect, useRef, useState } from 'react'
import type { ErrorBody, MemberRow, Role } from '@contracts'
import { callCloud } from '@/services/cloud'

export interface UseMemberList {
  items: MemberRow[]
  /** State of the first page: the list is shown once it is `ready`. */
  status: 'loading' | 'ready' | 'error'
  error: ErrorBody | null
  hasMore: boolean
  loadingMore: boolean
  /** A failed "load more", shown under the list with a retry; the rows already loaded stay. */
  moreError: ErrorBody | null
  refreshing: boolean
  loadMore: () => Promise<void>
  refresh: () => Promise<void>
  /** Put an updated row in place (after a role change); drops it if it no longer matches the filter. */
  replaceRow: (row: MemberRow) => void
}

export const MEMBER_PAGE_SIZE = 20

/**
 * The secretary's member list, a page at a time by the server's cursor. Changing the role filter or
 * refreshing starts over; answers to a superseded request are dropped.
 */
export interface MemberListOptions {
  /** Only this role; all roles when absent. */
  role?: Role
  /** False until the caller is known to be a secretary: nothing is requested before that. */
  enabled?: boolean
  pageSize?: number
}

export function useMemberList({ role, enabled = true, pageSize = MEMBER_PAGE_SIZE }: MemberListOptions = {}): UseMemberList {
  const [items, setItems] = useState<MemberRow[]>([])
  const [status, setStatus] = useState<UseMemberList['status']>('loading')
  const [error, setError] = useState<ErrorBody | null>(null)
  const [cursor, setCursor] = useState<string | undefined>(undefined)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<ErrorBody | null>(null)
  const [refreshing, setRefreshing] = useState(false)
  const generation = useRef(0)
  const loadingMoreRef = useRef(false)

  const loadFirst = useCallback(
    async (keepRows: boolean) => {
      const gen = ++generation.current
      loadingMoreRef.current = false
      setLoadingMore(false)
      setMoreError(null)
      if (keepRows) setRefreshing(true)
      else {
        setStatus('loading')
        setItems([])
      }
      const res = await callCloud('member', 'listMembers', role ? { role, limit: pageSize } : { limit: pageSize })
      if (gen !== generation.current) return
      setRefreshing(false)
      if (!res.ok) {
        setError(res.error)
        if (!keepRows) setStatus('error')
        return
      }
      setError(null)
      setItems(res.data.items)
      setCursor(res.data.nextCursor)
      setStatus('ready')
    },
    [role, pageSize],
  )

  useEffect(() => {
    if (enabled) void loadFirst(false)
  }, [loadFirst, enabled])

  const loadMore = useCallback(async () => {
    if (!cursor || loadingMoreRef.current || status !== 'ready') return
    const gen = generation.current
    loadingMoreRef.current = true
    setLoadingMore(true)
    setMoreError(null)
    const input = role ? { role, cursor, limit: pageSize } : { cursor, limit: pageSize }
    const res = await callCloud('member', 'listMembers', input)
    if (gen !== generation.current) return
    loadingMoreRef.current = false
    setLoadingMore(false)
    if (!res.ok) {
      setMoreError(res.error)
      return
    }
    setItems((prev) => {
      const seen = new Set(prev.map((r) => r.openid))
      return prev.concat(res.data.items.filter((r) => !seen.has(r.openid)))
    })
    setCursor(res.data.nextCursor)
  }, [cursor, status, role, pageSize])

  const refresh = useCallback(
    () => (enabled ? loadFirst(status === 'ready') : Promise.resolve()),
    [loadFirst, status, enabled],
  )

  const replaceRow = useCallback(
    (row: MemberRow) => {
      setItems((prev) =>
        role && row.role !== role
          ? prev.filter((r) => r.openid !== row.openid)
          : prev.map((r) => (r.openid === row.openid ? row : r)),
      )
    },
    [role],
  )

  return {
    items,
    status,
    error,
    hasMore: Boolean(cursor),
    loadingMore,
    moreError,
    refreshing,
    loadMore,
    refresh,
    replaceRow,
  }
}
