import type { Envelope } from '../../../cloudfunctions/contracts'
import { NEWCOMER } from '../../support/integration/commitment-demo'
import { MOMENT, MONTH, NO_BRANCH, startCommitmentWorld, type Branch, type CommitmentWorld, type Json } from '../../support/integration/commitment-world'

/**
 * 群众评议: residents and members of the member's branch rate a member's month once per person (a second
 * rating replaces the first), with a comment through the content check that the member or the secretary
 * may answer. The plan's satisfaction counts always equal a recount of its ratings.
 */
let w: CommitmentWorld
let A: Branch
let B: Branch
/** Branch A's two published plans of MONTH, on its published board. */
let P0: string
let P1: string

beforeAll(async () => {
  w = await startCommitmentWorld()
  ;({ A, B } = w)
  ;[P0, P1] = await w.board(A)
})

afterAll(async () => {
  await w.close()
})

interface RatingView {
  ratingId: string
  raterName: string
  raterRole: string
  satisfaction: string
  comment: string | null
  commentHeld: boolean
  at: string
  replies: Array<{ at: string; by: string; text: string }>
  mine: boolean
}

interface RatingPage {
  items: RatingView[]
  nextCursor?: string
}

const codeOf = (res: Envelope<unknown>) => (res.ok ? 'ok' : res.error.code)
type Counts = { satisfied: number; basic: number; unsatisfied: number }
const counts = async (planId: string): Promise<Counts> => ({ satisfied: 0, basic: 0, unsatisfied: 0, ...((await w.stored('commitment_plans', planId))?.satisfaction as Partial<Counts>) })
const total = (c: Counts) => c.satisfied + c.basic + c.unsatisfied
// One page holds every rating of these specs' plans (the clock is set back between specs, so "newest" is by the clock).
const ratingsOf = (caller: string | null, planId: string) => w.ok<RatingPage>(caller, { action: 'ratings', planId, limit: 50 })
const resident = () => w.person(A.id, 'resident')

/** Every plan's counts equal a recount of its stored ratings. */
async function expectCountsBalance(): Promise<void> {
  const ratings = await w.cloud.backend.store.find('commitment_ratings')
  for (const p of await w.cloud.backend.store.find('commitment_plans')) {
    const recount = { satisfied: 0, basic: 0, unsatisfied: 0 }
    for (const r of ratings.filter((x) => x.planId === p._id)) recount[r.satisfaction as keyof typeof recount] += 1
    expect([p._id, { satisfied: 0, basic: 0, unsatisfied: 0, ...(p.satisfaction as Json) }]).toEqual([p._id, recount])
  }
}

