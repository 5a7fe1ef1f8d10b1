import { useCallback, useRef, useState } from 'react'
import type { LectureDetail } from '@contracts'
import { ratingWindowState } from '@contracts/rules'
import { lectureRatingWindow } from '../rules/rating-window.rules'
import { canSubscribeReport, subscribeReport, type SubscribeOutcome } from '../platform/subscribe-report'
import { isTooFew, useRatingSummary } from './use-rating-reports'

/** idle: not asked yet on this visit; asking: WeChat's dialog is open; then what the person chose. */
export type SubscribeState = 'idle' | 'asking' | SubscribeOutcome

export interface UseSubscribeReport {
  /**
   * Offer 「评议满 3 人时通知我」: the caller is the speaker, in the mini-program with a template
   * configured, of a published lecture still open for rating whose report is not ready yet.
   */
  offered: boolean
  state: SubscribeState
  /** Call from the tap itself: the request to WeChat is made before anything is awaited. */
  ask: () => void
  /** Asks the server again whether the report is ready (pull-to-refresh). */
  reload: () => Promise<boolean>
}

/**
 * The speaker's consent to be told when the report is ready, offered only while it can still be sent
 * (not ready, window open). `rating.summary` is asked only where the offer can be made at all.
 */
export function useSubscribeReport(lecture: LectureDetail | null): UseSubscribeReport {
  const possible =
    lecture !== null &&
    lecture.me.isSpeaker &&
    lecture.status === 'published' &&
    ratingWindowState(Date.now(), lectureRatingWindow(lecture)) !== 'closed' &&
    canSubscribeReport()
  const summary = useRatingSummary(possible ? lecture.id : null)
  const [state, setState] = useState<SubscribeState>('idle')
  const inFlight = useRef(false)

  const ask = useCallback(() => {
    if (inFlight.current) return
    inFlight.current = true
    setState('asking')
    void subscribeReport().then((outcome) => {
      inFlight.current = false
      setState(outcome)
    })
  }, [])

  return { offered: possible && summary.status === 'error' && isTooFew(summary.error), state, ask, reload: summary.reload }
}
