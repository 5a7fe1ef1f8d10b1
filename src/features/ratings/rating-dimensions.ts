import type { RatingDimension } from '@contracts'

/*
 * The 评议表's fixed values, restated from rating.contract.ts: the client bundle may take only TYPES
 * from cloudfunctions/contracts (that module builds zod schemas at load time, which would bring zod into
 * the main package). tests/app/rating-form.spec.tsx checks that these equal the contract's, so the two
 * cannot drift apart unnoticed.
 */

/** The four dimensions, in the order the form and the report show them. */
export const RATING_DIMENSIONS: readonly RatingDimension[] = ['attitude', 'content', 'form', 'effect']

export const DIMENSION_LABELS: Record<RatingDimension, string> = {
  attitude: '授课态度',
  content: '授课内容',
  form: '授课形式',
  effect: '授课效果',
}

/** Fewer ratings than this and nothing is shown, so no single rater can be identified. */
export const RATING_THRESHOLD = 3
export const COMMENT_MAX = 300

export const SCORES = [1, 2, 3, 4, 5] as const
export type Score = (typeof SCORES)[number]

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
