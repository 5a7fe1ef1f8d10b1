import { useCallback } from 'react'
import type { MemberRow, Page, Role } from '@contracts'
import { callCloud } from '@/services/cloud'
import { usePagedList, type UsePagedList } from '@/features/shared/use-paged-list'

export interface UseMemberList extends UsePagedList<MemberRow, Page<MemberRow>> {
  /** Put an updated row in place (after a role change); drops it if it no longer matches the filter. */
  replaceRow: (row: MemberRow) => void
}

export const MEMBER_PAGE_SIZE = 20

export interface MemberListOptions {
  /** Only this role; all roles when absent. */
  role?: Role
  /** Only 党员 and secretaries: the people who may be linked as a lecture's speaker. */
  speakers?: boolean
  /** False until the caller is known to be a secretary: nothing is requested before that. */
  enabled?: boolean
  pageSize?: number
}

/**
 * The secretary's member list, a page at a time by the server's cursor. Changing the role filter or
 * refreshing starts over; answers to a superseded request are dropped.
 */
export function useMemberList({ role, speakers, enabled = true, pageSize = MEMBER_PAGE_SIZE }: MemberListOptions = {}): UseMemberList {
  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      callCloud('member', 'listMembers', {
        ...(role ? { role } : {}),
        ...(speakers ? { speakers } : {}),
        ...(cursor ? { cursor } : {}),
        limit: pageSize,
      }),
    [role, speakers, pageSize],
  )
  const list = usePagedList<MemberRow, Page<MemberRow>>({
    fetchPage,
    key: `${role ?? 'all'}:${speakers ? 'speakers' : 'everyone'}:${pageSize}`,
    keyOf: (r) => r.openid,
    enabled,
  })
  const { setItems } = list

  const replaceRow = useCallback(
    (row: MemberRow) =>
      setItems((prev) =>
        role && row.role !== role
          ? prev.filter((r) => r.openid !== row.openid)
          : prev.map((r) => (r.openid === row.openid ? row : r)),
      ),
    [role, setItems],
  )

  return { ...list, replaceRow }
}
