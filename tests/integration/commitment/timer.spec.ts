import { MOMENT, MONTH, NEXT_MONTH, startCommitmentWorld, type CommitmentWorld, type Json } from '../../support/integration/commitment-world'

/**
 * The month's edges in Beijing time with the process in UTC (TZ=UTC), and the hourly timer that closes
 * what is due (`hourly`, the function's one trigger): WeChat calls it with `{ Type: 'Timer', TriggerName, Time }` and no caller.
 */
let w: CommitmentWorld

beforeAll(async () => {
  w = await startCommitmentWorld()
})

afterAll(async () => {
  await w.close()
})

const timer = () => ({ Type: 'Timer', TriggerName: 'hourly', Time: new Date().toISOString() })
/** Fires the function's hourly trigger and answers what its close did (no reminder template is set here). */
const fire = async () => (await w.ok<{ close: { closed: number; overdueItems: number } }>(null, timer())).close

/** Beijing 23:59:59 on the last day of December 2026, and the next second: 2027-01-01 00:00:00. */
const DEC_LAST_SECOND = '2026-12-31T15:59:59.000Z'
const JAN_FIRST_SECOND = '2026-12-31T16:00:00.000Z'
/** The result deadline of December: the 5th of January ends at Beijing midnight. */
const DEADLINE_LAST_SECOND = '2027-01-05T15:59:59.000Z'
const DEADLINE = '2027-01-05T16:00:00.000Z'

describe('commitment: the month boundary in Beijing time', () => {
  it('runs with TZ=UTC, so the process’s own day would still be the 31st', () => {
    expect(new Date(JAN_FIRST_SECOND).getDate()).toBe(31)
  })

  it('ends revisions and turns “this month” over at Beijing midnight, not UTC midnight', async () => {
    const b = await w.branch()
    const [planId] = await w.board(b)
    const [itemId] = await w.itemIds(planId)
    const revise = (text: string, version: number) => ({ action: 'revise', planId, itemId, version, text, category: 'service', measure: '2 次', reason: '时间有变' })

    // The clock runs on from each instant set, so it is set again right before each call that must fall in that second.
    w.at(DEC_LAST_SECOND)
    expect(await w.ok<{ planId: string } | null>(b.members[0], { action: 'mine' })).toMatchObject({ planId })
    w.at(DEC_LAST_SECOND)
    expect(await w.ok<{ month: string; phase: string }>(b.resident, { action: 'board', branchId: b.id })).toMatchObject({ month: MONTH, phase: 'running' })
    w.at(DEC_LAST_SECOND)
    expect(await w.ok<{ items: Array<{ version: number }> }>(b.members[0], revise('午夜前一秒改好', 1))).toMatchObject({ items: [{ version: 2 }, { version: 1 }] })

    w.at(JAN_FIRST_SECOND)
    expect(await w.errorCode(b.members[0], revise('跨过午夜才改', 2))).toBe('COMMITMENT.WRONG_PHASE')
    expect(await w.ok(b.members[0], { action: 'mine' })).toBeNull()
    expect(await w.ok<{ month: string }>(b.resident, { action: 'board', branchId: b.id })).toMatchObject({ month: NEXT_MONTH })
    expect(await w.ok<{ phase: string }>(b.resident, { action: 'board', branchId: b.id, month: MONTH })).toMatchObject({ phase: 'results' })
    // Results are still taken after the month: 晒业绩 runs until the 5th.
    await w.ok(b.members[0], { action: 'setOutcome', planId, itemId, outcome: 'kept', evidence: '已完成' })
  })

  it('takes a result until the last second of the 5th and closes the month at the next one', async () => {
    const b = await w.branch()
    const [p1, p2] = await w.board(b)
    const [i1, i2] = (await w.itemIds(p1)) as [string, string]
    w.at(DEADLINE_LAST_SECOND)
    await w.ok(b.members[0], { action: 'setOutcome', planId: p1, itemId: i1, outcome: 'partial', evidence: '完成一半', reason: '天气原因' })
    w.at(DEADLINE_LAST_SECOND)
    expect((await fire()).closed).toBe(0)
    expect((await w.stored('commitment_plans', p1))?.frozen).toBe(false)

    w.at(DEADLINE)
    expect(await w.errorCode(b.members[0], { action: 'setOutcome', planId: p1, itemId: i2, outcome: 'kept', evidence: '晚了一秒' })).toBe('COMMITMENT.WRONG_PHASE')
    const run = await fire()
    expect(run.closed).toBeGreaterThanOrEqual(1)

    // 晒问题: the overdue items stay on the public board with the close's reason.
    const plan = await w.ok<{ items: Array<{ outcome: { outcome: string; reason: string | null; evidence: string } | null }> }>(b.resident, { action: 'plan', planId: p1 })
    expect(plan.items.map((i) => i.outcome?.outcome)).toEqual(['partial', 'overdue'])
    expect(plan.items[1]?.outcome).toMatchObject({ evidence: '', reason: expect.stringContaining('逾期') })
    const board = await w.ok<{ status: string; closedAt: string; figures: { outcomes: Record<string, number>; fulfilmentRate: number | null } }>(b.resident, { action: 'board', branchId: b.id, month: MONTH })
    expect(board.status).toBe('closed')
    // The clock moves on from the instant set (only Date is faked): closed within seconds of the deadline.
    expect(Date.parse(board.closedAt) - Date.parse(DEADLINE)).toBeGreaterThanOrEqual(0)
    expect(Date.parse(board.closedAt) - Date.parse(DEADLINE)).toBeLessThan(10_000)
    expect(board.figures).toMatchObject({ outcomes: { kept: 0, partial: 1, unkept: 0, overdue: 3, open: 0 }, fulfilmentRate: 0 })
    expect((await w.stored('commitment_plans', p2))?.frozen).toBe(true)
    const months = await w.ok<{ items: Array<{ month: string; status: string; plans: number }> }>(b.resident, { action: 'months', branchId: b.id })
    expect(months.items).toEqual([expect.objectContaining({ month: MONTH, status: 'closed', plans: 2 })])
  })
})