describe('commitment.rate', () => {
  it('lets a resident of the branch rate a member’s month, shown masked with their role', async () => {
    const rater = await w.person(A.id, 'resident', '钱玉兰')
    const detail = await w.ok<{ myRating: Json | null; figures: { satisfaction: Json } }>(rater, { action: 'rate', planId: P0, satisfaction: 'satisfied', comment: '值班很准时' })
    expect(detail.myRating).toEqual({ satisfaction: 'satisfied', comment: '值班很准时' })
    expect(detail.figures.satisfaction).toMatchObject({ satisfied: 1 })
    const mine = (await ratingsOf(rater, P0)).items.find((r) => r.mine)
    expect(mine).toMatchObject({ raterName: '钱**', raterRole: 'resident', satisfaction: 'satisfied', comment: '值班很准时', commentHeld: false, replies: [] })
    expect(mine?.ratingId).toMatch(/^[a-f0-9]{12}$/)
    await expectCountsBalance()
  })

  it('lets the branch secretary and another member rate too', async () => {
    await w.ok(A.secretary, { action: 'rate', planId: P0, satisfaction: 'basic' })
    await w.ok(A.members[1], { action: 'rate', planId: P0, satisfaction: 'basic' })
    expect((await ratingsOf(A.secretary, P0)).items.find((r) => r.mine)?.raterRole).toBe('secretary')
    await expectCountsBalance()
  })

  it('keeps one rating per person: a second replaces the first and moves the counts by -old +new', async () => {
    const rater = await resident()
    await w.ok(rater, { action: 'rate', planId: P1, satisfaction: 'unsatisfied', comment: '进展有点慢' })
    const before = await counts(P1)
    await w.ok(rater, { action: 'rate', planId: P1, satisfaction: 'basic' })
    expect(await counts(P1)).toEqual({ ...before, unsatisfied: before.unsatisfied - 1, basic: before.basic + 1 })
    const mine = (await ratingsOf(rater, P1)).items.filter((r) => r.mine)
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({ satisfaction: 'basic', comment: null })
    await expectCountsBalance()
  })

  it('gives two ratings sent at once by one person one rating, and the counts stay right', async () => {
    const rater = await resident()
    const before = await counts(P1)
    const results = await Promise.all([
      w.call(rater, { action: 'rate', planId: P1, satisfaction: 'satisfied' }),
      w.call(rater, { action: 'rate', planId: P1, satisfaction: 'unsatisfied' }),
    ])
    expect(results.some((r) => r.ok)).toBe(true)
    const stored = await w.cloud.backend.store.find('commitment_ratings', { openid: rater })
    expect(stored).toHaveLength(1)
    const after = await counts(P1)
    expect(total(after)).toBe(total(before) + 1)
    const kept = stored[0]?.satisfaction as keyof Counts
    expect(after[kept]).toBe(before[kept] + 1)
    await expectCountsBalance()
  })

  it('counts a burst of 20 different people once each', async () => {
    const people = await Promise.all(Array.from({ length: 20 }, () => resident()))
    const before = await counts(P0)
    const results = await Promise.all(people.map((p) => w.call(p, { action: 'rate', planId: P0, satisfaction: 'satisfied' })))
    expect(results.map(codeOf)).toEqual(people.map(() => 'ok'))
    expect((await counts(P0)).satisfied).toBe(before.satisfied + 20)
    await expectCountsBalance()
  })

  it.each<[string, () => string | null, () => string, string]>([
    ['the member rating their own month', () => A.members[0], () => P0, 'COMMITMENT.OWN_PLAN'],
    ['another branch’s secretary', () => B.secretary, () => P0, 'COMMITMENT.NOT_IN_BRANCH'],
    ['another branch’s resident', () => B.resident, () => P0, 'COMMITMENT.NOT_IN_BRANCH'],
    ['someone with no branch', () => NO_BRANCH, () => P0, 'AUTH.NOT_IN_BRANCH'],
    ['someone with no profile', () => NEWCOMER, () => P0, 'AUTH.NO_PROFILE'],
    ['nobody signed in', () => null, () => P0, 'AUTH.REQUIRED'],
    ['a plan that does not exist', () => A.resident, () => 'C209901aaaaaaaaaaaa', 'COMMITMENT.NOT_FOUND'],
  ])('refuses %s and writes nothing', async (_label, caller, planId, code) => {
    const before = await w.snapshot()
    expect(await w.errorCode(caller(), { action: 'rate', planId: planId(), satisfaction: 'satisfied' })).toBe(code)
    expect(await w.snapshot()).toBe(before)
  })

  it.each<[string, Json, string]>([
    ['no satisfaction', {}, 'COMMON.INVALID_INPUT'],
    ['a satisfaction not offered', { satisfaction: 'great' }, 'COMMON.INVALID_INPUT'],
    ['a comment over 200 characters', { satisfaction: 'basic', comment: '评'.repeat(201) }, 'COMMON.INVALID_INPUT'],
    ['an object for the plan id', { planId: { $ne: null }, satisfaction: 'basic' }, 'COMMON.INVALID_INPUT'],
    ['an unknown key', { satisfaction: 'basic', openid: 'demo-secretary' }, 'COMMON.INVALID_INPUT'],
    ['a comment the content check refuses', { satisfaction: 'basic', comment: '这是 local-risky 内容' }, 'COMMITMENT.TEXT_REJECTED'],
  ])('refuses %s and writes nothing', async (_label, input, code) => {
    const before = await w.snapshot()
    expect(await w.errorCode(A.resident, { action: 'rate', planId: P0, ...input })).toBe(code)
    expect(await w.snapshot()).toBe(before)
  })

  it('refuses a plan still waiting for review, and one whose board is not yet published', async () => {
    const b = await w.branch()
    w.at(MOMENT.running)
    const waiting = await w.submitted(b.members[0])
    expect(await w.errorCode(b.resident, { action: 'rate', planId: waiting, satisfaction: 'basic' })).toBe('COMMITMENT.NOT_FOUND')
    const unposted = await w.published(b.members[1], b.secretary)
    expect(await w.errorCode(b.resident, { action: 'rate', planId: unposted, satisfaction: 'basic' })).toBe('COMMITMENT.NOT_FOUND')
    expect(await w.errorCode(b.members[0], { action: 'rate', planId: unposted, satisfaction: 'basic' })).toBe('COMMITMENT.NOT_FOUND')
    // Its secretary reads it before the board is out, but nobody rates a month the public cannot see yet.
    expect(await w.errorCode(b.secretary, { action: 'rate', planId: unposted, satisfaction: 'basic' })).toBe('COMMITMENT.WRONG_STATE')
  })

  it('gives ratings racing the secretary’s close either a place in the kept figures or a refusal, never a lost count', async () => {
    const b = await w.branch()
    const plans = await w.board(b)
    for (const [i, planId] of plans.entries()) {
      for (const itemId of await w.itemIds(planId)) {
        await w.ok(b.members[i] as string, { action: 'setOutcome', planId, itemId, outcome: 'kept', evidence: '已完成，有记录' })
      }
    }
    const raters = await Promise.all(Array.from({ length: 8 }, () => w.person(b.id, 'resident')))
    w.at(MOMENT.results)
    const [closed, ...rated] = await Promise.all([
      w.call(b.secretary, { action: 'closeMonth', month: MONTH }),
      ...raters.map((r) => w.call(r, { action: 'rate', planId: plans[0], satisfaction: 'satisfied' })),
    ])
    expect(closed?.ok).toBe(true)
    for (const r of rated) expect(['ok', 'COMMITMENT.FROZEN']).toContain(codeOf(r))
    const stored = await w.stored('commitment_plans', plans[0])
    const kept = (stored?.figures as { satisfaction: Counts }).satisfaction
    expect(stored?.frozen).toBe(true)
    // Every rating stored is in the figures the close kept, and every accepted call stored one.
    expect(kept.satisfied).toBe(await w.count('commitment_ratings', { planId: plans[0] }))
    expect(kept.satisfied).toBe(rated.filter((r) => r.ok).length)
    await expectCountsBalance()
    w.at(MOMENT.running)
  })

  it('takes ratings after the month until its result deadline, at Beijing midnight, not one minute later', async () => {
    const b = await w.branch()
    const [plan] = await w.board(b)
    w.at(MOMENT.results)
    await w.ok(b.resident, { action: 'rate', planId: plan, satisfaction: 'satisfied' })
    // 2027-01-05 23:59 Beijing is 15:59 UTC: still in; 2027-01-06 00:01 Beijing is past the deadline.
    w.at('2027-01-05T15:59:00.000Z')
    await w.ok(b.secretary, { action: 'rate', planId: plan, satisfaction: 'basic' })
    w.at('2027-01-05T16:01:00.000Z')
    expect(await w.errorCode(b.members[1], { action: 'rate', planId: plan, satisfaction: 'basic' })).toBe('COMMITMENT.WRONG_PHASE')
    w.at(MOMENT.running)
  })
})

