import type { Envelope } from '../../cloudfunctions/contracts'
import { seedDemoData } from '../../cloudfunctions/emulator/seed'
import { functionCaller, type FunctionCaller } from '../support/function-caller'
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
  lectureFn = functionCaller(cloud, require('../../cloudfunctions/functions/lecture').main)
  ratingFn = functionCaller(cloud, require('../../cloudfunctions/functions/rating').main)
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
    const submissions = [...people, ...people].map((openid, i) => ({
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

describe('rating.summary', () => {
  let id: string

  beforeAll(async () => {
    id = await startedLecture([M1, RES, SEC, 'demo-member-2'])
  })

  it('is withheld below 3 ratings', async () => {
    await ok(rating, M1, { action: 'submit', lectureId: id, scores: scores(5, 4, 3, 5), comment: '联系实际，很受启发' })
    await ok(rating, RES, { action: 'submit', lectureId: id, scores: scores(4, 4, 4, 4) })
    const res = await call(rating, SEC, { action: 'summary', lectureId: id })
    expect(res.ok ? 'ok' : res.error.code).toBe('RATING.TOO_FEW')
    expect(await cloud.backend.outbox()).not.toEqual(expect.arrayContaining([expect.objectContaining({ page: expect.stringContaining(id) })]))
  })

  it('shows the speaker averages, distribution and comments, and nobody who gave them', async () => {
    await ok(rating, SPEAKER, { action: 'submit', lectureId: id, scores: scores(5, 3, 3, 4) })
    const summary = await ok<Json>(rating, SPEAKER, { action: 'summary', lectureId: id })
    expect(summary).toMatchObject({ count: 3, attendees: 4, responseRate: 0.75, overallAverage: 4 })
    expect(summary.dimensions).toMatchObject({
      attitude: { average: 4.67, distribution: [0, 0, 0, 1, 2] },
      content: { average: 3.67 },
      form: { average: 3.33 },
      effect: { average: 4.33 },
    })
    expect(summary.comments).toEqual(['联系实际，很受启发'])
    expect(summary.notRated).toBeUndefined()
    const payload = JSON.stringify(summary)
    for (const who of [M1, RES, SPEAKER, '李秀英', '赵桂兰', '张伟']) expect(payload).not.toContain(who)
  })

  it('tells the speaker once, when the third rating arrives', async () => {
    await ok(rating, M1, { action: 'submit', lectureId: id, scores: scores(5, 5, 3, 5) })
    const messages = (await cloud.backend.outbox()).filter((m) => String(m.page).includes(id))
    expect(messages).toEqual([expect.objectContaining({ touser: SPEAKER, templateId: 'local-rating-report' })])
  })

  it('shows the secretary who has not rated, by name only', async () => {
    const summary = await ok<{ notRated: Array<{ name: string }> }>(rating, SEC, { action: 'summary', lectureId: id })
    expect(summary.notRated).toEqual([{ name: '王建国' }])
  })

  it.each([
    ['a member who is not the speaker', M1, 'AUTH.FORBIDDEN'],
    ['a resident', RES, 'AUTH.FORBIDDEN'],
    ['another branch secretary', SEC2, 'AUTH.FORBIDDEN'],
    ['a person without a branch', NOBODY, 'AUTH.NO_PROFILE'],
  ])('refuses %s', async (_label, openid, code) => {
    expect(await errorCode(rating, openid, { action: 'summary', lectureId: id })).toBe(code)
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

  it('lets the secretary ask about a speaker of the branch, and refuses others asking', async () => {
    expect((await ok<{ lectures: Json[] }>(rating, SEC, { action: 'lecturerReport', speakerOpenid: SPEAKER })).lectures.length).toBeGreaterThan(0)
    expect((await ok<{ lectures: Json[] }>(rating, SEC2, { action: 'lecturerReport', speakerOpenid: SPEAKER })).lectures).toEqual([])
    expect(await errorCode(rating, M1, { action: 'lecturerReport', speakerOpenid: SPEAKER })).toBe('AUTH.FORBIDDEN')
    expect(await errorCode(rating, M1, { action: 'lecturerReport', speakerOpenid: { $ne: null } })).toBe('COMMON.INVALID_INPUT')
  })
})
