import type { RemindResult } from '../../contracts/commitment.contract'
import { commitmentReminderOn, type CommitmentReminderKind } from '../../contracts/rules/commitment.rules'
import type { MemberDoc } from '../../shared/caller'
import { Collections } from '../../shared/collections'
import { encodeCursor } from '../../shared/cursor'
import { findMany, insertOnce, updateWhere, type Database, type DocBase } from '../../shared/db'
import type { NotifyResult } from '../../shared/notify'
import type { TimerContext } from '../../shared/router'
import { formatBeijing } from '../../shared/time'
import { listBranchMembers } from '../members/member.repository'
import { reminderConfigured, tellReminder } from './commitment.messages'
import type { PlanDoc } from './commitment.repository'
import { planIdOf } from './commitment.rules'

const PAGE = 100
/** Sends in flight at once: enough to finish a county's branches inside the timeout, few enough to be polite. */
const SENDS_IN_FLIGHT = 10

/** One day's reminder, claimed before sending (`_id` = Beijing date + kind) so a second firing that day sends nothing. */
interface ReminderDoc extends DocBase {
  kind: CommitmentReminderKind
  month: string
  /** The Beijing day, YYYY-MM-DD. */
  day: string
  at: Date
  /** How many were sent; null while sending (or if the run died mid-way: that day is not retried). */
  sent: number | null
}

/** Party members of every branch (secretaries are members too), a branch and a page at a time. */
async function partyMembers(db: Database): Promise<string[]> {
  const out: string[] = []
  let lastBranch: string | null = null
  for (;;) {
    const _ = db.command
    const all = db.collection(Collections.branches)
    const branches: DocBase[] = await findMany<DocBase>((lastBranch ? all.where({ _id: _.gt(lastBranch) }) : all).orderBy('_id', 'asc').limit(PAGE))
    for (const branch of branches) {
      for (const role of ['member', 'secretary'] as const) {
        let cursor: string | undefined
        for (;;) {
          const rows: MemberDoc[] = await listBranchMembers(db, branch._id, { role, cursor, limit: PAGE })
          const page = rows.slice(0, PAGE)
          out.push(...page.map((m) => m._id))
          const last = page[page.length - 1]
          if (rows.length <= PAGE || !last?.joinedAt) break
          cursor = encodeCursor({ t: last.joinedAt.getTime(), id: last._id })
        }
      }
    }
    const tail: DocBase | undefined = branches[branches.length - 1]
    if (branches.length < PAGE || !tail) return out
    lastBranch = tail._id
  }
}

/** The 1st: party members who have not yet submitted this month's plan (none, a draft or a returned one). */
async function stillToCommit(db: Database, month: string): Promise<string[]> {
  const openids = await partyMembers(db)
  const done = new Set<string>()
  for (let i = 0; i < openids.length; i += PAGE) {
    const ids = openids.slice(i, i + PAGE).map((openid) => planIdOf(month, openid))
    const plans = await findMany<PlanDoc>(db.collection(Collections.commitmentPlans).where({ _id: db.command.in(ids) }).limit(PAGE))
    for (const p of plans) if (p.status === 'submitted' || p.status === 'published') done.add(p.openid)
  }
  return openids.filter((openid) => !done.has(openid))
}

/** The 15th: owners of the month's published plans; three days before its end: those with an item still without outcome. */
async function planOwners(db: Database, month: string, kind: Exclude<CommitmentReminderKind, 'commit'>): Promise<string[]> {
  const out: string[] = []
  const _ = db.command
  let last: string | null = null
  for (;;) {
    // Through the close's index (frozen, month, _id): a frozen month is past reminding anyway.
    const where: Record<string, unknown> = last ? { frozen: false, month, _id: _.gt(last) } : { frozen: false, month }
    const plans = await findMany<PlanDoc>(db.collection(Collections.commitmentPlans).where(where).orderBy('_id', 'asc').limit(PAGE))
    for (const p of plans) {
      if (p.status !== 'published') continue
      if (kind === 'result' && p.items.every((item) => item.outcome)) continue
      out.push(p.openid)
    }
    const tail = plans[plans.length - 1]
    if (plans.length < PAGE || !tail) return out
    last = tail._id
  }
}

/**
 * The day's reminder (run by the hourly timer from 09:00 Beijing, `hourly.use-case.ts`): on the 1st, the 15th and three days before the month ends
 * (Beijing days, `commitmentReminderOn`), each member it concerns gets that day's subscribe message.
 * Once a day: the run first claims the day (`insertOnce` of its marker), so a later firing — the next
 * hour's, a retry — finds the claim and sends nothing (at most once rather than twice; docs/architecture.md
 * "Commitment months"). Other days, or with no template configured, it reads nothing and sends nothing.
 */
export async function remind(_input: Record<string, never>, ctx: TimerContext): Promise<RemindResult> {
  const now = ctx.now.getTime()
  const due = commitmentReminderOn(now)
  if (!due) return { kind: null, sent: 0 }
  if (!reminderConfigured(due.kind)) return { kind: due.kind, sent: 0 }
  const day = formatBeijing(now, 'YYYY-MM-DD')
  const marker: ReminderDoc = { _id: `${day}_${due.kind}`, kind: due.kind, month: due.month, day, at: ctx.now, sent: null }
  if (!(await insertOnce(ctx.db, Collections.commitmentReminders, marker))) return { kind: due.kind, sent: 0 }
  const recipients = due.kind === 'commit' ? await stillToCommit(ctx.db, due.month) : await planOwners(ctx.db, due.month, due.kind)
  const results: NotifyResult[] = []
  for (let i = 0; i < recipients.length; i += SENDS_IN_FLIGHT) {
    results.push(...(await Promise.all(recipients.slice(i, i + SENDS_IN_FLIGHT).map((openid) => tellReminder(due.kind, openid, due.month)))))
  }
  const sent = results.filter((r) => r === 'sent').length
  await updateWhere(ctx.db, Collections.commitmentReminders, { _id: marker._id }, { sent })
  return { kind: due.kind, sent }
}
