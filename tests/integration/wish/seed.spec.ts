import { WISH_STATUSES } from '../../../cloudfunctions/contracts/rules/wish.rules'
import { expectBooksBalance, M1, M2, OTHER, RES, SEC, startWishWorld, type WishWorld } from '../../support/integration/wish-world'

/** The demo wishes `npm start` seeds: every state, with slots and figures as the function would keep them. */
let w: WishWorld

beforeAll(async () => {
  w = await startWishWorld()
})

afterAll(async () => {
  await w.close()
})

interface Page {
  items: Array<{ id: string; status: string }>
}

describe('demo wishes', () => {
  it('seeds a wish in every state, and the slots and figures agree with them', async () => {
    const wishes = await w.cloud.backend.store.find('wishes')
    expect(new Set(wishes.map((d) => d.status))).toEqual(new Set(WISH_STATUSES))
    await expectBooksBalance(w)
    const stats = await w.ok<{ funnel: Record<string, number>; satisfaction: Record<string, number> }>(SEC, { action: 'stats' })
    expect(stats.funnel).toEqual({ posted: 7, approved: 4, claimed: 3, fulfilled: 2, confirmed: 1 })
    expect(stats.satisfaction.satisfied).toBe(1)
  })

  it('can be used at once: the review queue, the open wishes of both branches, my wishes, my claims and the wall', async () => {
    expect((await w.ok<Page>(SEC, { action: 'list', scope: 'pending' })).items.map((i) => i.status)).toEqual(['pending'])
    const open = await w.ok<Page>(M2, { action: 'list' })
    expect(open.items.map((i) => i.id).sort()).toEqual(['Wdemo000002', 'Wdemo000008'])
    expect((await w.ok<Page>(RES, { action: 'mine' })).items.length).toBe(5)
    expect((await w.ok<Page>(M1, { action: 'myClaims' })).items.map((i) => i.id).sort()).toEqual(['Wdemo000003', 'Wdemo000005'])
    expect((await w.ok<Page>(OTHER, { action: 'wall' })).items.map((i) => i.id)).toEqual(['Wdemo000004', 'Wdemo000005'])
    expect(await w.errorCode(M2, { action: 'claim', wishId: 'Wdemo000002' })).toBe('WISH.OWN_WISH')
    expect(await w.ok(M2, { action: 'claim', wishId: 'Wdemo000008' })).toMatchObject({ status: 'claimed', fromOtherBranch: true })
    expect(await w.errorCode(OTHER, { action: 'get', wishId: 'Wdemo000001' })).toBe('WISH.NOT_FOUND')
    await expectBooksBalance(w)
  })

  it('leaves the demo claim alone when the timer fires on the first day', async () => {
    await w.ok(null, { Type: 'Timer', TriggerName: 'releaseIdle', Time: new Date().toISOString() })
    expect((await w.stored('Wdemo000003')).status).toBe('claimed')
  })
})
