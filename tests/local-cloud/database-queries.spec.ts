import {
  failure,
  openHarness,
  rawAdmin,
  result,
  type CountResult,
  type GetResult,
  type Harness,
  type RemoveResult,
  type UpdateResult,
} from '../support/sdk/sdk-harness'

/** Queries, limits, order, projection, command operators, batch writes (docs/local-cloud.md "Queries"). */
let h: Harness

beforeAll(async () => {
  h = await openHarness()
  // 1200 documents written through the SDK as one batch add.
  const rows = Array.from({ length: 1200 }, (_, i) => ({ _id: `row${String(i).padStart(4, '0')}`, i, even: i % 2 === 0 }))
  const added = await result<{ _ids: string[] }>(h.db.collection('many').add({ data: rows as unknown as Record<string, unknown> }))
  expect(added._ids).toHaveLength(1200)
  await h.local.backend.store.insert('people', [
    { _id: 'p1', name: '张三', age: 30, role: 'member', tags: ['a', 'b'], branch: 'b1' },
    { _id: 'p2', name: '李四', age: 45, role: 'secretary', tags: ['b'], branch: 'b1', phone: '13800000000' },
    { _id: 'p3', name: '王五', age: 22, role: 'resident', tags: [], branch: 'b2' },
    { _id: 'p4', name: '赵六', age: 45, role: 'member', tags: ['c'], branch: 'b2', phone: null },
  ])
})

afterAll(async () => {
  await h.local.close()
})

const ids = (res: GetResult) => res.data.map((d) => d._id)

describe('row limits of get()', () => {
  it('answers 100 rows when no limit is given', async () => {
    const res = await result<GetResult>(h.db.collection('many').get())
    expect(res.errMsg).toBe('collection.get:ok')
    expect(res.data).toHaveLength(100)
  })

  it('answers at most 1000 rows even when asked for more', async () => {
    const res = await result<GetResult>(h.db.collection('many').limit(5000).get())
    expect(res.data).toHaveLength(1000)
  })

  it('pages with skip: the last 200 rows of 1200', async () => {
    const res = await result<GetResult>(h.db.collection('many').orderBy('i', 'asc').skip(1000).limit(1000).get())
    expect(res.data).toHaveLength(200)
    expect(res.data[0]?.i).toBe(1000)
  })
})

describe('orderBy, skip, limit, field', () => {
  it('orders by several keys in call order', async () => {
    const res = await result<GetResult>(h.db.collection('people').orderBy('age', 'desc').orderBy('name', 'asc').get())
    expect(ids(res)).toEqual(['p2', 'p4', 'p1', 'p3'])
  })

  it('skips and limits after ordering', async () => {
    const res = await result<GetResult>(h.db.collection('people').orderBy('age', 'asc').skip(1).limit(2).get())
    expect(ids(res)).toEqual(['p1', 'p2'])
  })

  it('projects with field(): included fields plus _id', async () => {
    const res = await result<GetResult>(h.db.collection('people').where({ _id: 'p2' }).field({ name: true, age: true }).get())
    expect(res.data).toEqual([{ _id: 'p2', name: '李四', age: 45 }])
  })

  it('projects with field(): excluded fields are left out', async () => {
    const res = await result<GetResult>(h.db.collection('people').where({ _id: 'p2' }).field({ phone: false, tags: false }).get())
    expect(res.data).toEqual([{ _id: 'p2', name: '李四', age: 45, role: 'secretary', branch: 'b1' }])
  })

  it('sorts on a field the projection drops', async () => {
    const res = await result<GetResult>(h.db.collection('people').orderBy('age', 'asc').field({ name: true }).limit(1).get())
    expect(res.data).toEqual([{ _id: 'p3', name: '王五' }])
  })
})

