import {
  beijingMonthOf,
  commitmentMonthPhase,
  commitmentReminderOn,
  monthEndMs,
  monthStartMs,
  resultDeadlineMs,
  type CommitmentAction,
  type CommitmentPlanStatus,
} from '../../cloudfunctions/contracts/rules/commitment.rules'
import {
  draftItems,
  itemActions,
  judge,
  judgeBoard,
  judgeNewPlan,
  lastDueMonth,
  monthOfPlanId,
  NO_SATISFACTION,
  overdueCount,
  planActions,
  planFigures,
  planIdOf,
  reviseVerdict,
  sumFigures,
  type PlanFacts,
  type Viewer,
} from '../../cloudfunctions/modules/commitments/commitment.rules'

const at = (iso: string) => Date.parse(iso)

describe('the Beijing month, whatever TZ the process has', () => {
  it('runs with TZ=UTC', () => {
    expect(new Date(0).getTimezoneOffset()).toBe(0)
  })

  it.each([
    // A month's last second and the next month's first, in Beijing: UTC is still on the earlier day.
    ['2026-12-31T15:59:59.999Z', '2026-12'],
    ['2026-12-31T16:00:00.000Z', '2027-01'],
    ['2026-11-30T15:59:59.999Z', '2026-11'],
    ['2026-11-30T16:00:00.000Z', '2026-12'],
    ['2027-02-28T16:00:00.000Z', '2027-03'],
    ['2028-02-28T16:00:00.000Z', '2028-02'],
    ['2028-02-29T16:00:00.000Z', '2028-03'],
  ])('%s falls in %s', (instant, month) => {
    expect(beijingMonthOf(at(instant))).toBe(month)
  })

  it('starts, ends and closes a month at Beijing midnight', () => {
    expect(new Date(monthStartMs('2026-12')).toISOString()).toBe('2026-11-30T16:00:00.000Z')
    expect(new Date(monthEndMs('2026-12')).toISOString()).toBe('2026-12-31T16:00:00.000Z')
    expect(new Date(resultDeadlineMs('2026-12')).toISOString()).toBe('2027-01-05T16:00:00.000Z')
  })

  it.each([
    ['2026-10-31T15:59:59.999Z', 'later'],
    ['2026-10-31T16:00:00.000Z', 'upcoming'],
    ['2026-11-30T15:59:59.999Z', 'upcoming'],
    ['2026-11-30T16:00:00.000Z', 'running'],
    ['2026-12-31T15:59:59.999Z', 'running'],
    ['2026-12-31T16:00:00.000Z', 'results'],
    ['2027-01-05T15:59:59.999Z', 'results'],
    ['2027-01-05T16:00:00.000Z', 'due'],
  ])('at %s December 2026 is %s', (instant, phase) => {
    expect(commitmentMonthPhase('2026-12', at(instant))).toBe(phase)
  })

  it.each([
    ['2026-12-06T16:00:00.000Z', '2026-11'],
    ['2026-12-05T15:59:59.999Z', '2026-10'],
    ['2027-01-05T16:00:00.000Z', '2026-12'],
    ['2027-01-05T15:59:59.999Z', '2026-11'],
  ])('at %s the latest month due for closing is %s', (instant, month) => {
    expect(lastDueMonth(at(instant))).toBe(month)
  })

  it.each([
    ['2026-11-30T16:00:00.000Z', { kind: 'commit', month: '2026-12' }],
    ['2026-12-14T16:00:00.000Z', { kind: 'progress', month: '2026-12' }],
    ['2026-12-28T16:00:00.000Z', { kind: 'result', month: '2026-12' }],
    ['2026-12-28T15:59:59.000Z', null],
    ['2027-02-25T16:00:00.000Z', { kind: 'result', month: '2027-02' }],
  ])('the reminder of the Beijing day of %s', (instant, reminder) => {
    expect(commitmentReminderOn(at(instant))).toEqual(reminder)
  })
})

describe('plan ids', () => {
  it('are one per member and month, name nobody, and carry their month', () => {
    const id = planIdOf('2026-12', 'demo-member-1')
    expect(id).toMatch(/^C202612[a-f0-9]{12}$/)
    expect(id).not.toContain('demo')
    expect(planIdOf('2026-12', 'demo-member-1')).toBe(id)
    expect(planIdOf('2026-12', 'demo-member-2')).not.toBe(id)
    expect(planIdOf('2027-01', 'demo-member-1').slice(7)).toBe(id.slice(7))
    expect(monthOfPlanId(id)).toBe('2026-12')
  })
})

const RUNNING = at('2026-12-10T04:00:00Z')
const UPCOMING = at('2026-11-20T04:00:00Z')
const RESULTS = at('2027-01-03T04:00:00Z')
const DUE = at('2027-01-06T04:00:00Z')

const plan = (over: Partial<PlanFacts> = {}): PlanFacts => ({
  branchId: 'b1',
  ownerOpenid: 'owner',
  month: '2026-12',
  status: 'published',
  frozen: false,
  boardPublished: true,
  ...over,
})

