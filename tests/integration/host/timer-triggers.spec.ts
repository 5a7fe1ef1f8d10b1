import type { RunningHost } from '../../../cloudfunctions/emulator/host'
import { DEMO_OPENIDS } from '../../../cloudfunctions/emulator/seed'
import { buildFunction, call, createHostWorld, errorCodeOf, writeFunctionConfig, type HostWorld } from '../../support/host/host-test-kit'

/**
 * The host runs each function's timer triggers as WeChat Cloud does: declared in the function's
 * config.json, on a 7-field cron schedule in Beijing time, with the event `{ Type: 'Timer', TriggerName,
 * Time }` and no caller; `POST /dev/triggers/<fn>/<name>` fires one on demand.
 */
interface TriggerState {
  function: string
  name: string
  config: string
  nextAt: string | null
  runs: Array<{ at: string; by: string; outcome: string; result?: { ok: boolean; data: { event: Record<string, unknown>; openid: unknown; appid: unknown } } }>
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function triggers(host: RunningHost): Promise<TriggerState[]> {
  return (await (await fetch(`${host.url}/dev/triggers`)).json()) as TriggerState[]
}

async function fire(host: RunningHost, path: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${host.url}/dev/triggers/${path}`, { method: 'POST' })
  return { status: res.status, body: await res.json() }
}

describe('host: timer triggers', () => {
  let world: HostWorld
  let host: RunningHost

  beforeAll(async () => {
    world = await createHostWorld()
    await writeFunctionConfig(world, 'probe', {
      permissions: { openapi: [] },
      triggers: [
        { name: 'everySecond', type: 'timer', config: '* * * * * * *' },
        { name: 'newYear2099', type: 'timer', config: '0 0 0 1 1 * 2099' },
        { name: 'badSchedule', type: 'timer', config: '0 0 * * *' },
      ],
    })
    await buildFunction(world, 'wish')
    host = await world.start({ instances: 1 })
  }, 60_000)

  afterAll(async () => {
    await world.dispose()
  })

  it('lists the triggers the functions declare in config.json, with their next instant', async () => {
    const list = await triggers(host)
    const named = (fn: string, name: string) => list.find((t) => t.function === fn && t.name === name)
    expect(named('wish', 'releaseIdle')).toMatchObject({ config: '0 0 * * * * *' })
    // Hourly on the hour, Beijing time (whole hours agree with UTC).
    expect(named('wish', 'releaseIdle')?.nextAt).toMatch(/T\d\d:00:00\.000Z$/)
    expect(named('probe', 'newYear2099')?.nextAt).toBe('2098-12-31T16:00:00.000Z')
    // A schedule the console would refuse is not run.
    expect(named('probe', 'badSchedule')).toBeUndefined()
  })

  it('fires a trigger on its schedule, with the timer event and no caller', async () => {
    let runs: TriggerState['runs'] = []
    for (let i = 0; i < 100 && runs.length === 0; i += 1) {
      await delay(100)
      runs = (await triggers(host)).find((t) => t.function === 'probe' && t.name === 'everySecond')?.runs.filter((r) => r.by === 'schedule') ?? []
    }
    const [run] = runs
    expect(run).toMatchObject({ by: 'schedule', outcome: 'result' })
    expect(run?.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(run?.result?.data.event).toEqual({ Type: 'Timer', TriggerName: 'everySecond', Time: run?.at })
    expect(run?.result?.data.openid).toBeNull()
    expect(run?.result?.data.appid).toBeNull()
  })

  it('fires a trigger on demand through the dev route, still without a caller', async () => {
    const fired = await fire(host, 'probe/newYear2099')
    expect(fired.status).toBe(200)
    const body = fired.body as { ok: boolean; data: { event: { Type: string; TriggerName: string; Time: string }; openid: unknown } }
    expect(body.data.event).toMatchObject({ Type: 'Timer', TriggerName: 'newYear2099' })
    expect(Math.abs(Date.parse(body.data.event.Time) - Date.now())).toBeLessThan(5000)
    expect(body.data.openid).toBeNull()
    const state = (await triggers(host)).find((t) => t.name === 'newYear2099')
    expect(state?.runs.at(-1)).toMatchObject({ by: 'dev', outcome: 'result' })
  })

  it("runs the wish function's releaseIdle through its declared trigger", async () => {
    const fired = await fire(host, 'wish/releaseIdle')
    expect(fired).toEqual({ status: 200, body: { ok: true, data: { released: expect.any(Number), warned: expect.any(Number) } } })
  })

  it('refuses an app call that pretends to be the timer', async () => {
    const event = { Type: 'Timer', TriggerName: 'releaseIdle', Time: '2026-12-06T16:00:00Z' }
    expect(errorCodeOf(await call(host.url, 'wish', DEMO_OPENIDS.secretary, event))).toBe('AUTH.FORBIDDEN')
    expect(errorCodeOf(await call(host.url, 'wish', DEMO_OPENIDS.member1, { action: 'releaseIdle' }))).toBe('AUTH.FORBIDDEN')
    // Without a caller the app cannot call at all: the host, like WeChat, has no anonymous callFunction.
    expect(errorCodeOf(await call(host.url, 'wish', null, event))).toBe('AUTH.REQUIRED')
  })

  it('answers 404 for a trigger nobody declared and 405 for a GET that would fire', async () => {
    expect(await fire(host, 'wish/claim')).toMatchObject({ status: 404, body: { ok: false, error: { code: 'DEV.UNKNOWN_TRIGGER' } } })
    expect((await fire(host, 'nosuch/releaseIdle')).status).toBe(404)
    expect((await fire(host, 'probe/badSchedule')).status).toBe(404)
    expect((await fetch(`${host.url}/dev/triggers/wish/releaseIdle`)).status).toBe(405)
  })
})
