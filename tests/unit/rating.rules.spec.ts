import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'
import type { Scores } from '../../cloudfunctions/contracts/rating.contract'
import {
  aggregateDelta,
  presenceDelta,
  commentReleased,
  type RatingBatchMarks,
  ratingChange,
  ratingStateOf,
  shownAggregate,
  anonymousOrder,
  applyDelta,
  averages,
  distribution,
  emptyAggregate,
  normalizeAggregate,
  shouldTellSpeaker,
  attendeesAsShown,
  pendingAttendanceChanges,
  ratingsToRelease,
  shownAtClose,
} from '../../cloudfunctions/modules/ratings/rating.rules'
import { ratingWindow, ratingWindowState } from '../../cloudfunctions/contracts/rules/rating.rules'

dayjs.extend(utc)
dayjs.extend(timezone)
const bj = (s: string) => dayjs.tz(s, 'Asia/Shanghai').valueOf()

const s = (attitude: number, content: number, form: number, effect: number): Scores => ({ attitude, content, form, effect })

describe('rating window', () => {
  const w = ratingWindow(bj('2026-11-22 19:00'), bj('2026-11-22 21:00'))
  it.each([
    ['2026-11-22 18:59:59', 'notStarted'],
    ['2026-11-22 19:00:00', 'open'],
    ['2026-11-29 20:59:59', 'open'],
    ['2026-11-29 21:00:00', 'closed'],
  ])('at %s Beijing time it is %s', (at, state) => {
    expect(ratingWindowState(bj(at), w)).toBe(state)
  })
})