describe('held comments, replies and the secretary’s decision', () => {
  let rater: string
  let ratingId: string

  beforeAll(async () => {
    rater = await resident()
    await w.ok(rater, { action: 'rate', planId: P0, satisfaction: 'unsatisfied', comment: '说好的 local-review 没做到' })
    ratingId = (await ratingsOf(rater, P0)).items.find((r) => r.mine)?.ratingId ?? ''
  })

  const seenBy = async (caller: string) => (await ratingsOf(caller, P0)).items.find((r) => r.ratingId === ratingId)

  it('shows a held comment to its author and the branch secretary only; the rating itself counts at once', async () => {
    expect(await seenBy(rater)).toMatchObject({ comment: '说好的 local-review 没做到', commentHeld: true, mine: true })
    expect(await seenBy(A.secretary)).toMatchObject({ comment: '说好的 local-review 没做到', commentHeld: true, mine: false })
    for (const caller of [A.members[0], A.resident, NO_BRANCH, B.secretary]) {
      expect(await seenBy(caller)).toMatchObject({ comment: null, commentHeld: true, satisfaction: 'unsatisfied' })
    }
    await expectCountsBalance()
  })

  it('lets only the branch secretary decide, once', async () => {
    const decide = (caller: string | null, decision: string) => w.errorCode(caller, { action: 'reviewComment', planId: P0, ratingId, decision })
    expect(await decide(A.members[0], 'pass')).toBe('AUTH.FORBIDDEN')
    expect(await decide(A.resident, 'pass')).toBe('AUTH.FORBIDDEN')
    expect(await decide(NO_BRANCH, 'pass')).toBe('AUTH.NOT_IN_BRANCH')
    expect(await decide(B.secretary, 'pass')).toBe('COMMITMENT.NOT_FOUND')
    expect(await decide(A.secretary, 'maybe')).toBe('COMMON.INVALID_INPUT')
    const passed = await w.ok<RatingView>(A.secretary, { action: 'reviewComment', planId: P0, ratingId, decision: 'pass' })
    expect(passed).toMatchObject({ commentHeld: false, comment: '说好的 local-review 没做到' })
    expect(await seenBy(NO_BRANCH)).toMatchObject({ comment: '说好的 local-review 没做到', commentHeld: false })
    expect(await decide(A.secretary, 'reject')).toBe('COMMITMENT.COMMENT_DECIDED')
  })

  it('keeps a rejected comment from everyone but its author', async () => {
    const other = await resident()
    await w.ok(other, { action: 'rate', planId: P0, satisfaction: 'basic', comment: 'local-review 不合适的话' })
    const id = (await ratingsOf(other, P0)).items.find((r) => r.mine)?.ratingId ?? ''
    await w.ok(A.secretary, { action: 'reviewComment', planId: P0, ratingId: id, decision: 'reject' })
    const find = async (caller: string) => (await ratingsOf(caller, P0)).items.find((r) => r.ratingId === id)
    expect(await find(other)).toMatchObject({ comment: 'local-review 不合适的话' })
    for (const caller of [A.secretary, A.members[0], A.resident]) expect(await find(caller)).toMatchObject({ comment: null, commentHeld: false, satisfaction: 'basic' })
  })

  it('lets the member rated and the branch secretary reply, named by role; nobody else', async () => {
    await w.ok(A.members[0], { action: 'reply', planId: P0, ratingId, text: '谢谢提醒，这周就补上' })
    const answered = await w.ok<RatingView>(A.secretary, { action: 'reply', planId: P0, ratingId, text: '支部会跟进' })
    expect(answered.replies.map((r) => [r.by, r.text])).toEqual([
      ['member', '谢谢提醒，这周就补上'],
      ['secretary', '支部会跟进'],
    ])
    expect((await seenBy(NO_BRANCH))?.replies).toHaveLength(2)
    const before = await w.snapshot()
    const replyAs = (caller: string | null, text = '我也说两句', id = ratingId) => w.errorCode(caller, { action: 'reply', planId: P0, ratingId: id, text })
    for (const caller of [A.members[1], B.secretary, B.members[0]]) expect(await replyAs(caller)).toBe('AUTH.FORBIDDEN')
    expect(await replyAs(A.resident)).toBe('AUTH.FORBIDDEN')
    expect(await replyAs(NO_BRANCH)).toBe('AUTH.NOT_IN_BRANCH')
    expect(await replyAs(null)).toBe('AUTH.REQUIRED')
    expect(await replyAs(A.members[0], '回复 local-risky')).toBe('COMMITMENT.TEXT_REJECTED')
    expect(await replyAs(A.members[0], ' ')).toBe('COMMON.INVALID_INPUT')
    expect(await replyAs(A.members[0], '回'.repeat(201))).toBe('COMMON.INVALID_INPUT')
    expect(await replyAs(A.members[0], '回复', 'abcdefabcdef')).toBe('COMMITMENT.RATING_NOT_FOUND')
    expect(await replyAs(A.members[0], '回复', 'XYZ')).toBe('COMMON.INVALID_INPUT')
    expect(await w.snapshot()).toBe(before)
  })

  it('keeps the replies and the decision when the rater changes only the satisfaction; a new comment is checked anew', async () => {
    await w.ok(rater, { action: 'rate', planId: P0, satisfaction: 'basic', comment: '说好的 local-review 没做到' })
    expect(await seenBy(NO_BRANCH)).toMatchObject({ satisfaction: 'basic', comment: '说好的 local-review 没做到', commentHeld: false })
    expect((await seenBy(NO_BRANCH))?.replies).toHaveLength(2)
    await w.ok(rater, { action: 'rate', planId: P0, satisfaction: 'basic', comment: '已经补上了，local-review' })
    expect(await seenBy(NO_BRANCH)).toMatchObject({ comment: null, commentHeld: true, replies: [] })
    await expectCountsBalance()
  })

  it('freezes replies with the month', async () => {
    w.at(MOMENT.due)
    await w.ok(null, { Type: 'Timer', TriggerName: 'hourly', Time: new Date().toISOString() })
    expect(await w.errorCode(A.members[0], { action: 'reply', planId: P0, ratingId, text: '补充一句' })).toBe('COMMITMENT.FROZEN')
    expect(await w.errorCode(A.resident, { action: 'rate', planId: P0, satisfaction: 'basic' })).toBe('COMMITMENT.FROZEN')
    // What was said stays readable on the closed board.
    expect((await seenBy(NO_BRANCH))?.satisfaction).toBe('basic')
    w.at(MOMENT.running)
  })
})

