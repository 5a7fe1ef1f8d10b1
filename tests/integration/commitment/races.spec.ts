import type { Envelope } from '../../../cloudfunctions/contracts'
import { MOMENT, MONTH, startCommitmentWorld, type CommitmentWorld, type Json } from '../../support/integration/commitment-world'

/**
 * Races made impossible by construction (docs/architecture.md "Commitment months"): every write to a
 * plan is conditional on its `rev`, the board moves by conditional updates, and the close freezes a plan
 * in one conditional write that a late result wins or loses as a whole.
 */
let w: CommitmentWorld

beforeAll(async () => {
  w = await startCommitmentWorld()
})

afterAll(async () => {
  await w.close()
})

beforeEach(() => {
  w.at(MOMENT.running)
})

const codeOf = (res: Envelope<unknown>) => (res.ok ? 'ok' : res.error.code)

interface StoredItem {
  itemId: string
  versions: Array<{ version: number; text: string }>
  progress: unknown[]
  outcome: { outcome: string } | null
}
interface StoredPlan {
  frozen: boolean
  rev: number
  items: StoredItem[]
  figures: { outcomes: Record<string, number> } | null
}

const plan = async (planId: string) => (await w.stored('commitment_plans', planId)) as unknown as StoredPlan

/** The figures kept on a frozen plan agree with its items as stored. */
function expectFiguresAgree(p: StoredPlan): void {
  const count = (o: string) => p.items.filter((i) => (i.outcome?.outcome ?? 'open') === o).length
  expect(p.figures?.outcomes).toEqual({ kept: count('kept'), partial: count('partial'), unkept: count('unkept'), overdue: count('overdue'), open: count('open') })
}

describe('commitment races', () => {
  it('gives two edits of one item one new version and a clear refusal, never a lost write', async () => {
    for (let round = 0; round < 5; round += 1) {
      const b = await w.branch()
      const [planId] = await w.board(b)
      const [itemId] = await w.itemIds(planId)
      const revise = (text: string) =>
        w.call(b.members[0], { action: 'revise', planId, itemId, version: 1, text, category: 'service', measure: '2 次', reason: '时间有变' })
      const results = await Promise.all([revise('第一个窗口里的改法'), revise('第二个窗口里的改法')])
      expect(results.map(codeOf).sort()).toEqual(['COMMITMENT.STALE', 'ok'])
      const loser = results.find((r) => !r.ok)
      expect(loser && !loser.ok ? loser.error.message : '').toContain('刷新')
      const item = (await plan(planId)).items[0] as StoredItem
      expect(item.versions).toHaveLength(2)
      const winner = results.findIndex((r) => r.ok)
      expect(item.versions[1]?.text).toBe(winner === 0 ? '第一个窗口里的改法' : '第二个窗口里的改法')
    }
  })

  it('keeps both of two progress posts made at once', async () => {
    const b = await w.branch()
    const [planId] = await w.board(b)
    const [itemId] = await w.itemIds(planId)
    const results = await Promise.all(
      [20, 40, 60].map((percent) => w.call(b.members[0], { action: 'addProgress', planId, itemId, percent, note: `完成 ${percent}%` })),
    )
    expect(results.map(codeOf)).toEqual(['ok', 'ok', 'ok'])
    expect((await plan(planId)).items[0]?.progress).toHaveLength(3)
  })

  it('makes one plan of a member’s first draft saved twice at once', async () => {
    const b = await w.branch()
    const results = await Promise.all([w.call(b.members[0], { action: 'saveDraft', month: MONTH, items: w.items(1) }), w.call(b.members[0], { action: 'saveDraft', month: MONTH, items: w.items(2) })])
    expect(results.map(codeOf)).toEqual(['ok', 'ok'])
    expect(await w.count('commitment_plans', { openid: b.members[0] })).toBe(1)
  })

  it('publishes a board once when its secretary taps twice', async () => {
    const b = await w.branch()
    await w.published(b.members[0], b.secretary)
    const results = await Promise.all([0, 1].map(() => w.call(b.secretary, { action: 'publishBoard', month: MONTH })))
    expect(results.map(codeOf).sort()).toEqual(['COMMITMENT.WRONG_STATE', 'ok'])
  })

  it('settles the close racing a late result one way or the other, the kept figures agreeing with the items', async () => {
    for (let round = 0; round < 6; round += 1) {
      const b = await w.branch()
      const [p1, p2] = await w.board(b)
      w.at(MOMENT.results)
      for (const [k, planId] of [p1, p2].entries()) {
        for (const itemId of await w.itemIds(planId)) await w.ok(b.members[k] as string, { action: 'setOutcome', planId, itemId, outcome: 'kept', evidence: '完成' })
      }
      const [itemId] = await w.itemIds(p1)
      const late: Json = { action: 'setOutcome', planId: p1, itemId, outcome: 'unkept', evidence: '重新核对后未完成', reason: '记录不全' }
      const [close, result] = await Promise.all([w.call(b.secretary, { action: 'closeMonth', month: MONTH }), w.call(b.members[0], late)])
      expect(codeOf(close)).toBe('ok')
      const stored = await plan(p1)
      expect(stored.frozen).toBe(true)
      expectFiguresAgree(stored)
      if (result.ok) {
        expect(stored.items[0]?.outcome?.outcome).toBe('unkept')
      } else {
        expect(codeOf(result)).toBe('COMMITMENT.FROZEN')
        expect(stored.items[0]?.outcome?.outcome).toBe('kept')
      }
      const board = await w.ok<{ figures: { outcomes: Record<string, number> } }>(b.resident, { action: 'board', branchId: b.id, month: MONTH })
      expect(board.figures.outcomes.unkept).toBe(result.ok ? 1 : 0)
      expect(board.figures.outcomes.kept).toBe(result.ok ? 3 : 4)
    }
  })

  it('closes a month once when the secretary and the timer close it at the same time, and a second close changes nothing', async () => {
    const b = await w.branch()
    const [planId] = await w.board(b)
    w.at(MOMENT.due)
    const timer = { Type: 'Timer', TriggerName: 'hourly', Time: MOMENT.due }
    const [byHand, byTimer] = await Promise.all([w.call(b.secretary, { action: 'closeMonth', month: MONTH }), w.call(null, timer)])
    expect(codeOf(byHand) === 'ok' || codeOf(byHand) === 'COMMITMENT.WRONG_STATE').toBe(true)
    expect(codeOf(byTimer)).toBe('ok')
    const stored = await plan(planId)
    expect(stored.items.map((i) => i.outcome?.outcome)).toEqual(['overdue', 'overdue'])
    expectFiguresAgree(stored)
    const board = await w.stored('commitment_boards', `${b.id}_202612`)
    expect(board).toMatchObject({ status: 'closed', plans: 2 })

    const before = await w.snapshot()
    expect(await w.errorCode(b.secretary, { action: 'closeMonth', month: MONTH })).toBe('COMMITMENT.WRONG_STATE')
    expect(await w.ok(null, timer)).toMatchObject({ close: { closed: 0, overdueItems: 0 } })
    expect(await w.snapshot()).toBe(before)
  })
})
