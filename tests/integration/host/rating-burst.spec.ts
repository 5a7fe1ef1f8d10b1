import type { RunningHost } from '../../../cloudfunctions/emulator/host'
import { buildFunction, call, createHostWorld, dataOf, type HostWorld, type Reply } from '../../support/host/host-test-kit'

/**
 * 评议 under a real burst: 100 attendees submit and revise at the same moment, 200 requests in flight
 * at once through the host — as in the cloud, where each in-flight call gets its own instance with its
 * own connections (here a pool of instances, one request each, the rest queued). The aggregate kept
 * on the lecture must equal a recomputation from the stored ratings, and the held batch must be
 * exactly the ratings not yet released.
 */
describe('host: 200 rating submissions in flight at once', () => {
  let world: HostWorld
  let host: RunningHost

  beforeAll(async () => {
    world = await createHostWorld()
    await buildFunction(world, 'lecture')
    await buildFunction(world, 'rating')
    host = await world.start({ instances: 4 })
  })

  afterAll(async () => {
    await world.dispose()
  })

  it('counts each of 100 people once, with their latest scores, whatever the interleaving', async () => {
    const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString()
    const lecture = dataOf<{ id: string }>(
      await call(host.url, 'lecture', 'demo-secretary', {
        action: 'create',
        title: '评议压力测试党课',
        speaker: { name: '党校刘老师' },
        startAt: minutes(-10),
        endAt: minutes(50),
        location: { name: '社区党群服务中心' },
      }),
    )
    dataOf(await call(host.url, 'lecture', 'demo-secretary', { action: 'publish', lectureId: lecture.id }))

    const people = Array.from({ length: 100 }, (_, i) => `burst-rater-${String(i).padStart(3, '0')}`)
    const at = new Date()
    await host.store.insert(
      'members',
      people.map((openid, i) => ({ _id: openid, openid, name: `评议人${i}`, phone: '', post: '', avatar: '', role: 'member', branchId: 'demo-branch-1', joinedAt: at, updatedAt: at })),
    )
    // The secretary registers them all at once (补录): the count on the lecture must end at 100.
    const marked = await Promise.all(
      people.map((openid) => call(host.url, 'lecture', 'demo-secretary', { action: 'markAttendance', lectureId: lecture.id, openid, present: true, reason: '现场登记' })),
    )
    expect(marked.filter((r) => (r.body as { ok: boolean }).ok !== true)).toEqual([])

    // Each person twice, side by side: their first rating and its revision race each other.
    const submissions = people.flatMap((p) => [p, p]).map((openid, i) => ({
      openid,
      scores: { attitude: 1 + (i % 5), content: 1 + ((i * 3) % 5), form: 1 + ((i * 7) % 5), effect: 1 + ((i * 11) % 5) },
    }))
    const replies: Reply[] = await Promise.all(
      submissions.map((s) => call(host.url, 'rating', s.openid, { action: 'submit', lectureId: lecture.id, scores: s.scores })),
    )
    expect(replies.filter((r) => r.status !== 200 || (r.body as { ok: boolean }).ok !== true).map((r) => JSON.stringify(r.body))).toEqual([])

    const ratings = (await host.store.find('ratings', { lectureId: lecture.id })) as Array<{ scores: Record<string, number>; batch: number }>
    expect(ratings).toHaveLength(100)
    const [doc] = (await host.store.find('lectures', { _id: lecture.id })) as Array<{
      rating: { count: number; batch: number; sums: Record<string, number>; dist: Record<string, Record<string, number>>; held: { count: number; sums: Record<string, number> } }
    }>
    const agg = doc?.rating
    expect(agg?.count).toBe(100)
    for (const d of ['attitude', 'content', 'form', 'effect']) {
      const values = ratings.map((r) => r.scores[d] ?? 0)
      expect([d, agg?.sums[d]]).toEqual([d, values.reduce((a, b) => a + b, 0)])
      for (let v = 1; v <= 5; v += 1) expect([d, v, agg?.dist[d]?.[`s${v}`] ?? 0]).toEqual([d, v, values.filter((x) => x === v).length])
      // What is held back is exactly the ratings of the batch still gathering.
      const held = ratings.filter((r) => r.batch === agg?.batch)
      expect([d, agg?.held.sums[d] ?? 0]).toEqual([d, held.reduce((n, r) => n + (r.scores[d] ?? 0), 0)])
    }
    // 100 raters in batches of 3: 33 released, 1 still gathering.
    expect({ batch: agg?.batch, held: agg?.held.count }).toEqual({ batch: 33, held: 1 })

    const summary = dataOf<{ count: number; heldCount: number; attendees: number; responseRate: number }>(await call(host.url, 'rating', 'demo-secretary', { action: 'summary', lectureId: lecture.id }))
    expect(summary).toMatchObject({ count: 99, heldCount: 1, attendees: 100, responseRate: 0.99 })
  })
})
