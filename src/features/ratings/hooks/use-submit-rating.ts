import type { ErrorBody, MyRating, RatingDimension, Scores } from '@contracts'
import { callCloud } from '@/services/cloud'
import { markLecturesChanged } from '@/features/shared/lecture-changes'
import { useFormSubmit, type FormSubmitSpec } from '@/features/shared/use-form-submit'
import { checkRatingDraft, ratingErrorsFromServer, type RatingDraft, type RatingFormErrors } from '../rules/rating-form.rules'

export interface UseSubmitRating {
  submitting: boolean
  /** The server's (or the network's) refusal; the form keeps what was entered. */
  error: ErrorBody | null
  fieldErrors: RatingFormErrors
  /** Checks, then sends (a first rating or a revision: the same action). Resolves the saved rating, or null. */
  submit: (lectureId: string, draft: RatingDraft) => Promise<MyRating | null>
  clear: () => void
}

const submitRating: FormSubmitSpec<[string, RatingDraft], { scores: Scores; comment: string }, MyRating, RatingDimension | 'comment'> = {
  check: (_lectureId, draft) => checkRatingDraft(draft),
  send: ({ scores, comment }, lectureId) =>
    callCloud('rating', 'submit', comment ? { lectureId, scores, comment } : { lectureId, scores }),
  fieldErrorsFromServer: ratingErrorsFromServer,
  // The detail page underneath reloads when shown again: 去评议 becomes 已评议.
  onSaved: markLecturesChanged,
}

export function useSubmitRating(): UseSubmitRating {
  return useFormSubmit(submitRating)
}
