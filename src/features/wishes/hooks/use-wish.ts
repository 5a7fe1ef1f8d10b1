import { useCallback } from 'react'
import type { ErrorBody, WishDetail, WishStats } from '@contracts'
import { callCloud } from '@/services/cloud'
import { useResource, type UseResource } from '@/features/shared/use-resource'

export type UseWish = UseResource<WishDetail>

// A page opened without an id will never get one: say so instead of loading forever.
const MISSING_ID: ErrorBody = { code: 'WISH.NOT_FOUND', message: '链接里缺少心愿编号，请从心愿列表重新打开' }

/** One wish with its timeline and the actions the caller can take now. */
export function useWish(wishId: string | null): UseWish {
  const fetch = useCallback(() => callCloud('wish', 'get', { wishId: wishId ?? '' }), [wishId])
  const wish = useResource(wishId || null, fetch)
  return wishId ? wish : { ...wish, status: 'error', error: MISSING_ID }
}

/** The branch's figures (secretary). */
export function useWishStats(): UseResource<WishStats> {
  const fetch = useCallback(() => callCloud('wish', 'stats', {}), [])
  return useResource('stats', fetch)
}
