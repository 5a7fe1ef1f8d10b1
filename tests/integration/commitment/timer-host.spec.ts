import type { RunningHost } from '../../../cloudfunctions/emulator/host'
import { addMonths, beijingMonthOf } from '../../../cloudfunctions/contracts/rules/commitment.rules'
import { planIdOf } from '../../../cloudfunctions/modules/commitments/commitment.rules'
import { buildFunction, call, createHostWorld, errorCodeOf, type HostWorld } from '../../support/host/host-test-kit'

/**
 * The commitment function's timer trigger as the local host runs it (docs/local-cloud.md "Timer
 * triggers"): declared in cloudbaserc.json, written to its config.json by the build, fired on demand by
 * `POST /dev/triggers/commitment/hourly` with the timer event and no caller, on the real clock.
 */
interface TriggerState {
  function: string
  name: string
  config: string
  nextAt: string | null
}

const fire = async (host: RunningHost, name: string) => {
  const res = await fetch(`${host.url}/dev/triggers/commitment/${name}`, { method: 'POST' })
  return { status: res.status, body: (await res.json()) as unknown }
}

describe('host: the commitment timers', () => {
  let world: HostWorld
  let host: RunningHost
  // Two months ago on the real clock: always past its result deadline (the 5th of last month).
  const month = addMonths(beijingMonthOf(Date.now()), -2)
  const openid = 'cm-host-member'
  const planId = planIdOf(month, openid)

  beforeAll(async () => {
    world = await createHostWorld()
    await buildFunction(world, 'commitment')
    host = await world.start({ instances: 1, timers: false })
    const at = new Date(Date.now() - 70 * 24 * 3600_000)
    const item = (itemId: string) => ({
      itemId,
      versions: [{ version: 1, text: '每周值班一次', category: 'service', measure: '4 次', reason: null, at }],
      progress: [],
      outcome: null,
    })
    await host.store.insert('commitment_plans', [
      {
        _id: planId,
        openid,
        memberKey: planId.slice(7),
        branchId: 'demo-branch-1',
        month,
        name: '值班党员',
        status: 'published',
        rev: 1,
        frozen: false,
        items: [item('aaaaaa'), item('bbbbbb')],
        returnReason: null,
        submittedAt: at,
        publishedAt: at,
        updatedAt: at,
        createdAt: at,
        satisfaction: { satisfied: 0, basic: 0, unsatisfied: 0 },
        figures: null,
      },
    ])
  }, 120_000)

  afterAll(async () => {
    await world.dispose()
  })

  it('lists one trigger, hourly, as WeChat Cloud takes one per function', async () => {
    const list = (await (await fetch(`${host.url}/dev/triggers`)).json()) as TriggerState[]
    const mine = list.filter((t) => t.function === 'commitment')
    expect(mine).toEqual([expect.objectContaining({ name: 'hourly', config: '0 0 * * * * *' })])
    expect(mine[0]?.nextAt).toMatch(/T\d\d:00:00\.000Z$/)
  })

  it('closes a month past its deadline when hourly is fired from the dev route, and changes nothing the second time', async () => {
    const first = await fire(host, 'hourly')
    expect(first.status).toBe(200)
    const ran = (first.body as { ok: boolean; data: { close: { closed: number; overdueItems: number } } }).data.close
    expect(ran.closed).toBeGreaterThanOrEqual(1)
    expect(ran.overdueItems).toBeGreaterThanOrEqual(2)
    const [plan] = await host.store.find('commitment_plans', { _id: planId })
    expect(plan).toMatchObject({ frozen: true, rev: 2 })
    expect((plan?.items as Array<{ outcome: { outcome: string } }>).map((i) => i.outcome.outcome)).toEqual(['overdue', 'overdue'])
    const [board] = await host.store.find('commitment_boards', { _id: `demo-branch-1_${month.replace('-', '')}` })
    expect(board).toMatchObject({ status: 'closed', plans: 1 })

    const second = await fire(host, 'hourly')
    expect(second).toMatchObject({ status: 200, body: { ok: true, data: { close: { closed: 0, overdueItems: 0 } } } })
    const [again] = await host.store.find('commitment_plans', { _id: planId })
    expect(again?.rev).toBe(2)
  })

  it('refuses the app calling hourly', async () => {
    expect(errorCodeOf(await call(host.url, 'commitment', 'demo-secretary', { action: 'hourly' }))).toBe('AUTH.FORBIDDEN')
    expect(errorCodeOf(await call(host.url, 'commitment', 'demo-secretary', { Type: 'Timer', TriggerName: 'hourly', Time: new Date().toISOString() }))).toBe('AUTH.FORBIDDEN')
  })
})
