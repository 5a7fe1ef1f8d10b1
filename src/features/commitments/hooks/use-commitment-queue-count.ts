import { useCallback, useRef } from 'react'
import { useDidShow } from '@tarojs/taro'
import { callCloud } from '@/services/cloud'
import { useResource } from '@/features/shared/use-resource'
import { commitmentsVersion } from '../commitment-changes'

/** The largest page the function answers: the count reads one page of the queue. */
export const QUEUE_COUNT_LIMIT = 50

// Its own file, apart from the secretary's actions: 我的 is in the main package and should carry this alone.
/**
 * How many plans wait for the secretary, for the count beside 承诺审核 on 我的: one page of the queue
 * (the function keeps no counter of it); `more` when a second page exists. Asks nothing for anyone but
 * a secretary (`enabled` false).
 */
export function useCommitmentQueueCount(enabled: boolean): { count: number; more: boolean; reload: () => Promise<boolean> } {
  const fetch = useCallback(() => callCloud('commitment', 'queue', { limit: QUEUE_COUNT_LIMIT }), [])
  const queue = useResource(enabled ? 'commitment-queue-count' : null, fetch)
  const seen = useRef(commitmentsVersion())
  // Back on the page after a change in this session (a review, a member's submit): the count may have moved.
  useDidShow(() => {
    if (!enabled || commitmentsVersion() === seen.current) return
    seen.current = commitmentsVersion()
    void queue.reload()
  })
  const page = enabled ? queue.data : null
  return { count: page?.items.length ?? 0, more: Boolean(page?.nextCursor), reload: queue.reload }
}
