import { M1, RES, SEC, startWishWorld, type Json, type WishWorld } from '../../support/integration/wish-world'

/**
 * The timer trigger (`releaseIdle`): WeChat calls the function with `{ Type: 'Timer', TriggerName, Time }`
 * and no caller. A claim with no progress for 14 days is released once, however often the trigger
 * fires; its claimer is warned 2 days before.
 */
let w: WishWorld
const TEMPLATE = 'local-wish-release'

beforeAll(async () => {
  w = await startWishWorld()
  process.env.WISH_RELEASE_TEMPLATE_ID = TEMPLATE
})

afterAll(async () => {
  delete process.env.WISH_RELEASE_TEMPLATE_ID
  await w.close()
})

const timerEvent = (extra: Json = {}) => ({ Type: 'Timer', TriggerName: 'releaseIdle', Time: new Date().toISOString(), ...extra })
const fire = () => w.ok<{ released: number; warned: number }>(null, timerEvent())
const daysAgo = (days: number, minutes = 1) => new Date(Date.now() - days * 24 * 60 * 60 * 1000 - minutes * 60_000)

async function idleClaim(days: number, minutes = 1): Promise<{ id: string; claimer: string }> {
  const claimer = await w.member()
  const id = await w.claimed(claimer)
  await w.patch(id, { idleSince: daysAgo(days, minutes), claimedAt: daysAgo(days, minutes) })
  return { id, claimer }
}

async function releasedEntries(id: string): Promise<number> {
  return ((await w.stored(id)).timeline as Array<{ actor: string }>).filter((e) => e.actor === 'system').length
}

async function messagesTo(openid: string): Promise<number> {
  return (await w.cloud.backend.outbox()).filter((m) => m.touser === openid && m.templateId === TEMPLATE).length
}

describe('wish.releaseIdle: who may run it', () => {
  it('runs for a timer trigger, which has no caller', async () => {
    expect(await fire()).toEqual({ released: expect.any(Number), warned: expect.any(Number) })
    expect(await w.ok(null, timerEvent({ Type: 'timer' }))).toEqual({ released: expect.any(Number), warned: expect.any(Number) })
  })

  it.each<[string, string | null, Json]>([
    ['the timer event sent from the app (a caller is signed in)', M1, timerEvent()],
    ['the timer event sent by the secretary', SEC, timerEvent()],
    ['the action called by name by a member', M1, { action: 'releaseIdle' }],
    ['the action called by name without a caller', null, { action: 'releaseIdle' }],
    ['a timer event naming another action', null, timerEvent({ TriggerName: 'claim' })],
    ['a timer event naming another action, from the app', M1, timerEvent({ TriggerName: 'stats' })],
  ])('refuses %s and releases nothing', async (_label, openid, event) => {
    const { id } = await idleClaim(15)
    const before = await w.snapshot()
    expect(await w.errorCode(openid, event)).toBe('AUTH.FORBIDDEN')
    expect(await w.snapshot()).toBe(before)
    expect((await w.stored(id)).status).toBe('claimed')
    // Released by the real trigger, so the next case starts clean.
    await fire()
    expect((await w.stored(id)).status).toBe('open')
  })
})

