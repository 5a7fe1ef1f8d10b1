import { callCloud, type CallOutput } from '@/services/cloud'
import type { KeyedActionSpec } from '@/features/shared/use-action'

export type CommentDecision = 'pass' | 'reject'

/**
 * The secretary's decision on a comment the content check held for review (`rating.reviewComment`);
 * the comment being decided is the one that waits.
 */
export const reviewComment: KeyedActionSpec<[lectureId: string, key: string, decision: CommentDecision], CallOutput<'rating', 'reviewComment'>, string> = {
  send: (lectureId, key, decision) => callCloud('rating', 'reviewComment', { lectureId, key, decision }),
  pendingOf: (_lectureId, key) => key,
}
