import { daysInMonth, monthStartMs } from '../../../cloudfunctions/contracts/rules/commitment.rules'
import { M1, SEC, SEC2 } from '../../support/integration/commitment-demo'
import { startCommitmentWorld, type Branch, type CommitmentWorld } from '../../support/integration/commitment-world'

/**
 * The reminders, sent by the hourly trigger (`hourly`) from 09:00 Beijing: on the 1st, the 15th and
 * three days before the month ends — Beijing days and hours, whatever TZ the process has (the tests run
 * in UTC) — each member it concerns gets that day's subscribe message; WeChat delivers it to those who
 * accepted the template. The specs remind in a month of their own (R), so the demo seed's months never
 * meet them. Each reminder goes out once a Beijing day, however often the trigger fires.
 */
let w: CommitmentWorld
let A: Branch
/** A.members[0]'s and a third member's plans of R, published; A.members[1]'s submitted; A's secretary has none. */
let published: string
let third: string
let thirdPlan: string

const R = '2027-03'
/** The month after R: its 1st is another day for the same kind of reminder. */
const R2 = '2027-04'
const TEMPLATES: Record<string, string> = {
  COMMITMENT_COMMIT_TEMPLATE_ID: 'tpl-commit',
  COMMITMENT_PROGRESS_TEMPLATE_ID: 'tpl-progress',
  COMMITMENT_RESULT_TEMPLATE_ID: 'tpl-result',
}

beforeAll(async () => {
  w = await startCommitmentWorld()
  ;({ A } = w)
  Object.assign(process.env, TEMPLATES)
  // R is `upcoming` in February: members may already submit and the secretary publish.
  w.at('2027-02-20T04:00:00.000Z')
  published = await w.published(A.members[0], A.secretary, R)
  third = await w.person(A.id, 'member', '第三位党员')
  thirdPlan = await w.published(third, A.secretary, R)
  await w.submitted(A.members[1], R)
})

afterAll(async () => {
  for (const key of Object.keys(TEMPLATES)) delete process.env[key]
  await w.close()
})

interface Sent {
  touser: string
  templateId: string
  page?: string
  data: Record<string, { value: string }>
}

interface Reminded {
  kind: string | null
  sent: number
}
interface HourlyRun {
  close: { closed: number; overdueItems: number }
  /** Null before 09:00 Beijing. */
  remind: Reminded | null
}

const HOUR = 3600_000
const DAY = 24 * HOUR
/** 09:00 Beijing on day `day` of `month` (R unless said), the first hourly firing that reminds. */
const nineOn = (day: number, month = R) => monthStartMs(month) + (day - 1) * DAY + 9 * HOUR
const hourlyEvent = (atMs: number) => ({ Type: 'Timer', TriggerName: 'hourly', Time: new Date(atMs).toISOString() })

/** Fires the hourly trigger at `atMs` and answers the whole run and the messages it sent. */
async function fireAt(atMs: number): Promise<{ run: HourlyRun; sent: Sent[] }> {
  const before = (await w.cloud.backend.outbox()).length
  w.at(atMs)
  const run = await w.ok<HourlyRun>(null, hourlyEvent(atMs))
  return { run, sent: ((await w.cloud.backend.outbox()) as Sent[]).slice(before) }
}

/** Fires the hourly trigger at `atMs` and answers what its reminder reported and the messages it sent. */
async function remindAt(atMs: number): Promise<{ result: Reminded | null; sent: Sent[] }> {
  const { run, sent } = await fireAt(atMs)
  return { result: run.remind, sent }
}

const recipients = (sent: Sent[]) => sent.map((m) => m.touser)
/** The owner records every item of the plan as kept (the result phase allows it from the reminder day on). */
async function keepAll(owner: string, planId: string): Promise<void> {
  for (const itemId of await w.itemIds(planId)) {
    await w.ok(owner, { action: 'setOutcome', planId, itemId, outcome: 'kept', evidence: '值班 4 次，有记录' })
  }
}

