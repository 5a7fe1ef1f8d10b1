import { useEffect, useRef, useState } from 'react'
import { checkinPhase, type CheckinPhase, type CheckinTimes } from './lecture-timing.rules'

export interface UseCheckinPhase {
  /** null until the lecture is known. */
  phase: CheckinPhase | null
  /** The clock the phase was read from (for a countdown). */
  now: number
}

const TICK_MS = 1000

/**
 * The lecture's check-in phase, kept current: the clock is read every second until check-in has
 * closed, so a page opened early switches to "open" (and then "closed") by itself.
 */
export function useCheckinPhase(times: CheckinTimes | null, { clock = Date.now }: { clock?: () => number } = {}): UseCheckinPhase {
  const [now, setNow] = useState(() => clock())
  const clockRef = useRef(clock)
  clockRef.current = clock
  const phase = times ? checkinPhase(times, now) : null

  useEffect(() => {
    if (phase === null || phase === 'closed') return undefined
    setNow(clockRef.current())
    const tick = setInterval(() => setNow(clockRef.current()), TICK_MS)
    return () => clearInterval(tick)
  }, [phase])

  return { phase, now }
}
