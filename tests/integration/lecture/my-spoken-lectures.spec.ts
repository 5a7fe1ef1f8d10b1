import {
  useLectureFunction,
  ok,
  errorCode,
  SEC,
  SEC2,
  MEMBER,
  MEMBER2,
  OTHER,
  RESIDENT,
  NOBODY,
  minutes,
  lectureInput,
  publishedLecture,
  type Json,
} from '../../support/integration/lecture-function'

/** `mySpokenLectures`: 我的 → 我主讲的党课, the caller's own published lectures as the linked speaker. */
useLectureFunction()

describe('lecture.mySpokenLectures', () => {
  const given: string[] = []
  let draft = ''
  let cancelled = ''

  beforeAll(async () => {
    // 23 published lectures by MEMBER, a day apart (more than two pages of 10), a draft and a cancelled one.
    for (let i = 0; i < 23; i += 1) {
      given.push(await publishedLecture({ title: `主讲-${i}`, startAt: minutes(-60 * 24 * (i + 1)), endAt: minutes(-60 * 24 * (i + 1) + 60), speaker: { name: '李秀英', openid: MEMBER } }))
    }
    draft = (await ok<{ id: string }>(SEC, lectureInput({ title: '主讲-草稿', speaker: { name: '李秀英', openid: MEMBER } }))).id
    cancelled = await publishedLecture({ title: '主讲-取消', speaker: { name: '李秀英', openid: MEMBER } })
    await ok(SEC, { action: 'cancel', lectureId: cancelled, reason: '场地有变' })
    // Someone else's, and one naming MEMBER only by name (not linked).
    await publishedLecture({ title: '别人主讲', speaker: { name: '王建国', openid: SEC } })
    await publishedLecture({ title: '只写姓名', speaker: { name: '李秀英' } })
  })

  it('lists every published lecture the caller spoke at, newest first, a page at a time with no repeats', async () => {
    const seen: Json[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const page = await ok<{ items: Json[]; nextCursor?: string }>(MEMBER, { action: 'mySpokenLectures', ...(cursor ? { cursor } : {}) })
      expect(page.items.length).toBeLessThanOrEqual(10)
      seen.push(...page.items)
      cursor = page.nextCursor
      pages += 1
    } while (cursor)
    expect(pages).toBe(3)
    expect(seen.map((l) => l.lectureId)).toEqual(given)
    expect(seen[0]).toEqual({
      lectureId: given[0],
      title: '主讲-0',
      branchName: '示范社区第一党支部',
      startAt: expect.any(String),
      endAt: expect.any(String),
      checkinCount: 0,
    })
    const ids = seen.map((l) => l.lectureId)
    expect(ids).not.toContain(draft)
    expect(ids).not.toContain(cancelled)
  })

  it.each([
    ['the secretary who published them', SEC, ['别人主讲']],
    ['another 党员 of the branch', MEMBER2, []],
    ['a 群众', RESIDENT, []],
    ['another branch’s secretary', SEC2, []],
    ['another branch’s 党员', OTHER, []],
  ])('gives %s only their own', async (_who, openid, titles) => {
    const page = await ok<{ items: Json[] }>(openid, { action: 'mySpokenLectures', limit: 50 })
    expect(page.items.map((l) => l.title)).toEqual(titles)
  })

  it('refuses someone in no branch', async () => {
    expect(await errorCode(NOBODY, { action: 'mySpokenLectures' })).toBe('AUTH.NO_PROFILE')
    expect(await errorCode(null, { action: 'mySpokenLectures' })).toBe('AUTH.REQUIRED')
  })

  it('refuses a request for someone else’s list', async () => {
    expect(await errorCode(SEC, { action: 'mySpokenLectures', openid: MEMBER })).toBe('COMMON.INVALID_INPUT')
  })
})
