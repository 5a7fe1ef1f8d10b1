import { monthEndMs, resultDeadlineMs, type CommitmentReminderKind } from '../../contracts/rules/commitment.rules'
import { notify, type NotifyResult } from '../../shared/notify'
import { formatBeijing } from '../../shared/time'

/**
 * The commitment reminders (subscribe messages). Each kind has its own template, whose id is a console
 * environment variable of the `commitment` function (README, deploy); without one, that kind is not
 * sent. WeChat delivers a one-time message only to someone who accepted its template in the app, so
 * sending to every member it concerns reaches exactly those who agreed (the rest answer `declined`).
 * Messages carry the month and fixed words, never anyone's phone, openid or text.
 */

/** The template variables, one per kind of reminder. */
export const COMMITMENT_TEMPLATES: Record<CommitmentReminderKind, string> = {
  /** The 1st: make this month's commitments (members who have not submitted yet). */
  commit: 'COMMITMENT_COMMIT_TEMPLATE_ID',
  /** The 15th: post progress (members whose plan is published). */
  progress: 'COMMITMENT_PROGRESS_TEMPLATE_ID',
  /** Three days before the month ends: post results (members with an item still without outcome). */
  result: 'COMMITMENT_RESULT_TEMPLATE_ID',
}

/** The page the message opens: the member's own commitments of the month (the client's subpackage). */
export const COMMITMENT_MINE_PAGE = 'packages/commitments/pages/my-commitments/index'

/** A `thing` field of a subscribe message holds at most 20 characters. */
const thing = (text: string) => ({ value: text.slice(0, 20) })
const phrase = (text: string) => ({ value: text.slice(0, 5) })

function monthLabel(month: string): string {
  const [y, m] = month.split('-')
  return `${y}年${Number(m)}月`
}

/** Each kind's step, note, and the instant it is due by (its last day is shown). */
const WORDS: Record<CommitmentReminderKind, { status: string; note: (month: string) => string; dueMs: (month: string) => number }> = {
  commit: { status: '待承诺', note: () => '请填写本月承诺并提交审核', dueMs: monthEndMs },
  progress: { status: '晒进度', note: () => '请晒一晒承诺事项的进度', dueMs: monthEndMs },
  result: { status: '晒业绩', note: (month) => `请晒出${Number(month.slice(5))}月承诺的兑现情况`, dueMs: resultDeadlineMs },
}

/** Whether a template is configured for this kind (no template: nothing to send, nothing to read). */
export function reminderConfigured(kind: CommitmentReminderKind): boolean {
  return Boolean(process.env[COMMITMENT_TEMPLATES[kind]])
}

/** One member's reminder of `kind` for `month`; never throws. */
export async function tellReminder(kind: CommitmentReminderKind, touser: string, month: string): Promise<NotifyResult> {
  const templateId = process.env[COMMITMENT_TEMPLATES[kind]]
  if (!templateId) return 'off'
  const words = WORDS[kind]
  try {
    return await notify({
      touser,
      templateId,
      page: `${COMMITMENT_MINE_PAGE}?month=${month}`,
      data: {
        thing1: thing(`${monthLabel(month)}公开承诺`),
        phrase2: phrase(words.status),
        thing3: thing(words.note(month)),
        date4: { value: formatBeijing(words.dueMs(month) - 1, 'YYYY年M月D日') },
      },
    })
  } catch {
    return 'failed'
  }
}
