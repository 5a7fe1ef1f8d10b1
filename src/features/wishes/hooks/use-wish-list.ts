import { useCallback } from 'react'
import type { Page, WishView, WishWallEntry } from '@contracts'
import type { WishCategory } from '@contracts/rules'
import { callCloud } from '@/services/cloud'
import { usePagedList, type UsePagedList } from '@/features/shared/use-paged-list'

export const WISH_PAGE_SIZE = 10

export type WishScope = 'open' | 'pending' | 'fulfilled'
export type UseWishList = UsePagedList<WishView, Page<WishView>>
export type UseWishWall = UsePagedList<WishWallEntry, Page<WishWallEntry>>

/** `open`: wishes members may claim; `pending` / `fulfilled`: the branch secretary's queues. */
export function useWishList({ scope, category, enabled = true }: { scope: WishScope; category?: WishCategory; enabled?: boolean }): UseWishList {
  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      callCloud('wish', 'list', { scope, limit: WISH_PAGE_SIZE, ...(category ? { category } : {}), ...(cursor ? { cursor } : {}) }),
    [scope, category],
  )
  return usePagedList<WishView, Page<WishView>>({ fetchPage, key: `${scope}:${category ?? ''}`, keyOf: (w) => w.id, enabled })
}

/** 我的心愿 (posted or recorded by me) or 我认领的 (claimed by me). */
export function useMyWishes(kind: 'mine' | 'myClaims'): UseWishList {
  const fetchPage = useCallback(
    (cursor: string | undefined) => callCloud('wish', kind, cursor ? { cursor, limit: WISH_PAGE_SIZE } : { limit: WISH_PAGE_SIZE }),
    [kind],
  )
  return usePagedList<WishView, Page<WishView>>({ fetchPage, key: kind, keyOf: (w) => w.id })
}

/** 圆梦墙: fulfilled wishes of every branch, masked. */
export function useWishWall({ enabled = true }: { enabled?: boolean } = {}): UseWishWall {
  const fetchPage = useCallback(
    (cursor: string | undefined) => callCloud('wish', 'wall', cursor ? { cursor, limit: WISH_PAGE_SIZE } : { limit: WISH_PAGE_SIZE }),
    [],
  )
  return usePagedList<WishWallEntry, Page<WishWallEntry>>({ fetchPage, key: 'wall', keyOf: (w) => w.id, enabled })
}