describe('commitment.ratings', () => {
  it('is public: anyone signed in reads a published plan’s ratings, newest first, page by page', async () => {
    const first = await w.ok<RatingPage>(NO_BRANCH, { action: 'ratings', planId: P0, limit: 5 })
    expect(first.items).toHaveLength(5)
    expect(first.nextCursor).toEqual(expect.any(String))
    const all: RatingView[] = [...first.items]
    let cursor = first.nextCursor
    while (cursor) {
      const page: RatingPage = await w.ok<RatingPage>(NO_BRANCH, { action: 'ratings', planId: P0, limit: 5, cursor })
      all.push(...page.items)
      cursor = page.nextCursor
    }
    expect(all).toHaveLength(await w.count('commitment_ratings', { planId: P0 }))
    expect(new Set(all.map((r) => r.ratingId)).size).toBe(all.length)
    const times = all.map((r) => Date.parse(r.at))
    expect(times).toEqual([...times].sort((a, b) => b - a))
  })

  it('keeps a plan not yet public to its author and the secretary', async () => {
    const b = await w.branch()
    w.at(MOMENT.running)
    const waiting = await w.submitted(b.members[0])
    expect((await w.ok<RatingPage>(b.members[0], { action: 'ratings', planId: waiting })).items).toEqual([])
    expect((await w.ok<RatingPage>(b.secretary, { action: 'ratings', planId: waiting })).items).toEqual([])
    for (const caller of [b.resident, b.members[1], NO_BRANCH, A.secretary]) expect(await w.errorCode(caller, { action: 'ratings', planId: waiting })).toBe('COMMITMENT.NOT_FOUND')
  })

  it('refuses a malformed plan id or cursor', async () => {
    expect(await w.errorCode(NO_BRANCH, { action: 'ratings', planId: 'C2026' })).toBe('COMMON.INVALID_INPUT')
    expect(await w.errorCode(NO_BRANCH, { action: 'ratings', planId: P0, cursor: '{"$gt":0}' })).toBe('COMMON.INVALID_INPUT')
    expect(await w.errorCode(NO_BRANCH, { action: 'ratings', planId: P0, limit: 51 })).toBe('COMMON.INVALID_INPUT')
  })
})
