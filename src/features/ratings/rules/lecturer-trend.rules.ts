import type { LecturerReportRow } from '@contracts'

export type TrendDirection = 'up' | 'down' | 'flat'

export interface TrendChange {
  /** Overall average minus that of the previous rated lecture, rounded to two decimals. */
  delta: number
  direction: TrendDirection
}

export interface TrendSummary {
  /** Lectures with enough ratings to show numbers. */
  rated: number
  /** Mean of their overall averages (each lecture weighs the same), two decimals; null when none. */
  meanOverall: number | null
  /** Per lecture id: the change against the previous rated lecture (older in time); absent for the first. */
  changes: Record<string, TrendChange>
}

/** Below this a difference in averages is noise of rounding, said as 持平. */
const FLAT_BELOW = 0.005

const round2 = (n: number) => Math.round(n * 100) / 100

/**
 * A speaker's trend, from the rows as the server sends them (newest first): how each rated lecture
 * compares with the rated one before it, and the mean over all rated ones. Lectures under the threshold
 * are skipped, neither compared nor counted, so a withheld lecture reveals nothing here either.
 */
export function lecturerTrend(rows: readonly LecturerReportRow[]): TrendSummary {
  const rated = [...rows].filter((r) => r.averages !== null).sort((a, b) => Date.parse(a.startAt) - Date.parse(b.startAt))
  const changes: Record<string, TrendChange> = {}
  for (let i = 1; i < rated.length; i += 1) {
    const now = rated[i]?.averages?.overall
    const before = rated[i - 1]?.averages?.overall
    const id = rated[i]?.lectureId
    if (now === undefined || before === undefined || id === undefined) continue
    const delta = round2(now - before)
    changes[id] = { delta, direction: Math.abs(delta) < FLAT_BELOW ? 'flat' : delta > 0 ? 'up' : 'down' }
  }
  const overalls = rated.map((r) => r.averages?.overall ?? 0)
  return {
    rated: rated.length,
    meanOverall: overalls.length > 0 ? round2(overalls.reduce((a, b) => a + b, 0) / overalls.length) : null,
    changes,
  }
}

/** `↑ 0.25`, `↓ 0.10`, `持平`: how the report says a change. */
export function formatChange(c: TrendChange): string {
  if (c.direction === 'flat') return '与上一场持平'
  return `比上一场${c.direction === 'up' ? '高' : '低'} ${Math.abs(c.delta).toFixed(2)} 分`
}
