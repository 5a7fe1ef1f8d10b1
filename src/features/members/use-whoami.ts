import { useEffect, useSyncExternalStore } from 'react'
import { getWhoamiSnapshot, loadWhoami, subscribeWhoami, type WhoamiState } from './whoami.store'

export interface UseWhoami extends WhoamiState {
  /** Ask again (pull-to-refresh, 重试). Resolves true when fresh data arrived. */
  reload: () => Promise<boolean>
}

/** The caller's profile, branch and (for a secretary) invite codes; loads on first use, shared by pages. */
export function useWhoami(): UseWhoami {
  const snapshot = useSyncExternalStore(subscribeWhoami, getWhoamiSnapshot, getWhoamiSnapshot)
  useEffect(() => {
    if (getWhoamiSnapshot().status === 'idle') void loadWhoami()
  }, [])
  return { ...snapshot, reload: loadWhoami }
}
