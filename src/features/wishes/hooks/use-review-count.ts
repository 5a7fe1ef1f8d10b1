import { useCallback, useEffect, useRef } from 'react'
import { useDidShow } from '@tarojs/taro'
import { callCloud } from '@/services/cloud'
import { useResource } from '@/features/shared/use-resource'
import { showReviewBadge } from '../platform/tab-badge'
import { wishesVersion } from '../wish-changes'

/**
 * How many wishes wait for the secretary's review (kept on the branch's figures, not recounted), also
 * shown as the badge on 我的 with `alsoWaiting` (the other things that wait for them: 党员 requests).
 * Asks nothing for anyone but a secretary (`enabled` false): 0.
 */
export function useReviewCount(enabled: boolean, alsoWaiting = 0): { count: number; reload: () => Promise<boolean> } {
  const fetch = useCallback(() => callCloud('wish', 'stats', {}), [])
  const stats = useResource(enabled ? 'review-count' : null, fetch)
  const count = enabled && stats.data ? stats.data.current.pending : 0
  const seen = useRef(wishesVersion())
  // Back on the page after reviewing in this session: the count moved.
  useDidShow(() => {
    if (!enabled || wishesVersion() === seen.current) return
    seen.current = wishesVersion()
    void stats.reload()
  })
  useEffect(() => {
    if (enabled && stats.status === 'ready') showReviewBadge(count + alsoWaiting)
  }, [enabled, stats.status, count, alsoWaiting])
  return { count, reload: stats.reload }
}