const VIEWERS: Record<string, Viewer> = {
  owner: { openid: 'owner', role: 'member', branchId: 'b1' },
  secretary: { openid: 'sec', role: 'secretary', branchId: 'b1' },
  member: { openid: 'm2', role: 'member', branchId: 'b1' },
  resident: { openid: 'r1', role: 'resident', branchId: 'b1' },
  otherSecretary: { openid: 'sec2', role: 'secretary', branchId: 'b2' },
  noBranch: { openid: 'nobody', role: null, branchId: null },
}
const WHO = Object.keys(VIEWERS)

describe('judge: who may do what to a plan', () => {
  // Per action, from the state it starts in during the phase it is open: the verdict for each viewer, in WHO order.
  const TABLE: Array<[CommitmentAction, CommitmentPlanStatus, number, string[]]> = [
    ['edit', 'draft', RUNNING, ['ok', 'notOwner', 'notFound', 'notFound', 'notFound', 'notFound']],
    ['submit', 'returned', UPCOMING, ['ok', 'notOwner', 'notFound', 'notFound', 'notFound', 'notFound']],
    ['review', 'submitted', RUNNING, ['notFound', 'ok', 'notFound', 'notFound', 'notFound', 'notFound']],
    ['revise', 'published', RUNNING, ['ok', 'notOwner', 'notOwner', 'notOwner', 'notOwner', 'notOwner']],
    ['addProgress', 'published', RESULTS, ['ok', 'notOwner', 'notOwner', 'notOwner', 'notOwner', 'notOwner']],
    ['setOutcome', 'published', RESULTS, ['ok', 'notOwner', 'notOwner', 'notOwner', 'notOwner', 'notOwner']],
    ['rate', 'published', RUNNING, ['ownPlan', 'ok', 'ok', 'ok', 'notInBranch', 'notInBranch']],
  ]
  it.each(TABLE)('%s from %s', (action, status, nowMs, verdicts) => {
    expect(WHO.map((who) => judge(action, plan({ status }), VIEWERS[who] as Viewer, nowMs))).toEqual(verdicts)
  })

  it.each<[CommitmentAction, CommitmentPlanStatus, number, string]>([
    ['edit', 'submitted', RUNNING, 'wrongState'],
    ['edit', 'published', RUNNING, 'wrongState'],
    ['edit', 'draft', RESULTS, 'wrongPhase'],
    ['submit', 'draft', DUE, 'wrongPhase'],
    ['revise', 'published', RESULTS, 'wrongPhase'],
    ['revise', 'published', UPCOMING, 'wrongPhase'],
    ['addProgress', 'published', UPCOMING, 'wrongPhase'],
    ['addProgress', 'published', DUE, 'wrongPhase'],
    ['setOutcome', 'submitted', RUNNING, 'wrongState'],
    ['setOutcome', 'published', DUE, 'wrongPhase'],
  ])('the owner’s %s from %s is %s at that moment', (action, status, nowMs, verdict) => {
    expect(judge(action, plan({ status }), VIEWERS.owner as Viewer, nowMs)).toBe(verdict)
  })

  it('refuses everything on a frozen plan, whoever asks', () => {
    for (const action of ['revise', 'addProgress', 'setOutcome'] as const) expect(judge(action, plan({ frozen: true }), VIEWERS.owner as Viewer, RESULTS)).toBe('frozen')
    expect(judge('rate', plan({ frozen: true }), VIEWERS.resident as Viewer, RESULTS)).toBe('frozen')
    expect(judge('review', plan({ status: 'submitted', frozen: true }), VIEWERS.secretary as Viewer, RUNNING)).toBe('frozen')
  })

  it('hides a published plan from the public until the board is published, but not from its branch secretary', () => {
    const p = plan({ boardPublished: false })
    expect(judge('rate', p, VIEWERS.resident as Viewer, RUNNING)).toBe('notFound')
    expect(judge('rate', p, VIEWERS.secretary as Viewer, RUNNING)).toBe('wrongState')
    expect(judge('addProgress', p, VIEWERS.owner as Viewer, RUNNING)).toBe('ok')
  })

  it('offers the owner per plan and per item only what they may do now', () => {
    expect(planActions(plan({ status: 'draft' }), VIEWERS.owner as Viewer, RUNNING)).toEqual(['edit', 'submit'])
    expect(planActions(plan(), VIEWERS.resident as Viewer, RUNNING)).toEqual(['rate'])
    expect(planActions(plan(), VIEWERS.noBranch as Viewer, RUNNING)).toEqual([])
    expect(itemActions(plan(), { outcome: null }, VIEWERS.owner as Viewer, RUNNING)).toEqual(['revise', 'addProgress', 'setOutcome'])
    expect(itemActions(plan(), { outcome: { outcome: 'kept' } }, VIEWERS.owner as Viewer, RUNNING)).toEqual(['addProgress', 'setOutcome'])
    expect(itemActions(plan(), { outcome: null }, VIEWERS.owner as Viewer, RESULTS)).toEqual(['addProgress', 'setOutcome'])
  })

  it.each([
    ['2026-10-31T15:59:59.999Z', 'wrongPhase'],
    ['2026-10-31T16:00:00.000Z', 'ok'],
    ['2026-12-31T15:59:59.999Z', 'ok'],
    ['2026-12-31T16:00:00.000Z', 'wrongPhase'],
  ])('takes a first draft of December 2026 at %s: %s', (instant, verdict) => {
    expect(judgeNewPlan('2026-12', at(instant))).toBe(verdict)
  })
})

