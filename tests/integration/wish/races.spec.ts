import type { Envelope } from '../../../cloudfunctions/contracts'
import { expectBooksBalance, RES, startWishWorld, type Json, type WishWorld } from '../../support/integration/wish-world'

/**
 * Races made impossible by construction (docs/architecture.md "Rules that hold everywhere"): each move
 * judges the wish inside the transaction that changes it, with the slots and the figures.
 */
let w: WishWorld

beforeAll(async () => {
  w = await startWishWorld()
})

afterAll(async () => {
  await w.close()
})

const codeOf = (res: Envelope<unknown>) => (res.ok ? 'ok' : res.error.code)
const timerEvent = () => ({ Type: 'Timer', TriggerName: 'releaseIdle', Time: new Date().toISOString() })
const daysAgo = (n: number) => new Date(Date.now() - n * 24 * 60 * 60 * 1000 - 60_000)

/**
 * Runs the calls with `width` in flight at a time, in order: in the cloud each in-flight call is its own
 * function instance; one test process shares the SDK's pool of 100 sockets.
 */
async function burst(calls: Array<() => Promise<Envelope<unknown>>>, width = 50): Promise<Array<Envelope<unknown>>> {
  const results: Array<Envelope<unknown>> = new Array(calls.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(width, calls.length) }, async () => {
      while (next < calls.length) {
        const i = next
        next += 1
        results[i] = await (calls[i] as () => Promise<Envelope<unknown>>)()
      }
    }),
  )
  return results
}

