import { COMMITMENT_REMINDER_HOUR } from '../../contracts/rules/commitment.rules'
import type { CommitmentHourlyResult } from '../../contracts/commitment.contract'
import type { TimerContext } from '../../shared/router'
import { beijing } from '../../shared/time'
import { closeMonths } from './close-month.use-case'
import { remind } from './remind.use-case'

/**
 * The function's one timer trigger (WeChat Cloud takes one per function), every hour: the day's reminder
 * from 09:00 Beijing on — at or after, so a missed 09:00 firing is made up the next hour, and the day's
 * marker keeps the later hours from sending again — then the close of the months past their deadline.
 */
export async function hourly(input: Record<string, never>, ctx: TimerContext): Promise<CommitmentHourlyResult> {
  // The reminder first: it claims its day before sending, so a run cut off by the timeout would lose
  // that day's messages; a close cut off goes on at the next hour.
  const reminded = beijing(ctx.now).hour() >= COMMITMENT_REMINDER_HOUR ? await remind(input, ctx) : null
  const close = await closeMonths(input, ctx)
  return { close, remind: reminded }
}
