import {
  failure,
  openHarness,
  result,
  type AddResult,
  type GetOneResult,
  type GetResult,
  type Harness,
  type RemoveResult,
  type SetResult,
  type UpdateResult,
} from '../support/sdk/sdk-harness'

/**
 * docs/local-cloud.md "Documents" and "Errors": result shapes, errMsg, and the errors of single-document
 * operations, as the real wx-server-sdk reports them against the local backend.
 */
let h: Harness

beforeAll(async () => {
  h = await openHarness()
})

afterAll(async () => {
  await h.local.close()
})

describe('collection.add', () => {
  it('resolves { _id, errMsg } with a generated 32-hex id and stores exactly the data given', async () => {
    const added = await result<AddResult>(h.db.collection('add_shape').add({ data: { title: '党课', seats: 30 } }))
    expect(added.errMsg).toBe('collection.add:ok')
    expect(added._id).toMatch(/^[0-9a-f]{32}$/)
    expect(await h.local.backend.store.find('add_shape', { _id: added._id })).toEqual([{ _id: added._id, title: '党课', seats: 30 }])
  })

  it('keeps a given _id and drops undefined fields', async () => {
    const added = await result<AddResult>(h.db.collection('add_shape').add({ data: { _id: 'given-id', a: 1, b: undefined } }))
    expect(added._id).toBe('given-id')
    const [stored] = await h.local.backend.store.find('add_shape', { _id: 'given-id' })
    expect(stored).toEqual({ _id: 'given-id', a: 1 })
    expect(stored && 'b' in stored).toBe(false)
  })

  it('adds an array of documents as a batch and resolves { _ids }', async () => {
    const added = await result<{ _ids: string[]; errMsg: string }>(
      h.db.collection('add_batch').add({ data: [{ n: 1 }, { n: 2 }, { _id: 'third', n: 3 }] as unknown as Record<string, unknown> }),
    )
    expect(added.errMsg).toBe('collection.add:ok')
    expect(added._ids).toHaveLength(3)
    expect(added._ids[2]).toBe('third')
    expect(await h.local.backend.store.count('add_batch')).toBe(3)
  })

  it('rejects a duplicate _id with errCode -501001 and a message containing "duplicate", leaving the first document', async () => {
    const coll = h.db.collection('add_dup')
    await result(coll.add({ data: { _id: 'same', v: 'first' } }))
    const err = await failure(coll.add({ data: { _id: 'same', v: 'second' } }))
    expect(err.errCode).toBe(-501001)
    expect(err.message).toMatch(/^collection\.add:fail -501001 /)
    expect(err.message).toMatch(/duplicate/)
    expect(err.errMsg).toBe(err.message)
    expect(await h.local.backend.store.find('add_dup')).toEqual([{ _id: 'same', v: 'first' }])
  })

  it('rejects a whole batch when one of its ids already exists', async () => {
    const coll = h.db.collection('add_dup_batch')
    await result(coll.add({ data: { _id: 'taken' } }))
    const err = await failure(coll.add({ data: [{ _id: 'fresh' }, { _id: 'taken' }] as unknown as Record<string, unknown> }))
    expect(err.errCode).toBe(-501001)
    expect(await h.local.backend.store.count('add_dup_batch')).toBe(1)
  })
})