describe('wish races', () => {
  it('gives one wish to exactly one of 50 members claiming it at once; the others are told 已被认领', async () => {
    const id = await w.open()
    const members = await w.addPeople('one-of-fifty', 50)
    const results = await Promise.all(members.map((m) => w.call(m, { action: 'claim', wishId: id })))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const losers = results.filter((r) => !r.ok)
    expect(new Set(losers.map(codeOf))).toEqual(new Set(['WISH.ALREADY_CLAIMED']))
    for (const r of losers) expect(r.ok ? '' : r.error.message).toContain('已被认领')
    const stored = await w.stored(id)
    const winner = members[results.findIndex((r) => r.ok)]
    expect((stored.claimer as { openid: string }).openid).toBe(winner)
    expect((stored.timeline as Array<{ to: string }>).filter((e) => e.to === 'claimed')).toHaveLength(1)
    await expectBooksBalance(w)
  })

  it('lets one member claiming 10 wishes at once hold exactly 3', async () => {
    const targets = await Promise.all(Array.from({ length: 10 }, () => w.open()))
    const [member] = await w.addPeople('ten-at-once', 1)
    const results = await Promise.all(targets.map((id) => w.call(member as string, { action: 'claim', wishId: id })))
    expect(results.filter((r) => r.ok)).toHaveLength(3)
    expect(new Set(results.filter((r) => !r.ok).map(codeOf))).toEqual(new Set(['WISH.CLAIM_LIMIT']))
    await expectBooksBalance(w)
  })

  it('gives 100 wishes to 100 winners when 200 members claim them at once, none holding more than 3', async () => {
    const targets: string[] = []
    for (let i = 0; i < 100; i += 1) targets.push(await w.open({ overrides: { title: `心愿 ${i}` } }))
    const members = await w.addPeople('two-hundred', 200)
    // Each member goes for 5 wishes, side by side (the race that could let one hold more than 3).
    const calls = members.flatMap((m, i) => [0, 1, 2, 3, 4].map((k) => () => w.call(m, { action: 'claim', wishId: targets[(i * 7 + k * 13) % 100] })))
    const results = await burst(calls)
    const wins = results.filter((r) => r.ok)
    expect(new Set(results.filter((r) => !r.ok).map(codeOf))).toEqual(new Set(['WISH.ALREADY_CLAIMED', 'WISH.CLAIM_LIMIT']))

    const stored = await w.cloud.backend.store.find('wishes', { _id: { $in: targets } })
    expect(stored.filter((d) => d.status === 'claimed')).toHaveLength(wins.length)
    expect(wins).toHaveLength(100)
    const perMember = new Map<string, number>()
    for (const d of stored) {
      const openid = (d.claimer as { openid: string }).openid
      perMember.set(openid, (perMember.get(openid) ?? 0) + 1)
    }
    expect(Math.max(...perMember.values())).toBeLessThanOrEqual(3)
    await expectBooksBalance(w)
  })

  it('settles a claim racing a withdrawal one way or the other, never both', async () => {
    for (let round = 0; round < 8; round += 1) {
      const id = await w.open()
      const claimer = await w.member()
      const [claim, withdraw] = await Promise.all([w.call(claimer, { action: 'claim', wishId: id }), w.call(RES, { action: 'withdraw', wishId: id })])
      expect([claim.ok, withdraw.ok].filter(Boolean)).toHaveLength(1)
      const stored = await w.stored(id)
      if (claim.ok) {
        expect(codeOf(withdraw)).toBe('WISH.ALREADY_CLAIMED')
        expect(stored.status).toBe('claimed')
      } else {
        expect(codeOf(claim)).toBe('WISH.NOT_FOUND')
        expect(stored.status).toBe('withdrawn')
      }
    }
    await expectBooksBalance(w)
  })

  it('settles the timer’s release racing a fulfilment one way or the other', async () => {
    for (let round = 0; round < 5; round += 1) {
      const claimer = await w.member()
      const id = await w.claimed(claimer)
      await w.patch(id, { idleSince: daysAgo(15) })
      const photo = await w.upload(`wish-photos/race-${id}.jpg`)
      const [timer, fulfil] = await Promise.all([
        w.call(null, timerEvent()),
        w.call(claimer, { action: 'fulfil', wishId: id, note: '完成了', photos: [photo] }),
      ])
      expect(timer.ok).toBe(true)
      const stored = await w.stored(id)
      if (fulfil.ok) {
        expect(stored.status).toBe('fulfilled')
        expect((stored.timeline as Array<{ to: string }>).map((e) => e.to)).toEqual(['pending', 'open', 'claimed', 'fulfilled'])
      } else {
        expect(['WISH.NOT_CLAIMER', 'WISH.WRONG_STATE']).toContain(codeOf(fulfil))
        expect(stored.status).toBe('open')
        expect(stored.fulfilment).toBeNull()
      }
    }
    await expectBooksBalance(w)
  })

  it.each([
    ['满意 against 不满意', 'satisfied', 'unsatisfied'],
    ['满意 twice', 'satisfied', 'satisfied'],
  ])('settles two confirmations at once (%s): one counts', async (_label, first, second) => {
    const [statsBefore] = await w.cloud.backend.store.find('wish_stats', { _id: 'demo-branch-1' })
    const id = await w.fulfilled(await w.member())
    const confirm = (satisfaction: string): Json => ({ action: 'confirm', wishId: id, satisfaction, reason: '不合适', showProofOnWall: false })
    const results = await Promise.all([w.call(RES, confirm(first)), w.call(RES, confirm(second))])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(codeOf(results.find((r) => !r.ok) as Envelope<unknown>)).toBe('WISH.WRONG_STATE')
    const stored = await w.stored(id)
    expect((stored.timeline as Array<{ from: string }>).filter((e) => e.from === 'fulfilled')).toHaveLength(1)
    const [statsAfter] = await w.cloud.backend.store.find('wish_stats', { _id: 'demo-branch-1' })
    const satisfied = (s: Json | undefined) => ((s?.satisfaction ?? {}) as Record<string, number>).satisfied ?? 0
    expect(satisfied(statsAfter) - satisfied(statsBefore)).toBe(stored.status === 'confirmed' ? 1 : 0)
    await expectBooksBalance(w)
  })

  it('keeps a beneficiary to 3 unfinished wishes when 20 posts for them arrive at once', async () => {
    const phone = w.phone()
    const results = await Promise.all(Array.from({ length: 20 }, () => w.call(RES, w.postInput({ phone }))))
    expect(results.filter((r) => r.ok)).toHaveLength(3)
    expect(new Set(results.filter((r) => !r.ok).map(codeOf))).toEqual(new Set(['WISH.OPEN_LIMIT']))
    expect(await w.count('wishes', { 'beneficiary.phone': phone })).toBe(3)
    await expectBooksBalance(w)
  })
})
