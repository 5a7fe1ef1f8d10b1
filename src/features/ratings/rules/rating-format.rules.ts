import type { Score } from '@contracts/rules'

/** What each score means, said under the stars (a number alone is ambiguous to many older raters). */
export const SCORE_WORDS: Record<Score, string> = {
  1: '很不满意',
  2: '不满意',
  3: '一般',
  4: '满意',
  5: '很满意',
}

/** An average as the report shows it: two decimals, as the server rounds it (no second rounding). */
export function formatScore(n: number): string {
  return Number.isFinite(n) ? n.toFixed(2) : '—'
}

/** 0.75 → `75%`. */
export function formatPercent(rate: number): string {
  return `${Math.round(Math.max(0, Math.min(1, rate)) * 100)}%`
}
