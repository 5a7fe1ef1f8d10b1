import { useCallback } from 'react'
import type { ErrorBody, LecturerReport, MyRating, RatingProgress, RatingSummary } from '@contracts'
import { callCloud } from '@/services/cloud'
import { useResource, type UseResource } from '@/features/shared/use-resource'

export const TOO_FEW = 'RATING.TOO_FEW'
export const TOO_FEW_CLOSED = 'RATING.TOO_FEW_CLOSED'
export const FORBIDDEN = 'AUTH.FORBIDDEN'

/** One's own rating of a lecture (null: not rated yet). `enabled` false asks nothing. */
export function useMyRating(lectureId: string | null, enabled = true): UseResource<MyRating | null> {
  const fetch = useCallback(() => callCloud('rating', 'mine', { lectureId: lectureId ?? '' }), [lectureId])
  return useResource(lectureId && enabled ? `mine:${lectureId}` : null, fetch)
}

/** A lecture's anonymous report (its secretary or speaker). Below 3 ratings the server answers RATING.TOO_FEW. */
export function useRatingSummary(lectureId: string | null): UseResource<RatingSummary> {
  const fetch = useCallback(() => callCloud('rating', 'summary', { lectureId: lectureId ?? '' }), [lectureId])
  return useResource(lectureId ? `summary:${lectureId}` : null, fetch)
}

/**
 * The branch secretary's 评议进度: how many have rated and who was there and has not (names only, no
 * scores) — what the report page shows while the summary is withheld. `enabled` false asks nothing.
 */
export function useRatingProgress(lectureId: string | null, enabled: boolean): UseResource<RatingProgress> {
  const fetch = useCallback(() => callCloud('rating', 'progress', { lectureId: lectureId ?? '' }), [lectureId])
  return useResource(lectureId && enabled ? `progress:${lectureId}` : null, fetch)
}

/** A speaker's lectures over time; a secretary names the speaker (`speakerOpenid`), a speaker leaves it out. */
export function useLecturerReport(speakerOpenid: string | null): UseResource<LecturerReport> {
  const fetch = useCallback(() => callCloud('rating', 'lecturerReport', speakerOpenid ? { speakerOpenid } : {}), [speakerOpenid])
  return useResource(`lecturer:${speakerOpenid ?? 'me'}`, fetch)
}

/** Withheld below 3: while ratings may still come, or for good once rating has closed. */
export function isTooFew(error: ErrorBody | null | undefined): boolean {
  return error?.code === TOO_FEW || error?.code === TOO_FEW_CLOSED
}

export function isForbidden(error: ErrorBody | null | undefined): boolean {
  return error?.code === FORBIDDEN
}