describe('doc(id).get()', () => {
  beforeAll(async () => {
    await h.local.backend.store.insert('get_one', [{ _id: 'g1', name: '王芳', profile: { city: '杭州', post: '书记' } }])
  })

  it('resolves the document itself (not an array) with errMsg document.get:ok', async () => {
    const got = await result<GetOneResult>(h.db.collection('get_one').doc('g1').get())
    expect(got).toEqual({ data: { _id: 'g1', name: '王芳', profile: { city: '杭州', post: '书记' } }, errMsg: 'document.get:ok' })
  })

  it('rejects a missing id with errCode -1 and "document with _id <id> does not exist"', async () => {
    const err = await failure(h.db.collection('get_one').doc('missing-id').get())
    expect(err.errCode).toBe(-1)
    expect(err.errMsg).toBe('document.get:fail document with _id missing-id does not exist')
  })

  it('resolves { data: null } for a missing id when throwOnNotFound is false', async () => {
    const lenient = h.cloud.database({ throwOnNotFound: false } as unknown as Parameters<typeof h.cloud.database>[0])
    const got = await result<{ data: unknown; errMsg: string }>(lenient.collection('get_one').doc('missing-id').get())
    expect(got).toEqual({ data: null, errMsg: 'document.get:ok' })
  })

  it('applies field() projection to a single document', async () => {
    const got = await result<GetOneResult>(h.db.collection('get_one').doc('g1').field({ name: true }).get())
    expect(got.data).toEqual({ _id: 'g1', name: '王芳' })
  })

  it('answers a collection that was never written as a missing document, not an error about the collection', async () => {
    const err = await failure(h.db.collection('never_written').doc('x').get())
    expect(err.errCode).toBe(-1)
  })
})

describe('doc(id).update()', () => {
  beforeEach(async () => {
    await result(h.db.collection('upd').doc('u1').set({ data: { name: 'a', profile: { city: '杭州', post: '委员' }, n: 1 } }))
  })

  it('flattens nested plain objects to dot paths: other sub-fields survive', async () => {
    const res = await result<UpdateResult>(h.db.collection('upd').doc('u1').update({ data: { profile: { city: '宁波' } } }))
    expect(res).toEqual({ stats: { updated: 1 }, errMsg: 'document.update:ok' })
    const [doc] = await h.local.backend.store.find('upd', { _id: 'u1' })
    expect(doc?.profile).toEqual({ city: '宁波', post: '委员' })
  })

  it('replaces a sub-object wholesale with _.set', async () => {
    const _ = h.db.command
    await result(h.db.collection('upd').doc('u1').update({ data: { profile: _.set({ city: '宁波' }) } }))
    const [doc] = await h.local.backend.store.find('upd', { _id: 'u1' })
    expect(doc?.profile).toEqual({ city: '宁波' })
  })

  it('removes a field with _.remove and keeps the rest', async () => {
    const _ = h.db.command
    await result(h.db.collection('upd').doc('u1').update({ data: { n: _.remove() } }))
    const [doc] = await h.local.backend.store.find('upd', { _id: 'u1' })
    expect(doc).toEqual({ _id: 'u1', name: 'a', profile: { city: '杭州', post: '委员' } })
  })

  it('reports updated: 0 (no error) for a missing document and creates nothing', async () => {
    const res = await result<UpdateResult>(h.db.collection('upd').doc('nobody').update({ data: { name: 'x' } }))
    expect(res.stats.updated).toBe(0)
    expect(await h.local.backend.store.count('upd', { _id: 'nobody' })).toBe(0)
  })

  it('reports updated: 0 when the values are already what the update sets', async () => {
    const res = await result<UpdateResult>(h.db.collection('upd').doc('u1').update({ data: { name: 'a' } }))
    expect(res.stats.updated).toBe(0)
  })

  it('rejects data containing _id with errCode -501007', async () => {
    const err = await failure(h.db.collection('upd').doc('u1').update({ data: { _id: 'other', name: 'x' } }))
    expect(err.errCode).toBe(-501007)
    expect(err.message).toMatch(/不能更新_id的值/)
  })
})

describe('doc(id).set()', () => {
  it('replaces the whole document: fields not in data are gone', async () => {
    await h.local.backend.store.insert('set_doc', [{ _id: 's1', a: 1, b: { c: 2 }, keep: 'no' }])
    const res = await result<SetResult>(h.db.collection('set_doc').doc('s1').set({ data: { a: 2, b: { d: 3 } } }))
    expect(res).toEqual({ _id: 's1', stats: { updated: 1, created: 0 }, errMsg: 'document.set:ok' })
    expect(await h.local.backend.store.find('set_doc', { _id: 's1' })).toEqual([{ _id: 's1', a: 2, b: { d: 3 } }])
  })

  it('creates a missing document and reports created: 1', async () => {
    const res = await result<SetResult>(h.db.collection('set_doc').doc('s2').set({ data: { a: 1 } }))
    expect(res.stats).toEqual({ updated: 0, created: 1 })
    expect(await h.local.backend.store.find('set_doc', { _id: 's2' })).toEqual([{ _id: 's2', a: 1 }])
  })
})

