import type { Envelope } from '../../cloudfunctions/contracts'
import { seedDemoData } from '../../cloudfunctions/emulator/seed'
import { functionCaller, type FunctionCaller } from '../support/integration/function-caller'
import { startLocalCloud, type LocalCloud } from '../support/local-cloud'

/** The `rating` function end to end: main(event) → real wx-server-sdk → local backend on a temp folder. */
type Json = Record<string, unknown>
let cloud: LocalCloud
let lectureFn: FunctionCaller
let ratingFn: FunctionCaller

beforeAll(async () => {
  cloud = await startLocalCloud()
  await seedDemoData(cloud.backend.store)
  process.env.RATING_REPORT_TEMPLATE_ID = 'local-rating-report'
  /* eslint-disable @typescript-eslint/no-require-imports */
  lectureFn = functionCaller(cloud, 'lecture', require('../../cloudfunctions/functions/lecture').main)
  ratingFn = functionCaller(cloud, 'rating', require('../../cloudfunctions/functions/rating').main)
  /* eslint-enable @typescript-eslint/no-require-imports */
})

afterAll(async () => {
  await cloud.close()
})

/** `fn` is the function to call: the tests below read as `ok(rating, who, event)`. */
type Fn = 'lecture' | 'rating'
const lecture: Fn = 'lecture'
const rating: Fn = 'rating'
const pick = (fn: Fn) => (fn === 'lecture' ? lectureFn : ratingFn)
const call = (fn: Fn, openid: string | null, event: unknown) => pick(fn).call(openid, event)
const ok = <T = Json>(fn: Fn, openid: string | null, event: unknown) => pick(fn).ok<T>(openid, event)
const errorCode = (fn: Fn, openid: string | null, event: unknown) => pick(fn).errorCode(openid, event)

const SEC = 'demo-secretary'
const SPEAKER = 'demo-member-2'
const M1 = 'demo-member-1'
const RES = 'demo-resident-1'
const SEC2 = 'demo-secretary-2'
const OTHER = 'demo-member-3'
const NOBODY = 'demo-newcomer'
const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString()
const scores = (a: number, c: number, f: number, e: number) => ({ attitude: a, content: c, form: f, effect: e })

/** A published lecture that started 10 minutes ago, with `present` checked in by scanning. */
async function startedLecture(present: string[], overrides: Json = {}): Promise<string> {
  const created = await ok<{ id: string }>(lecture, SEC, {
    action: 'create',
    title: '党史学习教育专题党课',
    speaker: { name: '张伟', openid: SPEAKER },
    startAt: minutes(-10),
    endAt: minutes(50),
    location: { name: '社区党群服务中心' },
    ...overrides,
  })
  await ok(lecture, SEC, { action: 'publish', lectureId: created.id })
  const { token } = await ok<{ token: string }>(lecture, SEC, { action: 'displayCode', lectureId: created.id })
  for (const openid of present) await ok(lecture, openid, { action: 'checkIn', lectureId: created.id, token })
  return created.id
}

async function storedAggregate(lectureId: string): Promise<Json> {
  const [doc] = await cloud.backend.store.find('lectures', { _id: lectureId })
  return (doc as { rating: Json }).rating
}

