import { failure, openHarness, result, type AddResult, type Harness, type UpdateResult } from '../support/sdk/sdk-harness'

/**
 * docs/architecture.md "Rules that hold everywhere" (races): state changes by conditional update and uniqueness by deterministic _id must
 * hold when many calls arrive at once. All calls below are in flight together through the real SDK.
 */
let h: Harness

beforeAll(async () => {
  h = await openHarness()
})

afterAll(async () => {
  await h.local.close()
})

describe('concurrent writes', () => {
  it('100 concurrent conditional updates of one open document: exactly one reports updated: 1', async () => {
    await h.local.backend.store.insert('wishes', [{ _id: 'wish-1', status: 'open' }])
    const attempts = Array.from({ length: 100 }, (_, i) =>
      result<UpdateResult>(
        h.db
          .collection('wishes')
          .where({ _id: 'wish-1', status: 'open' })
          .update({ data: { status: 'claimed', claimer: `member-${i}` } }),
      ),
    )
    const outcomes = await Promise.all(attempts)
    const winners = outcomes.map((o, i) => ({ updated: o.stats.updated, i })).filter((o) => o.updated === 1)
    expect(winners).toHaveLength(1)
    expect(outcomes.filter((o) => o.stats.updated === 0)).toHaveLength(99)
    const [doc] = await h.local.backend.store.find('wishes', { _id: 'wish-1' })
    expect(doc).toEqual({ _id: 'wish-1', status: 'claimed', claimer: `member-${winners[0]?.i}` })
  })

  it('100 concurrent _.inc(1) add up to 100', async () => {
    await h.local.backend.store.insert('counters', [{ _id: 'lecture-1', attendees: 0 }])
    const _ = h.db.command
    await Promise.all(
      Array.from({ length: 100 }, () => result(h.db.collection('counters').doc('lecture-1').update({ data: { attendees: _.inc(1) } }))),
    )
    const [doc] = await h.local.backend.store.find('counters', { _id: 'lecture-1' })
    expect(doc?.attendees).toBe(100)
  })

  it('50 concurrent adds of the same deterministic _id: one succeeds, 49 fail as duplicates', async () => {
    const settled = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => result<AddResult>(h.db.collection('check_ins').add({ data: { _id: 'lecture-1_member-1', attempt: i } }))),
    )
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1)
    const rejected = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected')
    expect(rejected).toHaveLength(49)
    for (const r of rejected) expect(String((r.reason as { message?: unknown }).message)).toMatch(/duplicate/)
    expect(await h.local.backend.store.count('check_ins')).toBe(1)
  })

  it('a failed duplicate add does not disturb concurrent adds of other ids', async () => {
    await h.local.backend.store.insert('mixed', [{ _id: 'exists' }])
    const calls = [
      failure(h.db.collection('mixed').add({ data: { _id: 'exists' } })),
      ...Array.from({ length: 20 }, (_, i) => result(h.db.collection('mixed').add({ data: { _id: `new-${i}` } }))),
    ]
    const [dup] = await Promise.all(calls)
    expect((dup as { errCode: unknown }).errCode).toBe(-501001)
    expect(await h.local.backend.store.count('mixed')).toBe(21)
  })
})
