import type { MyRating, Scores } from '@contracts'
import { COMMENT_MAX, RATING_DIMENSIONS, SCORES, type RatingDimension, type Score } from '@contracts/rules'

/** What the 评议表 holds while being filled in: a dimension is absent until it is scored. */
export interface RatingDraft {
  scores: Partial<Record<RatingDimension, Score>>
  comment: string
}

/** Messages per dimension and for the comment, from the form itself or from the server. */
export type RatingFormErrors = Partial<Record<RatingDimension | 'comment', string>>

export function emptyRatingDraft(): RatingDraft {
  return { scores: {}, comment: '' }
}

/** One's earlier rating, to revise it. */
export function draftFromRating(mine: MyRating): RatingDraft {
  const scores: RatingDraft['scores'] = {}
  for (const d of RATING_DIMENSIONS) {
    const s = mine.scores[d]
    if (isScore(s)) scores[d] = s
  }
  return { scores, comment: mine.comment }
}

export function isScore(n: unknown): n is Score {
  return typeof n === 'number' && (SCORES as readonly number[]).includes(n)
}

/** The dimensions still without a score, in form order. */
export function unscored(draft: RatingDraft): RatingDimension[] {
  return RATING_DIMENSIONS.filter((d) => !isScore(draft.scores[d]))
}

/** The comment as it will be sent (the server trims it too, then counts). */
export function commentLength(comment: string): number {
  return comment.trim().length
}

export type CheckedRating = { ok: true; value: { scores: Scores; comment: string } } | { ok: false; errors: RatingFormErrors }

/** The draft as the server's input, or what is still missing — in words, per field. */
export function checkRatingDraft(draft: RatingDraft): CheckedRating {
  const errors: RatingFormErrors = {}
  for (const d of unscored(draft)) errors[d] = '请点星打分（1 到 5 颗星）'
  const comment = draft.comment.trim()
  if (comment.length > COMMENT_MAX) errors.comment = `评语不能超过 ${COMMENT_MAX} 个字`
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  const s = draft.scores as Scores
  return { ok: true, value: { scores: { attitude: s.attitude, content: s.content, form: s.form, effect: s.effect }, comment } }
}

/** The server's per-field messages (`scores.attitude`, `comment`) on the fields of this form. */
export function ratingErrorsFromServer(fields: Record<string, string> | undefined): RatingFormErrors {
  const out: RatingFormErrors = {}
  if (!fields) return out
  for (const [path, message] of Object.entries(fields)) {
    if (path === 'comment') out.comment = message
    const d = /^scores\.(\w+)$/.exec(path)?.[1]
    if (d && (RATING_DIMENSIONS as readonly string[]).includes(d)) out[d as RatingDimension] = message
  }
  return out
}