describe('command operators', () => {
  const _ = () => h.db.command

  it('_.in matches any listed value', async () => {
    const res = await result<GetResult>(h.db.collection('people').where({ role: _().in(['secretary', 'resident']) }).orderBy('name', 'asc').get())
    expect(ids(res).sort()).toEqual(['p2', 'p3'])
  })

  it('_.gt and _.lte chained with and()', async () => {
    const res = await result<GetResult>(h.db.collection('people').where({ age: _().gt(22).and(_().lte(30)) }).get())
    expect(ids(res)).toEqual(['p1'])
  })

  it('_.or across fields', async () => {
    const res = await result<GetResult>(
      h.db
        .collection('people')
        .where(_().or([{ branch: 'b2', role: 'member' }, { age: _().lt(25) }]))
        .get(),
    )
    expect(ids(res).sort()).toEqual(['p3', 'p4'])
  })

  it('_.exists distinguishes a missing field from a present null', async () => {
    const present = await result<GetResult>(h.db.collection('people').where({ phone: _().exists(true) }).get())
    expect(ids(present).sort()).toEqual(['p2', 'p4'])
    const missing = await result<GetResult>(h.db.collection('people').where({ phone: _().exists(false) }).get())
    expect(ids(missing).sort()).toEqual(['p1', 'p3'])
  })

  it('_.neq also matches documents where the field is missing (MongoDB semantics)', async () => {
    const res = await result<GetResult>(h.db.collection('people').where({ phone: _().neq('13800000000') }).get())
    expect(ids(res).sort()).toEqual(['p1', 'p3', 'p4'])
  })

  it('a scalar condition on an array field matches any element', async () => {
    const res = await result<GetResult>(h.db.collection('people').where({ tags: 'b' }).get())
    expect(ids(res).sort()).toEqual(['p1', 'p2'])
  })

  it('a scalar condition does not reach into arrays nested in arrays (MongoDB, not nedb, semantics)', async () => {
    await h.local.backend.store.insert('nested', [
      { _id: 'flat', v: [1, 2] },
      { _id: 'deep', v: [[1], [2]] },
    ])
    const res = await result<GetResult>(h.db.collection('nested').where({ v: 1 }).get())
    expect(ids(res)).toEqual(['flat'])
    const counted = await result<CountResult>(h.db.collection('nested').where({ v: 1 }).count())
    expect(counted.total).toBe(1)
  })

  it('db.RegExp matches strings', async () => {
    const res = await result<GetResult>(h.db.collection('people').where({ name: h.db.RegExp({ regexp: '^[张李]', options: '' }) }).get())
    expect(ids(res).sort()).toEqual(['p1', 'p2'])
  })

  it('_.expr compares fields of the same document', async () => {
    const $ = h.db.command.aggregate
    await h.local.backend.store.insert('scores', [
      { _id: 's1', spent: 5, budget: 10 },
      { _id: 's2', spent: 12, budget: 10 },
    ])
    // The SDK has `_.expr` at runtime; its typings omit it.
    const expr = (_() as unknown as { expr(e: unknown): Record<string, unknown> }).expr
    const res = await result<GetResult>(h.db.collection('scores').where(expr($.gt(['$spent', '$budget']))).get())
    expect(ids(res)).toEqual(['s2'])
  })

  it('an operator the backend does not implement is refused with an error naming it', async () => {
    const point = new h.db.Geo.Point(120, 30)
    const err = await failure(h.db.collection('people').where({ location: _().geoNear({ geometry: point, maxDistance: 1000 }) }).get())
    expect(err.errCode).toBe(-502002)
    expect(err.message).toMatch(/\$nearSphere/)
  })
})

describe('count()', () => {
  it('counts matches and ignores limit and skip', async () => {
    const res = await result<CountResult>(h.db.collection('many').where({ even: true }).skip(5).limit(3).count())
    expect(res).toEqual({ total: 600, errMsg: 'collection.count:ok' })
  })

  it('answers 0 for a collection that was never written', async () => {
    const res = await result<CountResult>(h.db.collection('nothing_here').count())
    expect(res.total).toBe(0)
  })
})

describe('where().update() and where().remove()', () => {
  beforeEach(async () => {
    await result(h.db.collection('batch').where({}).remove())
    await h.local.backend.store.insert('batch', [
      { _id: 'b1', status: 'open', n: 1 },
      { _id: 'b2', status: 'open', n: 2 },
      { _id: 'b3', status: 'closed', n: 3 },
    ])
  })

  it('updates every match by default and reports stats.updated', async () => {
    const res = await result<UpdateResult>(h.db.collection('batch').where({ status: 'open' }).update({ data: { status: 'done' } }))
    expect(res).toEqual({ stats: { updated: 2 }, errMsg: 'collection.update:ok' })
    expect(await h.local.backend.store.count('batch', { status: 'done' })).toBe(2)
  })

  it('reports updated: 0 when the condition matches nothing', async () => {
    const res = await result<UpdateResult>(h.db.collection('batch').where({ _id: 'b3', status: 'open' }).update({ data: { status: 'done' } }))
    expect(res.stats.updated).toBe(0)
    expect(await h.local.backend.store.find('batch', { _id: 'b3' })).toEqual([{ _id: 'b3', status: 'closed', n: 3 }])
  })

  it('removes every match and reports stats.removed', async () => {
    const res = await result<RemoveResult>(h.db.collection('batch').where({ n: h.db.command.lte(2) }).remove())
    expect(res).toEqual({ stats: { removed: 2 }, errMsg: 'collection.remove:ok' })
    expect(await h.local.backend.store.count('batch')).toBe(1)
  })

  it('refuses an update without where() instead of touching every document', async () => {
    const err = await failure(h.db.collection('batch').update({ data: { status: 'x' } }))
    expect(err.errCode).toBe(-501007)
    expect(err.message).toMatch(/without where\(\)/)
    expect(await h.local.backend.store.count('batch', { status: 'x' })).toBe(0)
  })
})

