import type { CommitmentPlanDetail } from '@contracts'
import { callCloud } from '@/services/cloud'
import type { ActionSpec } from '@/features/shared/use-action'
import { markCommitmentsChanged } from './commitment-changes'
import type { CardInput, DraftInput, OutcomeInput, ProgressInput, RateInput, ReplyInput, ReviseInput } from './rules/commitment-form.rules'

/*
 * The members' and residents' calls of 公开承诺: each one cloud call, answered with the plan (or the
 * card, the rating) as it is now. The forms check first (rules/commitment-form.rules.ts), then send these.
 */

export const saveCommitmentDraft = (input: DraftInput) => callCloud('commitment', 'saveDraft', input)
export const reviseCommitmentItem = (input: ReviseInput) => callCloud('commitment', 'revise', input)
export const addCommitmentProgress = (input: ProgressInput) => callCloud('commitment', 'addProgress', input)
export const setCommitmentOutcome = (input: OutcomeInput) => callCloud('commitment', 'setOutcome', input)
export const rateCommitment = (input: RateInput) => callCloud('commitment', 'rate', input)
export const replyToCommitmentRating = (input: ReplyInput) => callCloud('commitment', 'reply', input)
export const saveCommitmentCard = (input: CardInput) => callCloud('commitment', 'saveCard', input)

/**
 * 提交审核: the draft as typed is saved first (a submit never sends stale items), then submitted; the
 * secretary publishes it or returns it with a reason.
 */
export const submitCommitmentPlan: ActionSpec<[input: DraftInput], CommitmentPlanDetail> = {
  send: async (input) => {
    const saved = await saveCommitmentDraft(input)
    return saved.ok ? callCloud('commitment', 'submit', { month: input.month }) : saved
  },
  onDone: markCommitmentsChanged,
}