describe('rating.submit', () => {
  it('lets an attendee rate and revise; the aggregate counts them once with the latest scores', async () => {
    const id = await startedLecture([M1])
    await ok(rating, M1, { action: 'submit', lectureId: id, scores: scores(3, 3, 3, 3) })
    await ok(rating, M1, { action: 'submit', lectureId: id, scores: scores(4, 4, 4, 4), comment: '案例丰富' })
    const last = await ok<Json>(rating, M1, { action: 'submit', lectureId: id, scores: scores(5, 4, 3, 2), comment: '讲得很透彻' })
    expect(last).toMatchObject({ scores: scores(5, 4, 3, 2), comment: '讲得很透彻', commentStatus: 'pass' })
    expect(await storedAggregate(id)).toMatchObject({ count: 1, sums: { attitude: 5, content: 4, form: 3, effect: 2 } })
    expect(await ok<Json>(rating, M1, { action: 'mine', lectureId: id })).toMatchObject({ scores: scores(5, 4, 3, 2) })
    expect(await ok<Json>(lecture, M1, { action: 'get', lectureId: id })).toMatchObject({ me: { checkedIn: true, rated: true } })
  })

  it('counts a person marked present by the secretary as an attendee', async () => {
    const id = await startedLecture([])
    await ok(lecture, SEC, { action: 'markAttendance', lectureId: id, openid: RES, present: true, reason: '老人不会扫码，现场登记' })
    expect(await ok<Json>(rating, RES, { action: 'submit', lectureId: id, scores: scores(5, 5, 5, 5) })).toMatchObject({ commentStatus: 'none' })
  })

  it.each([
    ['a member who did not attend', M1, 'RATING.NOT_PRESENT'],
    ['a member of another branch', OTHER, 'RATING.NOT_PRESENT'],
    ['a secretary who did not attend', SEC, 'RATING.NOT_PRESENT'],
    ['a person without a branch', NOBODY, 'AUTH.NO_PROFILE'],
    ['nobody signed in', null, 'AUTH.REQUIRED'],
  ])('refuses %s', async (_label, openid, code) => {
    const id = await startedLecture([RES])
    expect(await errorCode(rating, openid, { action: 'submit', lectureId: id, scores: scores(5, 5, 5, 5) })).toBe(code)
  })

  it('refuses a rating of a cancelled lecture, and writes nothing', async () => {
    const id = await startedLecture([M1])
    await ok(lecture, SEC, { action: 'cancel', lectureId: id, reason: '临时停电' })
    expect(await errorCode(rating, M1, { action: 'submit', lectureId: id, scores: scores(5, 5, 5, 5) })).toBe('RATING.LECTURE_CANCELLED')
    expect(await cloud.backend.store.count('ratings', { lectureId: id })).toBe(0)
  })

  it('refuses a rating before the lecture starts, and after 7 days', async () => {
    const early = await startedLecture([M1], { startAt: minutes(20), endAt: minutes(80) })
    const res = await call(rating, M1, { action: 'submit', lectureId: early, scores: scores(5, 5, 5, 5) })
    expect(res.ok ? 'ok' : res.error.code).toBe('RATING.NOT_STARTED')

    const old = await ok<{ id: string }>(lecture, SEC, {
      action: 'create',
      title: '上月党课',
      speaker: { name: '张伟' },
      startAt: minutes(-8 * 24 * 60 - 60),
      endAt: minutes(-8 * 24 * 60),
      location: { name: '会议室' },
    })
    await ok(lecture, SEC, { action: 'publish', lectureId: old.id })
    await ok(lecture, SEC, { action: 'markAttendance', lectureId: old.id, openid: M1, present: true, reason: '补录' })
    expect(await errorCode(rating, M1, { action: 'submit', lectureId: old.id, scores: scores(5, 5, 5, 5) })).toBe('RATING.CLOSED')
  })

  it('refuses a risky comment and writes nothing; holds a doubtful one for review', async () => {
    const id = await startedLecture([M1, RES])
    expect(await errorCode(rating, M1, { action: 'submit', lectureId: id, scores: scores(1, 1, 1, 1), comment: '这是赌博' })).toBe('RATING.COMMENT_REJECTED')
    expect(await cloud.backend.store.count('ratings', { lectureId: id })).toBe(0)
    expect(await ok<Json>(rating, RES, { action: 'submit', lectureId: id, scores: scores(4, 4, 4, 4), comment: '想了解请加微信' })).toMatchObject({ commentStatus: 'review' })
  })

  it.each<[string, unknown]>([
    ['a score of 0', scores(0, 3, 3, 3)],
    ['a score of 6', scores(3, 6, 3, 3)],
    ['a score of 3.5', scores(3, 3, 3.5, 3)],
    ['a score of "5"', { attitude: '5', content: 3, form: 3, effect: 3 }],
    ['a missing dimension', { attitude: 3, content: 3, form: 3 }],
    ['an extra dimension', { ...scores(3, 3, 3, 3), fun: 5 }],
    ['an operator for a score', { ...scores(3, 3, 3, 3), effect: { $gt: 0 } }],
  ])('refuses %s with COMMON.INVALID_INPUT and writes nothing', async (_label, s) => {
    const id = await startedLecture([M1])
    expect(await errorCode(rating, M1, { action: 'submit', lectureId: id, scores: s })).toBe('COMMON.INVALID_INPUT')
    expect(await cloud.backend.store.count('ratings', { lectureId: id })).toBe(0)
  })

  it('refuses a comment over 300 characters', async () => {
    const id = await startedLecture([M1])
    expect(await errorCode(rating, M1, { action: 'submit', lectureId: id, scores: scores(3, 3, 3, 3), comment: '好'.repeat(301) })).toBe('COMMON.INVALID_INPUT')
  })

  it('keeps the aggregate equal to a recomputation under 200 submits and revisions by 100 people, 50 at a time', async () => {
    const id = await startedLecture([])
    const people = Array.from({ length: 100 }, (_, i) => `rater-${String(i).padStart(3, '0')}`)
    const at = new Date()
    await cloud.backend.store.insert(
      'members',
      people.map((openid, i) => ({ _id: openid, openid, name: `评议人${i}`, phone: '', post: '', avatar: '', role: 'member', branchId: 'demo-branch-1', joinedAt: at, updatedAt: at })),
    )
    await cloud.backend.store.insert(
      'check_ins',
      people.map((openid, i) => ({
        _id: `${id}_${openid}`, lectureId: id, openid, name: `评议人${i}`, branchId: 'demo-branch-1', branchName: '示范社区第一党支部',
        visitor: false, at, method: 'manual', present: true, flags: [], distanceMeters: null, reason: '批量', markedBy: SEC,
        lectureTitle: 'x', lectureStartAt: at, updatedAt: at,
      })),
    )
    // 200 submissions, 50 in flight at a time: in the cloud each in-flight call is its own function
    // instance with its own connections; one test process shares the SDK's pool of 100 sockets, and a
    // transaction waiting for the store's lock holds one while it waits.
    // Each person's two submissions side by side, so their first rating and its revision are in flight
    // together (the race that could count someone twice).
    const submissions = people.flatMap((p) => [p, p]).map((openid, i) => ({
      openid,
      event: { action: 'submit', lectureId: id, scores: scores(1 + (i % 5), 1 + ((i * 3) % 5), 1 + ((i * 7) % 5), 1 + ((i * 11) % 5)) },
    }))
    const results: Array<Envelope<unknown>> = []
    let next = 0
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (next < submissions.length) {
          const s = submissions[next]
          next += 1
          if (s) results.push(await call(rating, s.openid, s.event))
        }
      }),
    )
    expect(results).toHaveLength(200)
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code))).toEqual([])

    const raw = await cloud.backend.store.find('ratings', { lectureId: id })
    expect(raw).toHaveLength(people.length)
    const agg = (await storedAggregate(id)) as { count: number; sums: Record<string, number>; dist: Record<string, Record<string, number>> }
    expect(agg.count).toBe(people.length)
    for (const d of ['attitude', 'content', 'form', 'effect']) {
      const values = raw.map((r) => (r.scores as Record<string, number>)[d] as number)
      expect(agg.sums[d]).toBe(values.reduce((a, b) => a + b, 0))
      for (let v = 1; v <= 5; v += 1) expect(agg.dist[d]?.[`s${v}`] ?? 0).toBe(values.filter((x) => x === v).length)
    }
  })
})