describe('array and numeric update operators', () => {
  beforeEach(async () => {
    await result(h.db.collection('arr').doc('a1').set({ data: { list: [1, 2, 3, 4], set: ['x'], n: 10, lo: 5, hi: 5 } }))
  })

  async function doc(): Promise<Record<string, unknown> | undefined> {
    const [found] = await h.local.backend.store.find('arr', { _id: 'a1' })
    return found
  }

  it('_.push appends values; with each/position inserts at a position', async () => {
    const _ = h.db.command
    await result(h.db.collection('arr').doc('a1').update({ data: { list: _.push(5, 6) } }))
    expect((await doc())?.list).toEqual([1, 2, 3, 4, 5, 6])
    await result(h.db.collection('arr').doc('a1').update({ data: { list: _.push({ each: [0], position: 0 }) } }))
    expect((await doc())?.list).toEqual([0, 1, 2, 3, 4, 5, 6])
  })

  it('_.pull removes a value or every element matching a condition', async () => {
    const _ = h.db.command
    await result(h.db.collection('arr').doc('a1').update({ data: { list: _.pull(2) } }))
    expect((await doc())?.list).toEqual([1, 3, 4])
    await result(h.db.collection('arr').doc('a1').update({ data: { list: _.pull(_.gt(2)) } }))
    expect((await doc())?.list).toEqual([1])
  })

  it('_.addToSet adds only absent values, also in the { each } form', async () => {
    const _ = h.db.command
    await result(h.db.collection('arr').doc('a1').update({ data: { set: _.addToSet('x') } }))
    expect((await doc())?.set).toEqual(['x'])
    await result(h.db.collection('arr').doc('a1').update({ data: { set: _.addToSet({ each: ['x', 'y', 'z'] }) } }))
    expect((await doc())?.set).toEqual(['x', 'y', 'z'])
  })

  it('_.pop, _.shift and _.unshift change the ends of an array', async () => {
    const _ = h.db.command
    await result(h.db.collection('arr').doc('a1').update({ data: { list: _.pop() } }))
    await result(h.db.collection('arr').doc('a1').update({ data: { list: _.shift() } }))
    await result(h.db.collection('arr').doc('a1').update({ data: { list: _.unshift(9) } }))
    expect((await doc())?.list).toEqual([9, 2, 3])
  })

  it('_.inc, _.mul, _.min and _.max follow MongoDB', async () => {
    const _ = h.db.command
    await result(h.db.collection('arr').doc('a1').update({ data: { n: _.inc(5), lo: _.min(3), hi: _.max(3), fresh: _.inc(1) } }))
    await result(h.db.collection('arr').doc('a1').update({ data: { n: _.mul(2) } }))
    expect(await doc()).toMatchObject({ n: 30, lo: 3, hi: 5, fresh: 1 })
  })
})

describe('the admin protocol beyond what wx-server-sdk exposes', () => {
  it('answers an unknown action with an error naming it', async () => {
    const res = await rawAdmin(h.local, { action: 'database.doSomethingNew', collectionName: 'x' })
    expect(res.code).toBe('INVALID_PARAM')
    expect(res.message).toMatch(/unsupported action database\.doSomethingNew/)
  })

  it('answers an unknown update operator with an error naming it and changes nothing', async () => {
    await h.local.backend.store.insert('raw_ops', [{ _id: 'x1', n: 1 }])
    const res = await rawAdmin(h.local, {
      action: 'database.modifyDocument',
      collectionName: 'raw_ops',
      queryType: 'DOC',
      query: '{"_id":"x1"}',
      data: '{"$setOnInsert":{"n":{"$numberInt":"5"}}}',
      multi: false,
      merge: true,
      upsert: false,
    })
    expect(res.code).toBe('DATABASE_INVALID_OPERRATOR')
    expect(res.message).toMatch(/\$setOnInsert/)
    expect(await h.local.backend.store.find('raw_ops')).toEqual([{ _id: 'x1', n: 1 }])
  })

  it('modifyAndReturnDoc updates the first match and answers the updated document', async () => {
    await h.local.backend.store.insert('raw_ret', [{ _id: 'q1', n: 1, tag: 'a' }])
    const res = await rawAdmin(h.local, {
      action: 'database.modifyAndReturnDoc',
      collectionName: 'raw_ret',
      queryType: 'WHERE',
      query: '{"tag":"a"}',
      data: '{"$inc":{"n":{"$numberInt":"2"}}}',
    })
    const data = res.data as { updated: number; doc: string }
    expect(data.updated).toBe(1)
    expect(JSON.parse(data.doc)).toEqual({ _id: 'q1', n: { $numberInt: '3' }, tag: 'a' })
  })
})
