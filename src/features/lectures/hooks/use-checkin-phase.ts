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
 * The lecture's check-in phase, kept current: the clock is read every second until check-in has
 * closed, so a page opened early switches to "open" (and then "closed") by itself.
 *
 * `now` is the clock to read. The server decides whether a check-in counts, so a page that shows what the
 * server will decide passes the server's time as it estimates it (`ServerClock.now`, use-display-code.ts),
 * not the device's: a projector PC a few minutes slow would otherwise hide the code while people queue.
 * The clock is read as the page renders, so a better estimate counts from the next render on.
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