describe('rating.submit and rating.mine: more people and more bad input', () => {
  it('refuses someone the secretary removed from the attendance, and writes nothing', async () => {
    const id = await startedLecture([M1])
    await ok(lecture, SEC, { action: 'markAttendance', lectureId: id, openid: M1, present: false, reason: '代签，本人未到场' })
    expect(await errorCode(rating, M1, { action: 'submit', lectureId: id, scores: scores(5, 5, 5, 5) })).toBe('RATING.NOT_PRESENT')
    expect(await cloud.backend.store.count('ratings', { lectureId: id })).toBe(0)
  })

  it('takes a removed rater out of the figures with the next three new ratings, never on its own', async () => {
    // An outside speaker, so all six seeded people can sit in the room and rate.
    const id = await startedLecture([M1, RES, OTHER, SEC, SEC2, SPEAKER], { audience: 'open', speaker: { name: '党校刘老师' } })
    const given: Array<[string, number, string?]> = [[M1, 5, '联系实际'], [RES, 4], [OTHER, 1, '走个过场'], [SEC, 3], [SEC2, 2], [SPEAKER, 5]]
    for (const [who, n, comment] of given) await ok(rating, who, { action: 'submit', lectureId: id, scores: scores(n, n, n, n), ...(comment ? { comment } : {}) })
    type Summary = { count: number; heldCount: number; attendees: number; responseRate: number; overallAverage: number; comments: string[]; dimensions: Json }
    const summary = () => ok<Summary>(rating, SEC, { action: 'summary', lectureId: id })
    const before = await summary()
    expect(before).toMatchObject({ count: 6, heldCount: 0, attendees: 6, overallAverage: 3.33 })
    expect(before.comments.sort()).toEqual(['联系实际', '走个过场'].sort())

    // A 代签 found out after the rating (pressed twice). The secretary knows whom they removed, so the
    // figures and comments may not move by that one person's scores: they wait for the next release.
    for (let i = 0; i < 2; i += 1) await ok(lecture, SEC, { action: 'markAttendance', lectureId: id, openid: OTHER, present: false, reason: '代签，本人未到场' })
    // The attendance the response rate compares with is that of the same release: still 6 of 6.
    const removed = await summary()
    expect(removed).toMatchObject({ count: 6, heldCount: 0, pendingChanges: 1, attendees: 6, responseRate: 1, overallAverage: 3.33, comments: before.comments })
    expect(removed.dimensions).toEqual(before.dimensions)
    expect(await storedAggregate(id)).toMatchObject({ count: 5, sums: { attitude: 19 }, held: { count: -1, sums: { attitude: -1 } } })
    expect(await cloud.backend.store.count('ratings', { lectureId: id })).toBe(6)
    expect(await errorCode(rating, OTHER, { action: 'submit', lectureId: id, scores: scores(5, 5, 5, 5) })).toBe('RATING.NOT_PRESENT')

    // Three more people rate: the removal goes out together with them.
    const late = ['late-rater-1', 'late-rater-2', 'late-rater-3']
    const at = new Date()
    await cloud.backend.store.insert('members', late.map((openid, i) => ({ _id: openid, openid, name: `晚到${i}`, phone: '', post: '', avatar: '', role: 'member', branchId: 'demo-branch-1', joinedAt: at, updatedAt: at })))
    for (const who of late) {
      await ok(lecture, SEC, { action: 'markAttendance', lectureId: id, openid: who, present: true, reason: '迟到，现场登记' })
      await ok(rating, who, { action: 'submit', lectureId: id, scores: scores(4, 4, 4, 4) })
    }
    // (5 + 4 + 3 + 2 + 5) + 3 × 4 = 31 over 8 raters.
    const released = await summary()
    expect(released).toMatchObject({ count: 8, heldCount: 0, pendingChanges: 0, attendees: 8, responseRate: 1, overallAverage: 3.88, comments: ['联系实际'] })

    // Put back: again held until three more new raters come (nobody is left to rate: only the close will).
    await ok(lecture, SEC, { action: 'markAttendance', lectureId: id, openid: OTHER, present: true, reason: '核实后确在现场' })
    expect(await summary()).toMatchObject({ count: 8, pendingChanges: 1, releaseAfter: null, attendees: 8, overallAverage: 3.88, comments: ['联系实际'] })
    expect(await storedAggregate(id)).toMatchObject({ count: 9, held: { count: 1 } })
  })

  it('keeps every figure of one release while a removal waits, and lets the removal out when rating closes', async () => {
    const id = await startedLecture([M1, RES, OTHER, SEC, SEC2, SPEAKER], { audience: 'open', speaker: { name: '党校刘老师' } })
    const late = ['close-rater-1', 'close-rater-2']
    const at = new Date()
    await cloud.backend.store.insert('members', late.map((openid, i) => ({ _id: openid, openid, name: `晚到甲${i}`, phone: '', post: '', avatar: '', role: 'member', branchId: 'demo-branch-1', joinedAt: at, updatedAt: at })))
    for (const who of late) await ok(lecture, SEC, { action: 'markAttendance', lectureId: id, openid: who, present: true, reason: '迟到，现场登记' })
    const given: Array<[string, number, string?]> = [[M1, 5], [RES, 4], [OTHER, 1, '走个过场'], [SEC, 3], [SEC2, 2], [SPEAKER, 5], ['close-rater-1', 4]]
    for (const [who, n, comment] of given) await ok(rating, who, { action: 'submit', lectureId: id, scores: scores(n, n, n, n), ...(comment ? { comment } : {}) })
    type Summary = { count: number; heldCount: number; pendingChanges: number; releaseAfter: number | null; ratingClosed: boolean; attendees: number; responseRate: number; overallAverage: number; comments: string[]; notRated: Array<{ name: string }> }
    const summary = () => ok<Summary>(rating, SEC, { action: 'summary', lectureId: id })

    // The 代签 who gave 1 is found out. Every figure stays that of the last release, attendance included:
    // 6 counted + 1 new rating held + 1 who has not rated = 8 present as the figures have them.
    await ok(lecture, SEC, { action: 'markAttendance', lectureId: id, openid: OTHER, present: false, reason: '代签，本人未到场' })
    const waiting = await summary()
    expect(waiting).toMatchObject({ count: 6, heldCount: 1, pendingChanges: 1, releaseAfter: null, ratingClosed: false, attendees: 8, responseRate: 0.75, overallAverage: 3.33 })
    expect(waiting.notRated).toEqual([{ name: '晚到甲1' }])
    expect(waiting.comments).toContain('走个过场')

    // Rating closes with fewer than 3 new raters: the removal shows anyway; the one new rating stays out.
    jest.useFakeTimers({ now: Date.now() + 8 * 24 * 60 * 60_000, doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'] })
    try {
      const closed = await summary()
      // (5 + 4 + 3 + 2 + 5) / 5 = 3.8; 5 counted + 1 held + 1 not rated = 7 present.
      expect(closed).toMatchObject({ count: 5, heldCount: 1, pendingChanges: 0, releaseAfter: null, ratingClosed: true, attendees: 7, responseRate: 0.714, overallAverage: 3.8 })
      expect(closed.notRated).toEqual([{ name: '晚到甲1' }])
      expect(closed.comments).not.toContain('走个过场')
    } finally {
      jest.useRealTimers()
    }
  })

  it('lets a removed rater’s scores out at the close of a small branch’s rating, even below 3', async () => {
    // Three attendees rate; one is found to be a 代签. With nobody left to rate, no release would come.
    const id = await startedLecture([M1, RES, OTHER], { audience: 'open', speaker: { name: '党校刘老师' } })
    for (const [who, n] of [[M1, 5], [RES, 4], [OTHER, 1]] as const) await ok(rating, who, { action: 'submit', lectureId: id, scores: scores(n, n, n, n) })
    await ok(lecture, SEC, { action: 'markAttendance', lectureId: id, openid: OTHER, present: false, reason: '代签，本人未到场' })
    expect(await ok(rating, SEC, { action: 'summary', lectureId: id })).toMatchObject({ count: 3, attendees: 3, pendingChanges: 1, releaseAfter: null })
    jest.useFakeTimers({ now: Date.now() + 8 * 24 * 60 * 60_000, doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'] })
    try {
      expect(await errorCode(rating, SEC, { action: 'summary', lectureId: id })).toBe('RATING.TOO_FEW_CLOSED')
      expect(await errorCode(rating, M1, { action: 'submit', lectureId: id, scores: scores(1, 1, 1, 1) })).toBe('RATING.CLOSED')
    } finally {
      jest.useRealTimers()
    }
  })

  it('refuses another branch secretary who did not attend', async () => {
    const id = await startedLecture([M1], { audience: 'open' })
    expect(await errorCode(rating, SEC2, { action: 'submit', lectureId: id, scores: scores(5, 5, 5, 5) })).toBe('RATING.NOT_PRESENT')
  })

  it('accepts a comment of exactly 300 characters', async () => {
    const id = await startedLecture([M1])
    const comment = '好'.repeat(300)
    expect(await ok<Json>(rating, M1, { action: 'submit', lectureId: id, scores: scores(3, 3, 3, 3), comment })).toMatchObject({ comment })
  })

  it('answers mine with null before rating, and only ever the caller’s own rating', async () => {
    const id = await startedLecture([M1, RES])
    expect(await ok(rating, M1, { action: 'mine', lectureId: id })).toBeNull()
    await ok(rating, RES, { action: 'submit', lectureId: id, scores: scores(2, 2, 2, 2) })
    expect(await ok(rating, M1, { action: 'mine', lectureId: id })).toBeNull()
    for (const who of [OTHER, SEC, SPEAKER, SEC2]) expect(await ok(rating, who, { action: 'mine', lectureId: id })).toBeNull()
    expect(await ok<Json>(rating, RES, { action: 'mine', lectureId: id })).toMatchObject({ scores: scores(2, 2, 2, 2) })
    expect(await errorCode(rating, NOBODY, { action: 'mine', lectureId: id })).toBe('AUTH.NO_PROFILE')
    expect(await errorCode(rating, null, { action: 'mine', lectureId: id })).toBe('AUTH.REQUIRED')
    expect(await errorCode(rating, M1, { action: 'mine', lectureId: 'L0000000000' })).toBe('LECTURE.NOT_FOUND')
  })

  const big = '评'.repeat(100 * 1024)
  it.each<[string, (lectureId: string) => unknown, string]>([
    ['no action', (lectureId) => ({ lectureId }), 'COMMON.INVALID_INPUT'],
    ['an unknown action', (lectureId) => ({ action: 'dropRatings', lectureId }), 'COMMON.UNKNOWN_ACTION'],
    ['submit with an unknown key', (lectureId) => ({ action: 'submit', lectureId, scores: scores(5, 5, 5, 5), openid: SEC }), 'COMMON.INVALID_INPUT'],
    ['submit with a 100 KB comment', (lectureId) => ({ action: 'submit', lectureId, scores: scores(5, 5, 5, 5), comment: big }), 'COMMON.INVALID_INPUT'],
    ['submit with an operator for the lecture', () => ({ action: 'submit', lectureId: { $ne: null }, scores: scores(5, 5, 5, 5) }), 'COMMON.INVALID_INPUT'],
    ['submit with an object comment', (lectureId) => ({ action: 'submit', lectureId, scores: scores(5, 5, 5, 5), comment: { $gt: '' } }), 'COMMON.INVALID_INPUT'],
    ['mine with an operator for the lecture', () => ({ action: 'mine', lectureId: { $ne: null } }), 'COMMON.INVALID_INPUT'],
    ['mine with an unknown key', (lectureId) => ({ action: 'mine', lectureId, openid: M1 }), 'COMMON.INVALID_INPUT'],
    ['summary with an operator for the lecture', () => ({ action: 'summary', lectureId: { $ne: null } }), 'COMMON.INVALID_INPUT'],
    ['progress with an operator for the lecture', () => ({ action: 'progress', lectureId: { $ne: null } }), 'COMMON.INVALID_INPUT'],
    ['progress with an unknown key', (lectureId) => ({ action: 'progress', lectureId, openid: RES }), 'COMMON.INVALID_INPUT'],
    ['reviewComment with an operator for the key', (lectureId) => ({ action: 'reviewComment', lectureId, key: { $ne: null }, decision: 'pass' }), 'COMMON.INVALID_INPUT'],
    ['reviewComment with an unknown decision', (lectureId) => ({ action: 'reviewComment', lectureId, key: 'a'.repeat(16), decision: 'delete' }), 'COMMON.INVALID_INPUT'],
    ['lecturerReport with an unknown key', () => ({ action: 'lecturerReport', branchId: 'demo-branch-2' }), 'COMMON.INVALID_INPUT'],
  ])('refuses %s with %s and writes nothing', async (_label, event, code) => {
    const id = await startedLecture([RES])
    const before = JSON.stringify(await storedAggregate(id))
    for (const caller of [SEC, RES]) expect(await errorCode(rating, caller, event(id))).toBe(code)
    expect(await cloud.backend.store.count('ratings', { lectureId: id })).toBe(0)
    expect(JSON.stringify(await storedAggregate(id))).toBe(before)
  })
})

describe('rating.summary', () => {
  let id: string

  beforeAll(async () => {
    // Open, so a member of branch 2 can attend; the speaker sits in the room too.
    id = await startedLecture([M1, RES, SEC, SPEAKER, OTHER], { audience: 'open' })
  })

  it('is withheld below 3 ratings', async () => {
    await ok(rating, M1, { action: 'submit', lectureId: id, scores: scores(5, 4, 3, 5), comment: '联系实际，很受启发' })
    await ok(rating, RES, { action: 'submit', lectureId: id, scores: scores(4, 4, 4, 4) })
    const res = await call(rating, SEC, { action: 'summary', lectureId: id })
    expect(res.ok ? 'ok' : res.error.code).toBe('RATING.TOO_FEW')
    expect(await cloud.backend.outbox()).not.toEqual(expect.arrayContaining([expect.objectContaining({ page: expect.stringContaining(id) })]))
  })

  it('does not let the speaker rate their own lecture', async () => {
    // The app learns it from the lecture, and offers the report instead of 去评议.
    expect(await ok<{ me: Json }>(lecture, SPEAKER, { action: 'get', lectureId: id })).toMatchObject({ me: { isSpeaker: true, canSeeAttendance: true } })
    expect(await ok<{ me: Json }>(lecture, M1, { action: 'get', lectureId: id })).toMatchObject({ me: { isSpeaker: false } })
    expect(await errorCode(rating, SPEAKER, { action: 'submit', lectureId: id, scores: scores(5, 5, 5, 5) })).toBe('RATING.OWN_LECTURE')
    expect(await cloud.backend.store.count('ratings', { lectureId: id, openid: SPEAKER })).toBe(0)
  })

  it('shows the speaker averages, distribution and comments, and nobody who gave them', async () => {
    await ok(rating, OTHER, { action: 'submit', lectureId: id, scores: scores(5, 3, 3, 4) })
    const summary = await ok<Json>(rating, SPEAKER, { action: 'summary', lectureId: id })
    // Five in the room, the speaker not counted among those who could rate.
    expect(summary).toMatchObject({ count: 3, attendees: 4, responseRate: 0.75, overallAverage: 4 })
    expect(summary.dimensions).toMatchObject({
      attitude: { average: 4.67, distribution: [0, 0, 0, 1, 2] },
      content: { average: 3.67 },
      form: { average: 3.33 },
      effect: { average: 4.33 },
    })
    expect(summary.comments).toEqual(['联系实际，很受启发'])
    expect(summary.notRated).toBeUndefined()
    expect(summary.pendingComments).toBeUndefined()
    const payload = JSON.stringify(summary)
    for (const who of [M1, RES, OTHER, '李秀英', '赵桂兰', '刘洋']) expect(payload).not.toContain(who)
  })

  it('tells the speaker once, when the third rating arrives', async () => {
    await ok(rating, M1, { action: 'submit', lectureId: id, scores: scores(5, 5, 3, 5) })
    const messages = (await cloud.backend.outbox()).filter((m) => String(m.page).includes(id))
    expect(messages).toEqual([expect.objectContaining({ touser: SPEAKER, templateId: 'local-rating-report' })])
  })

  it('shows the secretary who has not rated, by name only, and no rater’s name or openid', async () => {
    const summary = await ok<{ notRated: Array<{ name: string }> }>(rating, SEC, { action: 'summary', lectureId: id })
    expect(summary.notRated).toEqual([{ name: '王建国' }])
    const payload = JSON.stringify(summary)
    for (const who of [M1, RES, OTHER, SPEAKER, '李秀英', '赵桂兰', '刘洋']) expect(payload).not.toContain(who)
    expect(payload).not.toMatch(/1380013800\d/)
  })

  it.each([
    ['a member who is not the speaker', M1, 'AUTH.FORBIDDEN'],
    ['a resident', RES, 'AUTH.FORBIDDEN'],
    ['a member of another branch', OTHER, 'AUTH.FORBIDDEN'],
    ['another branch secretary', SEC2, 'AUTH.FORBIDDEN'],
    ['a person without a branch', NOBODY, 'AUTH.NO_PROFILE'],
    ['nobody signed in', null, 'AUTH.REQUIRED'],
  ])('refuses %s', async (_label, openid, code) => {
    expect(await errorCode(rating, openid, { action: 'summary', lectureId: id })).toBe(code)
  })
})

describe('rating.progress', () => {
  type Progress = { rated: number; attendees: number; notRated: Array<{ name: string }>; threshold: number }
  let id: string
  const progress = () => ok<Progress>(rating, SEC, { action: 'progress', lectureId: id })

  beforeAll(async () => {
    // Open, so a member of branch 2 can attend; the speaker sits in the room too.
    id = await startedLecture([M1, RES, SEC, SPEAKER, OTHER], { audience: 'open' })
    await ok(rating, M1, { action: 'submit', lectureId: id, scores: scores(5, 4, 3, 5), comment: '联系实际，很受启发' })
    await ok(rating, RES, { action: 'submit', lectureId: id, scores: scores(2, 2, 2, 2) })
  })

  it('tells the secretary below 3 ratings how many have rated and who has not, by name only', async () => {
    expect(await errorCode(rating, SEC, { action: 'summary', lectureId: id })).toBe('RATING.TOO_FEW')
    const answer = await progress()
    // Five in the room, the speaker not counted among those who could rate nor among those who have not.
    expect(answer).toEqual({ rated: 2, attendees: 4, notRated: [{ name: '刘洋' }, { name: '王建国' }], threshold: 3 })
    // Nothing but the counts and names: no score, no comment, no openid, no rater.
    expect(Object.keys(answer).sort()).toEqual(['attendees', 'notRated', 'rated', 'threshold'])
    for (const p of answer.notRated) expect(Object.keys(p)).toEqual(['name'])
    const payload = JSON.stringify(answer)
    for (const who of [M1, RES, SEC, SPEAKER, OTHER, '李秀英', '赵桂兰', '张伟']) expect(payload).not.toContain(who)
    expect(payload).not.toMatch(/score|average|sums|dist|comment|openid|联系实际/i)
    expect(payload).not.toMatch(/1380013800\d/)
  })

  it('leaves an outside guest out of those who could rate: they have no account to rate with', async () => {
    const open = await startedLecture([M1, RES], { audience: 'open', speaker: { name: '党校刘老师' } })
    await ok(lecture, SEC, { action: 'addGuest', lectureId: open, name: '李明（街道办）', reason: '街道办来宾' })
    const answer = await ok<Progress>(rating, SEC, { action: 'progress', lectureId: open })
    expect(answer).toEqual({ rated: 0, attendees: 2, notRated: [{ name: '李秀英' }, { name: '赵桂兰' }], threshold: 3 })
  })

  it('counts only ratings that count: a rater removed from the attendance leaves the count, and comes back', async () => {
    await ok(lecture, SEC, { action: 'markAttendance', lectureId: id, openid: RES, present: false, reason: '代签，本人未到场' })
    expect(await progress()).toEqual({ rated: 1, attendees: 3, notRated: [{ name: '刘洋' }, { name: '王建国' }], threshold: 3 })
    await ok(lecture, SEC, { action: 'markAttendance', lectureId: id, openid: RES, present: true, reason: '核实后确在现场' })
    expect(await progress()).toMatchObject({ rated: 2, attendees: 4 })
  })

  it.each([
    ['the speaker', SPEAKER, 'AUTH.FORBIDDEN'],
    ['a member who rated', M1, 'AUTH.FORBIDDEN'],
    ['a resident', RES, 'AUTH.FORBIDDEN'],
    ['a member of another branch', OTHER, 'AUTH.FORBIDDEN'],
    ['another branch secretary', SEC2, 'AUTH.FORBIDDEN'],
    ['a person without a branch', NOBODY, 'AUTH.NO_PROFILE'],
    ['nobody signed in', null, 'AUTH.REQUIRED'],
  ])('refuses %s', async (_label, openid, code) => {
    expect(await errorCode(rating, openid, { action: 'progress', lectureId: id })).toBe(code)
  })

  it('does not find a missing lecture or a draft', async () => {
    expect(await errorCode(rating, SEC, { action: 'progress', lectureId: 'L0000000000' })).toBe('LECTURE.NOT_FOUND')
    const draft = await ok<{ id: string }>(lecture, SEC, {
      action: 'create',
      title: '未发布的党课',
      speaker: { name: '张伟', openid: SPEAKER },
      startAt: minutes(-10),
      endAt: minutes(50),
      location: { name: '会议室' },
    })
    expect(await errorCode(rating, SEC, { action: 'progress', lectureId: draft.id })).toBe('LECTURE.NOT_FOUND')
  })

  it('names the same people as the summary once 3 have rated', async () => {
    await ok(rating, OTHER, { action: 'submit', lectureId: id, scores: scores(4, 4, 4, 4) })
    const summary = await ok<{ count: number; attendees: number; notRated: Array<{ name: string }> }>(rating, SEC, { action: 'summary', lectureId: id })
    const answer = await progress()
    expect(answer).toEqual({ rated: 3, attendees: summary.attendees, notRated: summary.notRated, threshold: 3 })
    expect(answer.notRated).toEqual([{ name: '王建国' }])
  })
})

describe('rating.summary: new ratings reach the report three at a time', () => {
  type Summary = { count: number; heldCount: number; overallAverage: number; comments: string[]; notRated: Array<{ name: string }>; dimensions: Json }
  it('holds each new rating until three have gathered, so two reports never differ by one person', async () => {
    const id = await startedLecture([M1, RES, OTHER, SEC, SEC2, SPEAKER], { audience: 'open', speaker: { name: '党校刘老师' } })
    const summary = () => ok<Summary>(rating, SEC, { action: 'summary', lectureId: id })
    for (const [who, n] of [[M1, 5], [RES, 4], [OTHER, 3]] as const) await ok(rating, who, { action: 'submit', lectureId: id, scores: scores(n, n, n, n) })
    const first = await summary()
    expect(first).toMatchObject({ count: 3, heldCount: 0, overallAverage: 4 })

    // A fourth rater leaves 还没评议 at once, but their scores and comment wait for two more.
    await ok(rating, SEC, { action: 'submit', lectureId: id, scores: scores(1, 1, 1, 1), comment: '希望多互动' })
    const held = await summary()
    expect(held).toMatchObject({ count: 3, heldCount: 1, overallAverage: 4, comments: [] })
    expect(held.dimensions).toEqual(first.dimensions)
    expect(held.notRated.map((p) => p.name).sort()).toEqual(['张伟', '陈志强'].sort())

    // Taking a held rater out of the attendance (and back) moves nothing that is shown.
    await ok(lecture, SEC, { action: 'markAttendance', lectureId: id, openid: SEC, present: false, reason: '登记有误' })
    expect(await summary()).toMatchObject({ count: 3, heldCount: 0, overallAverage: 4 })
    await ok(lecture, SEC, { action: 'markAttendance', lectureId: id, openid: SEC, present: true, reason: '核实到场' })
    expect(await summary()).toMatchObject({ count: 3, heldCount: 1, overallAverage: 4 })

    // A revision of a released rating names nobody, so it shows at once.
    await ok(rating, M1, { action: 'submit', lectureId: id, scores: scores(2, 2, 2, 2) })
    expect(await summary()).toMatchObject({ count: 3, heldCount: 1, overallAverage: 3 })

    await ok(rating, SEC2, { action: 'submit', lectureId: id, scores: scores(5, 5, 5, 5) })
    expect(await summary()).toMatchObject({ count: 3, heldCount: 2 })
    await ok(rating, SPEAKER, { action: 'submit', lectureId: id, scores: scores(3, 3, 3, 3) })
    expect(await summary()).toMatchObject({ count: 6, heldCount: 0, overallAverage: 3, comments: ['希望多互动'], notRated: [] })
    expect(await storedAggregate(id)).toMatchObject({ count: 6, batch: 2, held: { count: 0 } })
  })
})

describe('rating.reviewComment', () => {
  let id: string
  const DOUBTFUL = '想了解请加微信'

  beforeAll(async () => {
    id = await startedLecture([M1, RES, SEC, OTHER], { audience: 'open' })
    await ok(rating, M1, { action: 'submit', lectureId: id, scores: scores(4, 4, 4, 4), comment: '讲得很透彻' })
    await ok(rating, RES, { action: 'submit', lectureId: id, scores: scores(5, 5, 5, 5), comment: DOUBTFUL })
    await ok(rating, OTHER, { action: 'submit', lectureId: id, scores: scores(3, 3, 3, 3) })
  })

  const pending = async () => (await ok<{ pendingComments: Array<{ key: string; text: string }> }>(rating, SEC, { action: 'summary', lectureId: id })).pendingComments

  it('shows a held comment to the secretary only, by an opaque key, and not among the published ones', async () => {
    const list = await pending()
    expect(list).toEqual([{ key: expect.stringMatching(/^[a-f0-9]{16}$/), text: DOUBTFUL }])
    expect(JSON.stringify(list)).not.toContain(RES)
    expect((await ok<{ comments: string[] }>(rating, SPEAKER, { action: 'summary', lectureId: id })).comments).toEqual(['讲得很透彻'])
  })

  it.each([
    ['the speaker', SPEAKER, 'AUTH.FORBIDDEN'],
    ['another branch secretary', SEC2, 'AUTH.FORBIDDEN'],
    ['a member', M1, 'AUTH.FORBIDDEN'],
    ['the resident who wrote it', RES, 'AUTH.FORBIDDEN'],
    ['a member of another branch', OTHER, 'AUTH.FORBIDDEN'],
    ['a person without a branch', NOBODY, 'AUTH.NO_PROFILE'],
    ['nobody signed in', null, 'AUTH.REQUIRED'],
  ])('refuses %s and changes nothing', async (_label, openid, code) => {
    const [held] = await pending()
    expect(await errorCode(rating, openid, { action: 'reviewComment', lectureId: id, key: held?.key, decision: 'pass' })).toBe(code)
    expect(await pending()).toEqual([held])
  })

  it('publishes it when the secretary passes it, once', async () => {
    const [held] = await pending()
    expect(await ok(rating, SEC, { action: 'reviewComment', lectureId: id, key: held?.key, decision: 'pass' })).toEqual({ key: held?.key, commentStatus: 'pass' })
    expect((await ok<{ comments: string[] }>(rating, SPEAKER, { action: 'summary', lectureId: id })).comments.sort()).toEqual(['讲得很透彻', DOUBTFUL].sort())
    expect(await errorCode(rating, SEC, { action: 'reviewComment', lectureId: id, key: held?.key, decision: 'reject' })).toBe('RATING.COMMENT_CHANGED')
    // Changing the scores only keeps the decision on the same text.
    expect(await ok<Json>(rating, RES, { action: 'submit', lectureId: id, scores: scores(4, 4, 4, 4), comment: DOUBTFUL })).toMatchObject({ commentStatus: 'pass' })
  })

  it('holds a changed comment again under a new key; a rejected one is not shown and its writer is told', async () => {
    expect(await pending()).toEqual([])
    await ok(rating, RES, { action: 'submit', lectureId: id, scores: scores(4, 4, 4, 4), comment: `${DOUBTFUL}聊` })
    const [held] = await pending()
    expect(held?.text).toBe(`${DOUBTFUL}聊`)
    await ok(rating, SEC, { action: 'reviewComment', lectureId: id, key: held?.key, decision: 'reject' })
    expect(await pending()).toEqual([])
    expect((await ok<{ comments: string[] }>(rating, SPEAKER, { action: 'summary', lectureId: id })).comments).toEqual(['讲得很透彻'])
    expect(await ok<Json>(rating, RES, { action: 'mine', lectureId: id })).toMatchObject({ commentStatus: 'rejected', scores: scores(4, 4, 4, 4) })
  })

  it('does not touch a comment revised while the secretary was reading it', async () => {
    await ok(rating, M1, { action: 'submit', lectureId: id, scores: scores(4, 4, 4, 4), comment: '请加微信详聊' })
    const [held] = await pending()
    await ok(rating, M1, { action: 'submit', lectureId: id, scores: scores(4, 4, 4, 4), comment: '请加微信再聊' })
    expect(await errorCode(rating, SEC, { action: 'reviewComment', lectureId: id, key: held?.key, decision: 'pass' })).toBe('RATING.COMMENT_CHANGED')
    const [now] = await pending()
    expect(now?.text).toBe('请加微信再聊')
    expect(now?.key).not.toBe(held?.key)
  })
})

describe('rating: the speaker’s message', () => {
  it('is tried again on the next rating when sending failed (here: a template id WeChat refuses)', async () => {
    const id = await startedLecture([M1, RES, SEC, OTHER], { audience: 'open' })
    const forLecture = async () => (await cloud.backend.outbox()).filter((m) => String(m.page).includes(id))
    process.env.RATING_REPORT_TEMPLATE_ID = '   '
    try {
      for (const who of [M1, RES, OTHER]) await ok(rating, who, { action: 'submit', lectureId: id, scores: scores(4, 4, 4, 4) })
    } finally {
      process.env.RATING_REPORT_TEMPLATE_ID = 'local-rating-report'
    }
    expect(await forLecture()).toEqual([])
    expect(await storedAggregate(id)).not.toHaveProperty('notifiedAt')
    await ok(rating, SEC, { action: 'submit', lectureId: id, scores: scores(5, 5, 5, 5) })
    await ok(rating, M1, { action: 'submit', lectureId: id, scores: scores(5, 5, 5, 5) })
    expect(await forLecture()).toEqual([expect.objectContaining({ touser: SPEAKER })])
  })
})

describe('rating.lecturerReport', () => {
  it('gives the speaker their lectures over time, withholding those under 3 ratings', async () => {
    const report = await ok<{ speakerName: string; lectures: Json[] }>(rating, SPEAKER, { action: 'lecturerReport' })
    expect(report.speakerName).toBe('张伟')
    const rated = report.lectures.filter((l) => l.averages !== null)
    expect(rated.length).toBeGreaterThanOrEqual(1)
    expect(report.lectures.some((l) => l.averages === null)).toBe(true)
    const starts = report.lectures.map((l) => Date.parse(String(l.startAt)))
    expect(starts).toEqual([...starts].sort((a, b) => b - a))
  })

  it('leaves out a lecture that has not begun (nothing to report yet)', async () => {
    const upcoming = await ok<{ id: string }>(lecture, SEC, {
      action: 'create',
      title: '下周的党课',
      speaker: { name: '张伟', openid: SPEAKER },
      startAt: minutes(7 * 24 * 60),
      endAt: minutes(7 * 24 * 60 + 60),
      location: { name: '会议室' },
    })
    await ok(lecture, SEC, { action: 'publish', lectureId: upcoming.id })
    const begun = await startedLecture([], { title: '刚开始的党课' })
    const ids = (await ok<{ lectures: Json[] }>(rating, SPEAKER, { action: 'lecturerReport' })).lectures.map((l) => l.lectureId)
    expect(ids).toContain(begun)
    expect(ids).not.toContain(upcoming.id)
  })

  it('lets the secretary ask about a speaker of the branch, and refuses others asking', async () => {
    expect((await ok<{ lectures: Json[] }>(rating, SEC, { action: 'lecturerReport', speakerOpenid: SPEAKER })).lectures.length).toBeGreaterThan(0)
    expect((await ok<{ lectures: Json[] }>(rating, SEC2, { action: 'lecturerReport', speakerOpenid: SPEAKER })).lectures).toEqual([])
    expect(await errorCode(rating, M1, { action: 'lecturerReport', speakerOpenid: SPEAKER })).toBe('AUTH.FORBIDDEN')
    expect(await errorCode(rating, M1, { action: 'lecturerReport', speakerOpenid: { $ne: null } })).toBe('COMMON.INVALID_INPUT')
  })

  it.each([
    ['a resident', RES, 'AUTH.FORBIDDEN'],
    ['a member of another branch', OTHER, 'AUTH.FORBIDDEN'],
    ['a person without a branch', NOBODY, 'AUTH.NO_PROFILE'],
    ['nobody signed in', null, 'AUTH.REQUIRED'],
  ])('refuses %s asking about a speaker', async (_label, openid, code) => {
    expect(await errorCode(rating, openid, { action: 'lecturerReport', speakerOpenid: SPEAKER })).toBe(code)
  })

  it('gives someone who never spoke an empty history, not someone else’s', async () => {
    expect(await ok(rating, RES, { action: 'lecturerReport' })).toMatchObject({ lectures: [] })
  })
})