describe('wish.releaseIdle: idle claims', () => {
  it('releases a claim idle for 14 days exactly once when the trigger fires twice', async () => {
    const { id, claimer } = await idleClaim(14)
    const statsBefore = await w.ok<{ released: number; current: { open: number; claimed: number } }>(SEC, { action: 'stats' })
    await fire()
    await fire()
    const stored = await w.stored(id)
    expect(stored).toMatchObject({ status: 'open', claimer: null, idleSince: null })
    expect(await releasedEntries(id)).toBe(1)
    const statsAfter = await w.ok<{ released: number; current: { open: number; claimed: number } }>(SEC, { action: 'stats' })
    expect(statsAfter.released - statsBefore.released).toBe(1)
    expect(statsAfter.current.claimed - statsBefore.current.claimed).toBe(-1)

    // On the record for the poster, by 系统; the place is free again and the wish is open to claim.
    const seen = await w.ok<{ timeline: Array<{ by: string; to: string; reason: string | null }> }>(RES, { action: 'get', wishId: id })
    expect(seen.timeline.at(-1)).toEqual({ at: expect.any(String), by: '系统', from: 'claimed', to: 'open', reason: '14 天没有进展，自动释放' })
    expect((await w.ok<{ items: Array<{ id: string }> }>(claimer, { action: 'myClaims' })).items.map((i) => i.id)).not.toContain(id)
    const [slot] = await w.cloud.backend.store.find('wish_slots', { _id: `claimer_${claimer}` })
    expect(slot?.wishIds).toEqual([])
    expect(await w.ok(await w.member(), { action: 'claim', wishId: id })).toMatchObject({ status: 'claimed' })
  })

  it('releases exactly once when two runs of the trigger overlap', async () => {
    const claims = await Promise.all([idleClaim(20), idleClaim(14, 5), idleClaim(30)])
    const runs = await Promise.all([fire(), fire(), fire()])
    expect(runs.reduce((n, r) => n + r.released, 0)).toBe(3)
    for (const { id } of claims) {
      expect((await w.stored(id)).status).toBe('open')
      expect(await releasedEntries(id)).toBe(1)
    }
  })

  it('warns the claimer 2 days before, once per idle spell, and a progress note starts the clock again', async () => {
    const { id, claimer } = await idleClaim(12)
    await fire()
    await fire()
    const stored = await w.stored(id)
    expect(stored.status).toBe('claimed')
    expect(stored.releaseWarnedAt).toBeTruthy()
    expect(await messagesTo(claimer)).toBe(1)
    const [message] = (await w.cloud.backend.outbox()).filter((m) => m.touser === claimer)
    expect(message?.page).toContain(`wish-detail/index?id=${id}`)
    const detail = await w.ok<{ releaseAt: string; releaseWarnedAt: string | null }>(claimer, { action: 'get', wishId: id })
    expect(detail.releaseWarnedAt).not.toBeNull()
    expect(Date.parse(detail.releaseAt) - Date.now()).toBeLessThan(2 * 24 * 3600 * 1000)

    const after = await w.ok<{ releaseWarnedAt: string | null; releaseAt: string }>(claimer, { action: 'addProgress', wishId: id, note: '本周内送到' })
    expect(after.releaseWarnedAt).toBeNull()
    expect(Date.parse(after.releaseAt) - Date.now()).toBeGreaterThan(13.9 * 24 * 3600 * 1000)
    await fire()
    expect((await w.stored(id)).status).toBe('claimed')
    expect(await messagesTo(claimer)).toBe(1)
  })

  it('leaves alone a claim with recent progress, however old the claim', async () => {
    const claimer = await w.member()
    const id = await w.claimed(claimer)
    await w.patch(id, { claimedAt: daysAgo(30) })
    await w.ok(claimer, { action: 'addProgress', wishId: id, note: '材料已买齐' })
    await w.patch(id, { idleSince: daysAgo(13, -60) })
    await fire()
    expect(await w.stored(id)).toMatchObject({ status: 'claimed', releaseWarnedAt: expect.anything() })
    await w.patch(id, { idleSince: daysAgo(1) })
    await fire()
    expect((await w.stored(id)).status).toBe('claimed')
  })

  it('does not release a claim the poster sent back with 不满意 until it is idle again', async () => {
    const claimer = await w.member()
    const id = await w.fulfilled(claimer)
    await w.patch(id, { claimedAt: daysAgo(20) })
    await w.ok(RES, { action: 'confirm', wishId: id, satisfaction: 'unsatisfied', reason: '尺寸不对', showProofOnWall: false })
    await fire()
    expect((await w.stored(id)).status).toBe('claimed')
    await w.patch(id, { idleSince: daysAgo(14) })
    await fire()
    expect((await w.stored(id)).status).toBe('open')
  })
})
