import { canRequestSubscribe, requestSubscribe, type SubscribeAnswer } from '@/features/shared/subscribe-message'

/*
 * Consent to the commitment reminders. The `commitment` function's daily trigger sends them
 * (`cloudfunctions/modules/commitments/commitment.messages.ts`), but WeChat delivers a one-time message
 * only to someone who accepted its template from a tap in the mini-program: each acceptance is good
 * for one message of that template.
 */

/** The three reminders, in the order of `TARO_APP_COMMITMENT_TEMPLATE_IDS`. */
export const COMMITMENT_REMINDER_LABELS = ['填写承诺', '晒进度', '晒业绩'] as const
export type CommitmentReminderLabel = (typeof COMMITMENT_REMINDER_LABELS)[number]

export interface CommitmentTemplate {
  id: string
  label: CommitmentReminderLabel
}

/**
 * The configured templates, inlined at build time from `TARO_APP_COMMITMENT_TEMPLATE_IDS` (written out in
 * full so Taro can replace it): commit, progress, result, comma-separated; an empty place is a reminder
 * not configured. Three, the most WeChat takes in one request.
 */
export function commitmentTemplates(): CommitmentTemplate[] {
  const raw = (process.env.TARO_APP_COMMITMENT_TEMPLATE_IDS ?? '').split(',')
  return COMMITMENT_REMINDER_LABELS.map((label, i) => ({ id: (raw[i] ?? '').trim(), label })).filter((t) => t.id !== '')
}

/** Only the mini-program can ask (H5 has no subscribe messages), and only when templates are configured. */
export function canSubscribeCommitments(): boolean {
  return canRequestSubscribe(commitmentTemplates().map((t) => t.id))
}

export interface CommitmentSubscribeAnswer extends Omit<SubscribeAnswer, 'accepted'> {
  accepted: CommitmentReminderLabel[]
  declined: CommitmentReminderLabel[]
}

/** Asks once for every configured reminder; call it straight from a tap. Never throws. */
export async function subscribeCommitments(): Promise<CommitmentSubscribeAnswer> {
  const templates = commitmentTemplates()
  const answer = await requestSubscribe(templates.map((t) => t.id))
  const accepted = new Set(answer.accepted)
  return {
    trouble: answer.trouble,
    accepted: templates.filter((t) => accepted.has(t.id)).map((t) => t.label),
    declined: templates.filter((t) => !accepted.has(t.id)).map((t) => t.label),
  }
}
