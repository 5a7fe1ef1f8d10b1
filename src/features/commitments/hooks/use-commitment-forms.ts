import type { CommitmentItemView, CommitmentPlanDetail, CommitmentRatingView, MyCommitmentCard } from '@contracts'
import { useFormSubmit, type UseFormSubmit } from '@/features/shared/use-form-submit'
import {
  addCommitmentProgress,
  rateCommitment,
  replyToCommitmentRating,
  reviseCommitmentItem,
  saveCommitmentCard,
  saveCommitmentDraft,
  setCommitmentOutcome,
} from '../commitment.actions'
import { markCommitmentsChanged } from '../commitment-changes'
import {
  CARD_FIELDS,
  OUTCOME_FIELDS,
  PROGRESS_FIELDS,
  RATE_FIELDS,
  REPLY_FIELDS,
  REVISE_FIELDS,
  checkCard,
  checkDraft,
  checkOutcome,
  checkProgress,
  checkRate,
  checkReply,
  checkRevise,
  draftErrorsFromServer,
  fieldErrorsFrom,
  type CardField,
  type CardValues,
  type DraftField,
  type DraftItemValues,
  type OutcomeField,
  type OutcomeValues,
  type ProgressField,
  type ProgressValues,
  type RateField,
  type RateValues,
  type ReplyField,
  type ReviseField,
  type ReviseValues,
} from '../rules/commitment-form.rules'

/* Each form's submit: its own check first, one call at a time; a refusal keeps what was typed. */

export function useSaveDraft(month: string): UseFormSubmit<[items: DraftItemValues[]], CommitmentPlanDetail, DraftField> {
  return useFormSubmit({
    check: (items: DraftItemValues[]) => checkDraft(month, items),
    send: saveCommitmentDraft,
    fieldErrorsFromServer: draftErrorsFromServer,
    onSaved: markCommitmentsChanged,
  })
}

export function useReviseItem(planId: string, item: CommitmentItemView): UseFormSubmit<[values: ReviseValues], CommitmentPlanDetail, ReviseField> {
  return useFormSubmit({
    check: (v: ReviseValues) => checkRevise(planId, item, v),
    send: reviseCommitmentItem,
    fieldErrorsFromServer: (f) => fieldErrorsFrom(f, REVISE_FIELDS),
    onSaved: markCommitmentsChanged,
  })
}

export function useAddProgress(planId: string, itemId: string): UseFormSubmit<[values: ProgressValues], CommitmentPlanDetail, ProgressField> {
  return useFormSubmit({
    check: (v: ProgressValues) => checkProgress(planId, itemId, v),
    send: addCommitmentProgress,
    fieldErrorsFromServer: (f) => fieldErrorsFrom(f, PROGRESS_FIELDS),
    onSaved: markCommitmentsChanged,
  })
}

export function useSetOutcome(planId: string, itemId: string): UseFormSubmit<[values: OutcomeValues], CommitmentPlanDetail, OutcomeField> {
  return useFormSubmit({
    check: (v: OutcomeValues) => checkOutcome(planId, itemId, v),
    send: setCommitmentOutcome,
    fieldErrorsFromServer: (f) => fieldErrorsFrom(f, OUTCOME_FIELDS),
    onSaved: markCommitmentsChanged,
  })
}

export function useRateCommitment(planId: string): UseFormSubmit<[values: RateValues], CommitmentPlanDetail, RateField> {
  return useFormSubmit({
    check: (v: RateValues) => checkRate(planId, v),
    send: rateCommitment,
    fieldErrorsFromServer: (f) => fieldErrorsFrom(f, RATE_FIELDS),
    onSaved: markCommitmentsChanged,
  })
}

export function useReplyToRating(planId: string, ratingId: string): UseFormSubmit<[text: string], CommitmentRatingView, ReplyField> {
  return useFormSubmit({
    check: (text: string) => checkReply(planId, ratingId, text),
    send: replyToCommitmentRating,
    fieldErrorsFromServer: (f) => fieldErrorsFrom(f, REPLY_FIELDS),
  })
}

export function useSaveCard(): UseFormSubmit<[values: CardValues], MyCommitmentCard, CardField> {
  return useFormSubmit({
    check: checkCard,
    send: saveCommitmentCard,
    fieldErrorsFromServer: (f) => fieldErrorsFrom(f, CARD_FIELDS),
    onSaved: markCommitmentsChanged,
  })
}