describe('commitment.hourly: the timer closes the months', () => {
  it.each<[string, 'secretary' | 'nobody', Json]>([
    ['the timer event sent from the app', 'secretary', timer()],
    ['the action called by name by a secretary', 'secretary', { action: 'hourly' }],
    ['the action called by name without a caller', 'nobody', { action: 'hourly' }],
    ['a timer event naming another action', 'nobody', { ...timer(), TriggerName: 'publishBoard' }],
  ])('refuses %s and closes nothing', async (_label, who, event) => {
    const b = await w.branch()
    await w.board(b)
    w.at(MOMENT.due)
    const caller = who === 'secretary' ? b.secretary : null
    const before = await w.snapshot()
    expect(await w.errorCode(caller, event)).toBe('AUTH.FORBIDDEN')
    expect(await w.snapshot()).toBe(before)
    await fire()
  })

  it('freezes every plan of a due month, whatever its state, marks only published items overdue, and a second run changes nothing', async () => {
    const b = await w.branch()
    const [published] = await w.board(b)
    const submitted = await w.submitted(await w.person(b.id))
    const draft = (await w.draft<{ planId: string }>(await w.person(b.id))).planId
    w.at(MOMENT.due)
    const first = await fire()
    expect(first.closed).toBeGreaterThanOrEqual(1)
    for (const id of [published, submitted, draft]) expect((await w.stored('commitment_plans', id))?.frozen).toBe(true)
    const outcomes = (id: string) => async () => ((await w.stored('commitment_plans', id))?.items as Array<{ outcome: { outcome: string } | null }>).map((i) => i.outcome?.outcome ?? null)
    expect(await outcomes(published)()).toEqual(['overdue', 'overdue'])
    expect(await outcomes(submitted)()).toEqual([null, null])
    const before = await w.snapshot()
    expect(await fire()).toEqual({ closed: 0, overdueItems: 0 })
    expect(await w.snapshot()).toBe(before)
  })

  it('closes a month nobody ever published, keeping it off the public list', async () => {
    const b = await w.branch()
    w.at(MOMENT.running)
    await w.published(b.members[0], b.secretary)
    w.at(MOMENT.due)
    await fire()
    expect(await w.stored('commitment_boards', `${b.id}_202612`)).toMatchObject({ status: 'closed', publishedAt: null })
    expect(await w.ok(b.resident, { action: 'months', branchId: b.id })).toEqual({ items: [] })
  })
})
