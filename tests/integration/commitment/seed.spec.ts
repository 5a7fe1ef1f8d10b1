import { demoPlanId, LAST_MONTH, M1, M2, RES, SEC, THIS_MONTH } from '../../support/integration/commitment-demo'
import { NO_BRANCH, startCommitmentWorld, type CommitmentWorld } from '../../support/integration/commitment-world'

/**
 * The demo commitments `npm start` seeds: last month's board of the first branch closed with outcomes,
 * versions and ratings and its figures kept; this month's published and in progress. What the function
 * answers about them is what a fresh local host shows.
 */
let w: CommitmentWorld

beforeAll(async () => {
  w = await startCommitmentWorld()
})

afterAll(async () => {
  await w.close()
})

type Json = Record<string, unknown>

interface Figures {
  outcomes: Record<string, number>
  fulfilmentRate: number | null
  satisfaction: Record<string, number>
  satisfactionRate: number | null
}

describe('demo commitments', () => {
  it('seeds last month closed: frozen plans, every item with an outcome, the figures kept', async () => {
    const board = await w.ok<{ status: string; figures: Figures; plans: { items: Json[] } }>(NO_BRANCH, { action: 'board', branchId: 'demo-branch-1', month: LAST_MONTH })
    expect(board.status).toBe('closed')
    expect(board.figures).toEqual({
      outcomes: { kept: 3, partial: 1, unkept: 1, overdue: 1, open: 0 },
      fulfilmentRate: 50,
      satisfaction: { satisfied: 2, basic: 2, unsatisfied: 1 },
      satisfactionRate: 80,
    })
    expect(board.plans.items).toHaveLength(3)
    const plans = (await w.cloud.backend.store.find('commitment_plans')).filter((p) => p.month === LAST_MONTH)
    expect(plans.every((p) => p.frozen === true && p.status === 'published')).toBe(true)
    for (const p of plans) for (const item of p.items as Array<{ outcome: unknown }>) expect(item.outcome).not.toBeNull()
  })

  it('seeds last month’s edit as a second version, its first text still readable', async () => {
    const plan = await w.ok<{ items: Array<{ text: string; revisions: number; versions: Array<{ text: string; reason: string | null }> }> }>(NO_BRANCH, {
      action: 'plan',
      planId: demoPlanId(M1, LAST_MONTH),
    })
    const revised = plan.items.find((i) => i.revisions === 1)
    expect(revised?.text).toBe('走访 3 户独居老人')
    expect(revised?.versions.map((v) => v.text)).toEqual(['走访 5 户独居老人', '走访 3 户独居老人'])
    expect(revised?.versions[1]?.reason).toBe('两户老人去子女家过冬，本月不在小区')
  })

  it('seeds this month in progress: published with progress, one plan in the secretary’s queue', async () => {
    const board = await w.ok<{ status: string; plans: { items: Array<{ planId: string; items: Array<{ percent: number }> }> } }>(RES, {
      action: 'board',
      branchId: 'demo-branch-1',
    })
    expect(board.status).toBe('published')
    expect(board.plans.items.map((p) => p.planId).sort()).toEqual([demoPlanId(SEC), demoPlanId(M1)].sort())
    expect(board.plans.items.flatMap((p) => p.items.map((i) => i.percent)).some((n) => n > 0)).toBe(true)
    const queue = await w.ok<{ items: Array<{ planId: string }> }>(SEC, { action: 'queue', month: THIS_MONTH })
    expect(queue.items.map((p) => p.planId)).toEqual([demoPlanId(M2)])
  })

  it('keeps each plan’s satisfaction counts equal to a recount of its ratings', async () => {
    const ratings = await w.cloud.backend.store.find('commitment_ratings')
    expect(ratings.length).toBeGreaterThanOrEqual(6)
    for (const p of await w.cloud.backend.store.find('commitment_plans')) {
      const recount = { satisfied: 0, basic: 0, unsatisfied: 0 }
      for (const r of ratings.filter((x) => x.planId === p._id)) recount[r.satisfaction as keyof typeof recount] += 1
      expect([p._id, p.satisfaction]).toEqual([p._id, recount])
    }
  })

  it('can be used at once: a resident rates, the member replies, the secretary exports', async () => {
    await w.ok(RES, { action: 'rate', planId: demoPlanId(M1), satisfaction: 'satisfied', comment: '书法课孩子们很喜欢' })
    const mine = (await w.ok<{ items: Array<{ ratingId: string; mine: boolean }> }>(RES, { action: 'ratings', planId: demoPlanId(M1) })).items.find((r) => r.mine)
    await w.ok(M1, { action: 'reply', planId: demoPlanId(M1), ratingId: mine?.ratingId, text: '谢谢支持' })
    expect(await w.ok(SEC, { action: 'exportLedger', month: THIS_MONTH })).toMatchObject({ rows: 4 })
  })
})