describe('doc(id).remove()', () => {
  it('resolves { stats: { removed: 1 } } and then { removed: 0 } for the same id', async () => {
    await h.local.backend.store.insert('rm_doc', [{ _id: 'r1' }, { _id: 'r2' }])
    const first = await result<RemoveResult>(h.db.collection('rm_doc').doc('r1').remove())
    expect(first).toEqual({ stats: { removed: 1 }, errMsg: 'document.remove:ok' })
    const again = await result<RemoveResult>(h.db.collection('rm_doc').doc('r1').remove())
    expect(again.stats.removed).toBe(0)
    expect(await h.local.backend.store.find('rm_doc')).toEqual([{ _id: 'r2' }])
  })
})

describe('Date values', () => {
  it('round-trip as Date objects, including nested and in arrays', async () => {
    const at = new Date('2026-03-01T01:30:00.000Z')
    await result(h.db.collection('dates').add({ data: { _id: 'd1', at, nested: { at }, list: [at] } }))
    const got = await result<GetOneResult>(h.db.collection('dates').doc('d1').get())
    expect(got.data.at).toBeInstanceOf(Date)
    expect(got.data).toEqual({ _id: 'd1', at, nested: { at }, list: [at] })
  })

  it('compare as dates in range queries (not as strings)', async () => {
    const _ = h.db.command
    const base = Date.parse('2026-03-10T00:00:00.000Z')
    const docs = [0, 1, 2, 3, 4].map((day) => ({ _id: `day${day}`, at: new Date(base + day * 86_400_000) }))
    await h.local.backend.store.insert('date_range', docs)
    const got = await result<GetResult>(
      h.db
        .collection('date_range')
        .where({ at: _.gte(new Date(base + 86_400_000)).and(_.lt(new Date(base + 3 * 86_400_000))) })
        .orderBy('at', 'asc')
        .get(),
    )
    expect(got.data.map((d) => d._id)).toEqual(['day1', 'day2'])
  })

  it('stay Date values through an update, so date range queries still match afterwards', async () => {
    const _ = h.db.command
    const at = new Date('2026-04-01T00:00:00.000Z')
    await result(h.db.collection('dates_upd').add({ data: { _id: 'du', at, n: 0 } }))
    await result(h.db.collection('dates_upd').doc('du').update({ data: { n: _.inc(1) } }))
    const [stored] = await h.local.backend.store.find('dates_upd', { _id: 'du' })
    expect(stored?.at).toBeInstanceOf(Date)
    const found = await result<GetResult>(h.db.collection('dates_upd').where({ at: _.gte(new Date('2026-03-31T00:00:00.000Z')) }).get())
    expect(found.data.map((d) => d._id)).toEqual(['du'])
  })

  it('resolves db.serverDate() to the server clock (with offset)', async () => {
    const before = Date.now()
    const serverDate = h.db.serverDate as unknown as (options?: { offset: number }) => unknown
    await result(h.db.collection('dates').add({ data: { _id: 'sd', at: serverDate(), later: serverDate({ offset: 60_000 }) } }))
    const got = await result<GetOneResult<{ at: Date; later: Date }>>(h.db.collection('dates').doc('sd').get())
    expect(got.data.at).toBeInstanceOf(Date)
    expect(got.data.at.getTime()).toBeGreaterThanOrEqual(before)
    expect(got.data.at.getTime()).toBeLessThanOrEqual(Date.now())
    expect(got.data.later.getTime() - got.data.at.getTime()).toBe(60_000)
  })
})

describe('persistence rules of the local store', () => {
  it('refuses, by name, a numeric _id it could not keep apart from the string form', async () => {
    const err = await failure(h.db.collection('ids').add({ data: { _id: 7 } as unknown as Record<string, unknown> }))
    expect(err.errCode).toBe(-501007)
    expect(err.message).toMatch(/string _id/)
  })
})