describe('aggregate', () => {
  it('counts a first rating once and adds its scores', () => {
    const agg = applyDelta(emptyAggregate(), aggregateDelta(null, s(5, 4, 3, 5)))
    expect(agg.count).toBe(1)
    expect(agg.sums).toEqual({ attitude: 5, content: 4, form: 3, effect: 5 })
    expect(distribution(agg, 'form')).toEqual([0, 0, 1, 0, 0])
  })

  it('moves a revision from the old scores to the new without counting the person again', () => {
    let agg = applyDelta(emptyAggregate(), aggregateDelta(null, s(5, 4, 3, 5)))
    agg = applyDelta(agg, aggregateDelta(s(5, 4, 3, 5), s(1, 4, 5, 5)))
    expect(agg.count).toBe(1)
    expect(agg.sums).toEqual({ attitude: 1, content: 4, form: 5, effect: 5 })
    expect(distribution(agg, 'attitude')).toEqual([1, 0, 0, 0, 0])
    expect(distribution(agg, 'content')).toEqual([0, 0, 0, 1, 0])
  })

  it('makes no change for a revision with the same scores', () => {
    expect(aggregateDelta(s(3, 3, 3, 3), s(3, 3, 3, 3))).toEqual({})
  })

  it('equals a recomputation after many random submissions and revisions', () => {
    const latest = new Map<number, Scores>()
    let agg = emptyAggregate()
    let seed = 7
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed
    }
    for (let i = 0; i < 500; i += 1) {
      const who = rnd() % 40
      const next = s(1 + (rnd() % 5), 1 + (rnd() % 5), 1 + (rnd() % 5), 1 + (rnd() % 5))
      agg = applyDelta(agg, aggregateDelta(latest.get(who) ?? null, next))
      latest.set(who, next)
    }
    const all = [...latest.values()]
    expect(agg.count).toBe(all.length)
    expect(agg.sums.effect).toBe(all.reduce((n, x) => n + x.effect, 0))
    expect(distribution(agg, 'content').reduce((a, b) => a + b, 0)).toBe(all.length)
    expect(distribution(agg, 'content')[4]).toBe(all.filter((x) => x.content === 5).length)
  })

  it('takes a removed rater out of count, sums and distributions, and puts them back when present again', () => {
    let agg = emptyAggregate()
    for (const x of [s(5, 4, 3, 5), s(2, 2, 2, 2)]) agg = applyDelta(agg, aggregateDelta(null, x))
    const withdrawn = applyDelta(agg, presenceDelta(s(2, 2, 2, 2), false))
    expect(withdrawn.count).toBe(1)
    expect(withdrawn.sums).toEqual({ attitude: 5, content: 4, form: 3, effect: 5 })
    expect(distribution(withdrawn, 'attitude')).toEqual([0, 0, 0, 0, 1])
    expect(applyDelta(withdrawn, presenceDelta(s(2, 2, 2, 2), true))).toEqual(agg)
  })

  describe('release in batches', () => {
    const given = (...all: Scores[]) => all.reduce((agg, x) => applyDelta(agg, aggregateDelta(null, x)), emptyAggregate())
    const state = (live: Scores[], held: Scores[]) => ({ live: given(...live, ...held), held: given(...held), fresh: held.length })
    const released = [s(4, 4, 4, 4), s(5, 5, 5, 5), s(3, 3, 3, 3)]
    const rating = { kind: 'rating', inHeldBatch: true } as const

    it.each<[string, { live: Scores[]; held: Scores[] }, boolean, number]>([
      ['the first rating is held', { live: [], held: [] }, false, 0],
      ['the second rating is held', { live: [], held: [s(4, 4, 4, 4)] }, false, 0],
      ['the third rating releases all three', { live: [], held: [s(4, 4, 4, 4), s(5, 5, 5, 5)] }, true, 3],
      ['a fourth rating is held', { live: released, held: [] }, false, 3],
      ['the sixth releases the second batch', { live: released, held: [s(1, 1, 1, 1), s(2, 2, 2, 2)] }, true, 6],
    ])('%s', (_label, st, release, shownCount) => {
      const change = ratingChange(state(st.live, st.held), aggregateDelta(null, s(2, 3, 4, 5)), rating)
      expect(change.release).toBe(release)
      expect(change.shown.count).toBe(shownCount)
      // A held rating is also counted apart, and as a fresh rater, until its batch is released.
      expect(change.inc['held.count'] ?? 0).toBe(release ? 0 : 1)
      expect(change.inc.fresh ?? 0).toBe(release ? 0 : 1)
      expect(change.inc.count).toBe(1)
    })

    it('shows a revision of a released rating at once and keeps it out of the held part', () => {
      const st = state(released, [s(1, 1, 1, 1)])
      const change = ratingChange(st, aggregateDelta(s(3, 3, 3, 3), s(5, 5, 5, 5)), { kind: 'rating', inHeldBatch: false })
      expect(change.release).toBe(false)
      expect(averages(change.shown).overall).toBe(4.67)
      expect(Object.keys(change.inc).some((k) => k.startsWith('held.') || k === 'fresh')).toBe(false)
      expect(shownAggregate(st)).toEqual(given(...released))
    })

    it.each<[string, boolean, boolean, number]>([
      ['removing a released rater', false, false, 0],
      ['putting a released rater back', false, true, 0],
      ['removing a held rater', true, false, -1],
      ['putting a held rater back', true, true, 1],
    ])('%s leaves what is shown as it was (fresh raters %d)', (_label, inHeldBatch, back, fresh) => {
      const st = state(released, [s(1, 1, 1, 1)])
      const change = ratingChange(st, presenceDelta(s(4, 4, 4, 4), back), { kind: 'presence', inHeldBatch })
      expect(change.release).toBe(false)
      expect(change.shown).toEqual(shownAggregate(st))
      expect(change.inc.count).toBe(back ? 1 : -1)
      expect(change.inc['held.count']).toBe(back ? 1 : -1)
      expect(change.inc.fresh ?? 0).toBe(fresh)
    })

    it('does not release a single new rater when someone is removed and put back', () => {
      let st = state(released, [s(1, 1, 1, 1), s(2, 2, 2, 2)])
      for (const back of [false, true]) {
        const c = ratingChange(st, presenceDelta(s(4, 4, 4, 4), back), { kind: 'presence', inHeldBatch: false })
        st = { live: applyDelta(st.live, presenceDelta(s(4, 4, 4, 4), back)), held: applyDelta(st.held, presenceDelta(s(4, 4, 4, 4), back)), fresh: st.fresh + (c.inc.fresh ?? 0) }
      }
      expect(st.fresh).toBe(2)
      expect(shownAggregate(st)).toEqual(given(...released))
      // The third new rater releases all of it at once: two new ratings and a removal undone.
      const third = ratingChange(st, aggregateDelta(null, s(3, 3, 3, 3)), rating)
      expect(third.release).toBe(true)
      expect(third.shown.count).toBe(6)
    })

    it('reads a lecture stored before batches as all released', () => {
      const st = ratingStateOf({ count: 4, sums: { attitude: 16 } })
      expect(st).toMatchObject({ batch: 0, fresh: 0, told: false, held: emptyAggregate() })
      expect(shownAggregate(st).count).toBe(4)
    })
  })

  describe('comments follow the released figures', () => {
    it.each<[string, RatingBatchMarks, boolean]>([
      ['a rating from before batches', {}, true],
      ['a released rating', { batch: 1 }, true],
      ['a rating of the batch still gathering', { batch: 2 }, false],
      ['a rating given after a release read a moment ago', { batch: 3 }, false],
      ['a released rating whose rater was removed in this batch', { batch: 1, excluded: true, presenceBatch: 2, excludedBefore: false }, true],
      ['a released rating whose rater was removed before the last release', { batch: 0, excluded: true, presenceBatch: 1, excludedBefore: false }, false],
      ['a released rating put back in this batch', { batch: 0, excluded: false, presenceBatch: 2, excludedBefore: true }, false],
      ['a released rating removed and put back in this batch', { batch: 0, excluded: false, presenceBatch: 2, excludedBefore: false }, true],
      ['a held rating removed, then released', { batch: 1, excluded: true, presenceBatch: 1, excludedBefore: false }, false],
    ])('%s: shown %s', (_label, marks, shown) => {
      expect(commentReleased(marks, 2)).toBe(shown)
    })
  })

  describe('the report agrees with itself while changes wait, and at the close', () => {
    const given = (...xs: Scores[]) => xs.reduce((agg, x) => applyDelta(agg, aggregateDelta(null, x)), emptyAggregate())
    const released = [s(4, 4, 4, 4), s(5, 5, 5, 5), s(1, 1, 1, 1)]
    const newOne = s(2, 2, 2, 2)
    // Released: three raters; then one new rating held and the rater who gave 1 removed (7 present → 6).
    let st = { live: given(...released, newOne), held: given(newOne), fresh: 1 }
    const removal = presenceDelta(s(1, 1, 1, 1), false)
    st = { live: applyDelta(st.live, removal), held: applyDelta(st.held, removal), fresh: 1 }
    const presentNow = 6

    it('compares the released count with the attendance of the same release', () => {
      expect(shownAggregate(st).count).toBe(3)
      // 3 counted + 1 held + (6 present − 3 counting now) who have not rated = 7.
      expect(attendeesAsShown(st, presentNow, false)).toBe(7)
      expect(attendeesAsShown(st, presentNow, false)).toBe(shownAggregate(st).count + st.fresh + (presentNow - st.live.count))
    })

    it('at the close lets the removal out but keeps the short batch of new raters out', () => {
      const shown = shownAtClose(st, given(newOne))
      expect(shown).toEqual(given(s(4, 4, 4, 4), s(5, 5, 5, 5)))
      expect(attendeesAsShown(st, presentNow, true)).toBe(shown.count + st.fresh + (presentNow - st.live.count))
    })

    it.each<[string, number, number | null]>([
      ['enough people left to rate', 6, 2],
      ['fewer left to rate than the batch needs', 4, null],
      ['nobody left to rate', 3, null],
    ])('says how many more ratings release what waits: %s', (_label, present, expected) => {
      expect(ratingsToRelease(st, present)).toBe(expected)
    })

    it.each<[string, RatingBatchMarks[], number]>([
      ['none', [{ batch: 0 }, { batch: 2 }], 0],
      ['a released rater removed in this batch', [{ batch: 1, excluded: true, presenceBatch: 2, excludedBefore: false }], 1],
      ['removed and put back in this batch', [{ batch: 1, excluded: false, presenceBatch: 2, excludedBefore: false }], 0],
      ['a held rater removed (its rating never showed)', [{ batch: 2, excluded: true, presenceBatch: 2, excludedBefore: false }], 0],
      ['a removal already released', [{ batch: 0, excluded: true, presenceBatch: 1, excludedBefore: false }], 0],
      ['one removed, one put back', [{ batch: 0, excluded: true, presenceBatch: 2 }, { excluded: false, presenceBatch: 2, excludedBefore: true }], 2],
    ])('counts attendance changes waiting to show: %s', (_label, marks, n) => {
      expect(pendingAttendanceChanges(marks, 2)).toBe(n)
    })

    it('shows the comment of a removed rater until the close, then not', () => {
      const marks: RatingBatchMarks = { batch: 1, excluded: true, presenceBatch: 2, excludedBefore: false }
      expect(commentReleased(marks, 2)).toBe(true)
      expect(commentReleased(marks, 2, true)).toBe(false)
      expect(commentReleased({ batch: 2 }, 2, true)).toBe(false)
    })
  })

  it('averages per dimension and overall, to two decimals', () => {
    let agg = emptyAggregate()
    for (const x of [s(5, 4, 3, 5), s(4, 4, 4, 4), s(5, 3, 3, 4)]) agg = applyDelta(agg, aggregateDelta(null, x))
    expect(averages(agg)).toEqual({ attitude: 4.67, content: 3.67, form: 3.33, effect: 4.33, overall: 4 })
  })

  it('reads a lecture with no ratings yet as empty', () => {
    expect(normalizeAggregate(undefined)).toEqual(emptyAggregate())
    expect(averages(normalizeAggregate({ count: 0 })).overall).toBe(0)
  })

  it.each([
    [2, false, false],
    [3, false, true],
    [3, true, false],
    [4, false, true],
    [4, true, false],
  ])('with %d ratings, told already %s: tell the speaker %s', (count, told, tell) => {
    expect(shouldTellSpeaker(count, told)).toBe(tell)
  })

  it('orders comments by text, not by who or when', () => {
    expect(anonymousOrder(['讲得好', '案例丰富', '希望多互动'])).toEqual(anonymousOrder(['希望多互动', '讲得好', '案例丰富']))
  })
})