describe('revisions', () => {
  it.each([
    [{ version: 2, outcome: null }, 2, 'ok'],
    [{ version: 3, outcome: null }, 2, 'stale'],
    [{ version: 2, outcome: { outcome: 'kept' } }, 2, 'hasOutcome'],
  ])('current %j, seen version %i: %s', (current, seen, verdict) => {
    expect(reviseVerdict(current, seen)).toBe(verdict)
  })
})

describe('the board', () => {
  const board = (over: Partial<Parameters<typeof judgeBoard>[1]> = {}) => ({ month: '2026-12', status: 'unpublished' as const, publishedPlans: 2, openItems: 3, ...over })
  it.each([
    ['publishBoard', board(), RUNNING, 'ok'],
    ['publishBoard', board({ publishedPlans: 0 }), RUNNING, 'empty'],
    ['publishBoard', board(), UPCOMING, 'wrongPhase'],
    ['publishBoard', board(), RESULTS, 'wrongPhase'],
    ['publishBoard', board({ status: 'published' }), RUNNING, 'wrongState'],
    ['closeMonth', board({ status: 'published' }), RUNNING, 'wrongPhase'],
    ['closeMonth', board({ status: 'published' }), RESULTS, 'openItems'],
    ['closeMonth', board({ status: 'published', openItems: 0 }), RESULTS, 'ok'],
    ['closeMonth', board({ status: 'published' }), DUE, 'ok'],
    ['closeMonth', board({ status: 'unpublished' }), DUE, 'ok'],
    ['closeMonth', board({ status: 'closed', openItems: 0 }), DUE, 'wrongState'],
  ] as const)('%s of %j at %i: %s', (action, facts, nowMs, verdict) => {
    expect(judgeBoard(action, facts, nowMs)).toBe(verdict)
  })
})

describe('figures', () => {
  const item = (outcome: 'kept' | 'partial' | 'unkept' | 'overdue' | null) => ({ outcome: outcome ? { outcome } : null })

  it('counts only items kept in full as kept, and 满意 with 基本满意 as satisfied', () => {
    const f = planFigures('published', [item('kept'), item('partial'), item('unkept'), item(null)], { satisfied: 2, basic: 1, unsatisfied: 1 })
    expect(f).toEqual({
      outcomes: { kept: 1, partial: 1, unkept: 1, overdue: 0, open: 1 },
      fulfilmentRate: 25,
      satisfaction: { satisfied: 2, basic: 1, unsatisfied: 1 },
      satisfactionRate: 75,
    })
  })

  it('counts nothing for a plan never published, and null rates with nothing to count', () => {
    expect(planFigures('draft', [item(null)], NO_SATISFACTION)).toEqual({
      outcomes: { kept: 0, partial: 0, unkept: 0, overdue: 0, open: 0 },
      fulfilmentRate: null,
      satisfaction: NO_SATISFACTION,
      satisfactionRate: null,
    })
  })

  it('sums the members’ months into the branch’s', () => {
    const a = planFigures('published', [item('kept'), item('overdue')], { satisfied: 1, basic: 0, unsatisfied: 0 })
    const b = planFigures('published', [item('kept'), item('kept'), item('unkept')], { satisfied: 0, basic: 0, unsatisfied: 1 })
    expect(sumFigures([a, b])).toMatchObject({ outcomes: { kept: 3, overdue: 1, unkept: 1 }, fulfilmentRate: 60, satisfactionRate: 50 })
  })

  it('marks overdue at the close only the open items of a published plan', () => {
    expect(overdueCount('published', [item('kept'), item(null), item(null)])).toBe(2)
    expect(overdueCount('submitted', [item(null)])).toBe(0)
  })
})

describe('drafts', () => {
  const input = (itemId?: string) => ({ ...(itemId ? { itemId } : {}), text: '承诺', category: 'study' as const, measure: '标准' })
  let seq = 0
  const newId = () => `new${String((seq += 1)).padStart(3, '0')}`

  it('keeps the ids of items already in the draft and gives new ones fresh ids', () => {
    const out = draftItems(['aaaaaa', 'bbbbbb'], [input('bbbbbb'), input()], newId)
    expect('items' in out && out.items.map((i) => i.itemId)).toEqual(['bbbbbb', expect.stringMatching(/^new/)])
  })

  it.each([
    [[], [input('zzzzzz')], 0],
    [['aaaaaa'], [input(), input('zzzzzz')], 1],
    [['aaaaaa'], [input('aaaaaa'), input('aaaaaa')], 1],
  ])('refuses an id not in the draft (or named twice): %j %j → at %i', (existing, items, index) => {
    expect(draftItems(existing, items, newId)).toEqual({ unknownAt: index })
  })
})
