import { daysInMonth, monthStartMs } from '../../../cloudfunctions/contracts/rules/commitment.rules'
import { M1, SEC, SEC2 } from '../../support/integration/commitment-demo'
import { startCommitmentWorld, type Branch, type CommitmentWorld } from '../../support/integration/commitment-world'

/**
 * The daily reminder (timer `remind`): on the 1st, the 15th and three days before the month ends —
 * Beijing days, whatever TZ the process has (the tests run in UTC) — each member it concerns gets that
 * day's subscribe message; WeChat delivers it to those who accepted the template. The specs remind in
 * a month of their own (R), so the demo seed's months never meet them.
 */
let w: CommitmentWorld
let A: Branch
/** A.members[0]'s plan of R, published; A.members[1]'s submitted; A's secretary has none. */
let published: string

const R = '2027-03'
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

const HOUR = 3600_000
const DAY = 24 * HOUR
/** 09:00 Beijing on day `day` of R, when the daily trigger fires. */
const nineOn = (day: number) => monthStartMs(R) + (day - 1) * DAY + 9 * HOUR

/** Fires the trigger at `atMs` and answers what it reported and the messages it sent. */
async function remindAt(atMs: number): Promise<{ result: { kind: string | null; sent: number }; sent: Sent[] }> {
  const before = (await w.cloud.backend.outbox()).length
  w.at(atMs)
  const result = await w.ok<{ kind: string | null; sent: number }>(null, { Type: 'Timer', TriggerName: 'remind', Time: new Date(atMs).toISOString() })
  return { result, sent: ((await w.cloud.backend.outbox()) as Sent[]).slice(before) }
}

const recipients = (sent: Sent[]) => sent.map((m) => m.touser)

describe('commitment.remind', () => {
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

  it('decides the day in Beijing: a minute after midnight on the 1st is the 1st (still the last day in UTC)', async () => {
    expect((await remindAt(monthStartMs(R) + 60_000)).result.kind).toBe('commit')
    expect(new Date(monthStartMs(R) + 60_000).getUTCDate()).toBe(28)
    expect((await remindAt(monthStartMs(R) - 60_000)).result.kind).toBeNull()
  })

  it('on the 15th, reminds the owners of the month’s published plans to post progress', async () => {
    const { result, sent } = await remindAt(nineOn(15))
    expect(result).toEqual({ kind: 'progress', sent: 1 })
    expect(recipients(sent)).toEqual([A.members[0]])
    expect(sent[0]).toMatchObject({ templateId: 'tpl-progress', data: { phrase2: { value: '晒进度' } } })
  })

  it('three days before the month ends, reminds those with an item still without outcome', async () => {
    const day = daysInMonth(R) - 2
    expect(day).toBe(29)
    const first = await remindAt(nineOn(day))
    expect(first.result).toEqual({ kind: 'result', sent: 1 })
    // Due by the result deadline, the 5th of the next month (Beijing).
    expect(first.sent[0]?.data).toMatchObject({ phrase2: { value: '晒业绩' }, date4: { value: '2027年4月5日' } })
    for (const itemId of await w.itemIds(published)) {
      await w.ok(A.members[0], { action: 'setOutcome', planId: published, itemId, outcome: 'kept', evidence: '值班 4 次，有记录' })
    }
    expect(await remindAt(nineOn(day))).toEqual({ result: { kind: 'result', sent: 0 }, sent: [] })
  })

  it('sends nothing on other days, nor when the day’s template is not configured', async () => {
    expect(await remindAt(nineOn(7))).toEqual({ result: { kind: null, sent: 0 }, sent: [] })
    expect(await remindAt(nineOn(daysInMonth(R)))).toEqual({ result: { kind: null, sent: 0 }, sent: [] })
    delete process.env.COMMITMENT_PROGRESS_TEMPLATE_ID
    try {
      expect(await remindAt(nineOn(15))).toEqual({ result: { kind: 'progress', sent: 0 }, sent: [] })
    } finally {
      process.env.COMMITMENT_PROGRESS_TEMPLATE_ID = TEMPLATES.COMMITMENT_PROGRESS_TEMPLATE_ID
    }
  })

  it('carries the month and fixed words only: no phone, no openid but the addressee’s', async () => {
    const { sent } = await remindAt(nineOn(1))
    expect(sent.length).toBeGreaterThan(0)
    for (const m of sent) {
      const text = JSON.stringify({ data: m.data, page: m.page })
      expect(text).not.toMatch(/1[3-9]\d{9}/)
      expect(text).not.toMatch(/demo-|cm-person|cm-no-branch/)
    }
  })

  it('is the timer’s only: a signed-in caller is refused', async () => {
    expect(await w.errorCode(A.secretary, { action: 'remind' })).toBe('AUTH.FORBIDDEN')
    expect(await w.errorCode(A.secretary, { Type: 'Timer', TriggerName: 'remind', Time: new Date().toISOString() })).toBe('AUTH.FORBIDDEN')
    expect(await w.errorCode(null, { action: 'remind' })).toBe('AUTH.FORBIDDEN')
  })
})