describe('commitment.hourly: the reminders', () => {
  it('on the 1st, reminds every party member who has not submitted the month’s plan', async () => {
    const { result, sent } = await remindAt(nineOn(1))
    expect(result).toEqual({ kind: 'commit', sent: sent.length })
    const to = recipients(sent)
    // Published and submitted plans need no reminder; no plan, or only a draft, does.
    expect(to).toContain(A.secretary)
    expect(to).not.toContain(A.members[0])
    expect(to).not.toContain(A.members[1])
    expect(to).not.toContain(A.resident)
    // Every branch's members, the demo ones too; each once.
    expect(to).toEqual(expect.arrayContaining([SEC, M1, SEC2, w.B.secretary, ...w.B.members]))
    expect(new Set(to).size).toBe(to.length)
    expect(new Set(sent.map((m) => m.templateId))).toEqual(new Set(['tpl-commit']))
    expect(sent[0]?.page).toBe(`packages/commitments/pages/my-commitments/index?month=${R}`)
    expect(sent[0]?.data).toMatchObject({ thing1: { value: '2027年3月公开承诺' }, phrase2: { value: '待承诺' }, date4: { value: '2027年3月31日' } })
  })

  it('goes out once a day: a second firing on the 1st sends nothing', async () => {
    expect(await remindAt(nineOn(1) + 3 * HOUR)).toEqual({ result: { kind: 'commit', sent: 0 }, sent: [] })
    expect(await remindAt(nineOn(1) + 14 * HOUR)).toEqual({ result: { kind: 'commit', sent: 0 }, sent: [] })
  })

  it('decides the hour and the day in Beijing: a minute after midnight on the 1st is too early (16:01 in UTC), 09:00 is the 1st (01:00 UTC)', async () => {
    expect(new Date(monthStartMs(R) + 60_000).getUTCHours()).toBe(16)
    expect(await remindAt(monthStartMs(R) + 60_000)).toEqual({ result: null, sent: [] })
    expect(new Date(nineOn(1)).getUTCHours()).toBe(1)
    expect((await remindAt(nineOn(1))).result?.kind).toBe('commit')
    // 23:59 on the last day of February in Beijing, past 09:00 in either zone: not a reminder day.
    expect((await remindAt(monthStartMs(R) - 60_000)).result).toEqual({ kind: null, sent: 0 })
  })

  it('on the 15th, reminds the owners of the month’s published plans to post progress', async () => {
    const { result, sent } = await remindAt(nineOn(15))
    expect(result).toEqual({ kind: 'progress', sent: 2 })
    expect(recipients(sent).sort()).toEqual([A.members[0], third].sort())
    expect(sent[0]).toMatchObject({ templateId: 'tpl-progress', data: { phrase2: { value: '晒进度' } } })
    // The same day again: nothing more.
    expect(await remindAt(nineOn(15) + HOUR)).toEqual({ result: { kind: 'progress', sent: 0 }, sent: [] })
  })

  it('three days before the month ends, reminds those with an item still without outcome', async () => {
    const day = daysInMonth(R) - 2
    expect(day).toBe(29)
    w.at(nineOn(day) - HOUR)
    await keepAll(third, thirdPlan)
    const first = await remindAt(nineOn(day))
    expect(first.result).toEqual({ kind: 'result', sent: 1 })
    expect(recipients(first.sent)).toEqual([A.members[0]])
    // Due by the result deadline, the 5th of the next month (Beijing).
    expect(first.sent[0]?.data).toMatchObject({ phrase2: { value: '晒业绩' }, date4: { value: '2027年4月5日' } })
    await keepAll(A.members[0], published)
    expect(await remindAt(nineOn(day) + HOUR)).toEqual({ result: { kind: 'result', sent: 0 }, sent: [] })
  })

  it('sends nothing on other days, nor when the day’s template is not configured (and that does not use up the day)', async () => {
    expect(await remindAt(nineOn(7))).toEqual({ result: { kind: null, sent: 0 }, sent: [] })
    expect(await remindAt(nineOn(daysInMonth(R)))).toEqual({ result: { kind: null, sent: 0 }, sent: [] })
    delete process.env.COMMITMENT_COMMIT_TEMPLATE_ID
    try {
      expect(await remindAt(nineOn(1, R2))).toEqual({ result: { kind: 'commit', sent: 0 }, sent: [] })
    } finally {
      process.env.COMMITMENT_COMMIT_TEMPLATE_ID = TEMPLATES.COMMITMENT_COMMIT_TEMPLATE_ID
    }
  })

  it('sends the same kind again on another day: the 1st of the next month, once however many firings race', async () => {
    const before = (await w.cloud.backend.outbox()).length
    w.at(nineOn(1, R2) + HOUR)
    // 10:00: the 09:00 run sent nothing (no template then), so this one is the day's.
    const event = hourlyEvent(nineOn(1, R2) + HOUR)
    const runs = (await Promise.all([w.ok<HourlyRun>(null, event), w.ok<HourlyRun>(null, event)])).map((r) => r.remind)
    const sent = ((await w.cloud.backend.outbox()) as Sent[]).slice(before)
    expect(runs.map((r) => r?.kind)).toEqual(['commit', 'commit'])
    // One run sends to everyone who has no plan of R2 (A.members[0] among them), the other nothing.
    expect(runs.map((r) => r?.sent).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([0, sent.length])
    expect(recipients(sent)).toContain(A.members[0])
    expect(new Set(recipients(sent)).size).toBe(sent.length)
    expect(sent[0]?.page).toBe(`packages/commitments/pages/my-commitments/index?month=${R2}`)
  })

  it('carries the month and fixed words only: no phone, no openid but the addressee’s', async () => {
    const sent = ((await w.cloud.backend.outbox()) as Sent[]).filter((m) => m.templateId.startsWith('tpl-'))
    expect(sent.length).toBeGreaterThan(0)
    for (const m of sent) {
      const text = JSON.stringify({ data: m.data, page: m.page })
      expect(text).not.toMatch(/1[3-9]\d{9}/)
      expect(text).not.toMatch(/demo-|cm-person|cm-no-branch/)
    }
  })

  it('runs from the hourly trigger: before 09:00 on a reminder day it only closes, at 09:00 it sends, later that day nothing more', async () => {
    // 2027-05-01: the 1st (commit reminders for May), and R's results closed on 2027-04-05.
    const may = '2027-05'
    expect((await w.stored('commitment_plans', published))?.frozen).toBe(false)
    const eight = await fireAt(nineOn(1, may) - HOUR)
    expect(eight.run.remind).toBeNull()
    expect(eight.sent).toEqual([])
    expect(eight.run.close.closed).toBeGreaterThanOrEqual(1)
    expect((await w.stored('commitment_plans', published))?.frozen).toBe(true)

    const nine = await fireAt(nineOn(1, may))
    expect(nine.run).toEqual({ close: { closed: 0, overdueItems: 0 }, remind: { kind: 'commit', sent: nine.sent.length } })
    expect(recipients(nine.sent)).toEqual(expect.arrayContaining([A.secretary, ...A.members, third]))
    expect(await fireAt(nineOn(1, may) + HOUR)).toEqual({ run: { close: { closed: 0, overdueItems: 0 }, remind: { kind: 'commit', sent: 0 } }, sent: [] })
    // The next day is no reminder day, at any hour.
    for (const at of [nineOn(2, may) - HOUR, nineOn(2, may), nineOn(2, may) + 5 * HOUR]) expect((await fireAt(at)).sent).toEqual([])
    expect((await fireAt(nineOn(2, may))).run.remind).toEqual({ kind: null, sent: 0 })
  })

  it('makes up a missed 09:00 firing at the next hour the trigger runs', async () => {
    const june = '2027-06'
    const late = await fireAt(nineOn(1, june) + 2 * HOUR)
    expect(late.run.remind).toEqual({ kind: 'commit', sent: late.sent.length })
    expect(late.sent.length).toBeGreaterThan(0)
    expect((await fireAt(nineOn(1, june) + 3 * HOUR)).sent).toEqual([])
  })

  it('is the timer’s only: a signed-in caller is refused', async () => {
    expect(await w.errorCode(A.secretary, { action: 'hourly' })).toBe('AUTH.FORBIDDEN')
    expect(await w.errorCode(A.secretary, hourlyEvent(Date.now()))).toBe('AUTH.FORBIDDEN')
    expect(await w.errorCode(null, { action: 'hourly' })).toBe('AUTH.FORBIDDEN')
  })
})
