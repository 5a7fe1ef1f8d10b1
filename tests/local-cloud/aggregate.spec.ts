import { failure, openHarness, result, type AggregateResult, type Harness } from '../support/sdk/sdk-harness'

/** docs/local-cloud.md "Aggregation": `aggregate()…end()` evaluated over the collection with MongoDB semantics. */
let h: Harness

beforeAll(async () => {
  h = await openHarness()
  // 30 ratings over 3 lectures: lecture k gets scores that average to k + 2.
  const ratings = Array.from({ length: 30 }, (_, i) => {
    const lecture = `L${(i % 3) + 1}`
    const base = (i % 3) + 2
    return { _id: `r${i}`, lectureId: lecture, score: base + (i % 2 === 0 ? 1 : -1) * (i % 6 < 3 ? 0 : 1), tags: ['t1', `t${i % 2}`] }
  })
  await h.local.backend.store.insert('ratings', ratings)
  await h.local.backend.store.insert('lectures', [
    { _id: 'L1', title: '党史' },
    { _id: 'L2', title: '党章' },
  ])
})

afterAll(async () => {
  await h.local.close()
})

describe('aggregate()', () => {
  it('groups with accumulators and sorts: { list, errMsg }', async () => {
    const $ = h.db.command.aggregate
    const res = await result<AggregateResult>(
      h.db
        .collection('ratings')
        .aggregate()
        .group({ _id: '$lectureId', count: $.sum(1), avg: $.avg('$score') })
        .sort({ _id: 1 })
        .end(),
    )
    expect(res.errMsg).toBe('collection.aggregate:ok')
    expect(res.list).toEqual([
      { _id: 'L1', count: 10, avg: expect.any(Number) },
      { _id: 'L2', count: 10, avg: expect.any(Number) },
      { _id: 'L3', count: 10, avg: expect.any(Number) },
    ])
    const manual = await h.local.backend.store.find('ratings', { lectureId: 'L2' })
    const expected = manual.reduce((sum, r) => sum + Number(r.score), 0) / manual.length
    expect(res.list[1]?.avg).toBeCloseTo(expected)
  })

  it('matches first, then counts', async () => {
    const res = await result<AggregateResult>(h.db.collection('ratings').aggregate().match({ lectureId: 'L1' }).count('n').end())
    expect(res.list).toEqual([{ n: 10 }])
  })

  it('answers at most 20 results when the pipeline has no limit stage', async () => {
    const res = await result<AggregateResult>(h.db.collection('ratings').aggregate().project({ score: 1 }).end())
    expect(res.list).toHaveLength(20)
  })

  it('answers more than 20 when limit() asks for them', async () => {
    const res = await result<AggregateResult>(h.db.collection('ratings').aggregate().project({ score: 1 }).limit(100).end())
    expect(res.list).toHaveLength(30)
  })

  it('unwinds arrays, adds fields, skips and limits', async () => {
    const $ = h.db.command.aggregate
    const res = await result<AggregateResult>(
      h.db
        .collection('ratings')
        .aggregate()
        .match({ _id: 'r1' })
        .unwind('$tags')
        .addFields({ doubled: $.multiply(['$score', 2]) })
        .project({ _id: 0, tags: 1, doubled: 1 })
        .sort({ tags: -1 })
        .skip(0)
        .limit(10)
        .end(),
    )
    expect(res.list).toEqual([
      { tags: 't1', doubled: expect.any(Number) },
      { tags: 't1', doubled: expect.any(Number) },
    ])
  })

  it('joins another collection with lookup', async () => {
    const res = await result<AggregateResult>(
      h.db
        .collection('ratings')
        .aggregate()
        .match({ _id: 'r0' })
        .lookup({ from: 'lectures', localField: 'lectureId', foreignField: '_id', as: 'lecture' })
        .project({ _id: 1, lecture: 1 })
        .end(),
    )
    expect(res.list).toEqual([{ _id: 'r0', lecture: [{ _id: 'L1', title: '党史' }] }])
  })

  it('never changes stored documents', async () => {
    await result(h.db.collection('ratings').aggregate().addFields({ score: 0 }).limit(100).end())
    const [doc] = await h.local.backend.store.find('ratings', { _id: 'r0' })
    expect(doc?.score).not.toBe(0)
  })

  it('refuses a stage the backend does not implement, naming it', async () => {
    const err = await failure(
      h.db
        .collection('ratings')
        .aggregate()
        .geoNear({ near: new h.db.Geo.Point(120, 30), distanceField: 'd', spherical: true })
        .end(),
    )
    expect(err.message).toMatch(/collection\.aggregate:fail/)
    expect(err.message).toMatch(/unsupported aggregate stage \$geoNear/)
  })

  it('refuses an unknown accumulator, naming it', async () => {
    const err = await failure(
      h.db
        .collection('ratings')
        .aggregate()
        .group({ _id: null, x: { $median2: '$score' } })
        .end(),
    )
    expect(err.message).toMatch(/\$median2/)
  })
})
