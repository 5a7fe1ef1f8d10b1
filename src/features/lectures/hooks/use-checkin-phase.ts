import { useEffect, useState } from 'react'
import { checkinPhase, type CheckinPhase, type CheckinTimes } from '../rules/lecture-timing.rules'

export interface UseCheckinPhase {
  /** null until the lecture is known. */
  phase: CheckinPhase | null
  /** The time the phase was read at (for a countdown). */
  now: number
}

const TICK_MS = 1000

/**
 * The lecture's check-in phase, re-read every second until it closes. `now` is the clock to read: the
 * display passes the server's as it estimates it (docs/architecture.md "The display").
 */
export function useCheckinPhase(times: CheckinTimes | null, { now = Date.now }: { now?: () => number } = {}): UseCheckinPhase {
  const [, setTick] = useState(0)
  const at = now()
  const phase = times ? checkinPhase(times, at) : null

  useEffect(() => {
    if (phase === null || phase === 'closed') return undefined
    const tick = setInterval(() => setTick((n) => n + 1), TICK_MS)
    return () => clearInterval(tick)
  }, [phase])

  return { phase, now: at }
}
