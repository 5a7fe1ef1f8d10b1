import {
  useLectureFunction,
  call,
  ok,
  errorCode,
  SEC,
  SEC2,
  MEMBER,
  OTHER,
  RESIDENT,
  NOBODY,
  minutes,
  lectureInput,
  publishedLecture,
  allPages,
  BRANCH_1,
  BRANCH_2,
  PEOPLE,
  type Json,
} from '../../support/integration/lecture-function'

/** Browsing lectures: `list` and `get`, and who sees what, for every role. */
useLectureFunction()

describe('lecture.list', () => {
  it('shows own branch and open lectures of other branches, marked, paginated without repeats', async () => {
    const open2 = await ok<{ id: string }>(SEC2, lectureInput({ title: '第二支部开放党课', audience: 'open' }))
    await ok(SEC2, { action: 'publish', lectureId: open2.id })
    const closed2 = await ok<{ id: string }>(SEC2, lectureInput({ title: '第二支部内部党课' }))
    await ok(SEC2, { action: 'publish', lectureId: closed2.id })

    const seen: Json[] = []
    let cursor: string | undefined
    for (let i = 0; i < 20; i += 1) {
      const page = await ok<{ items: Json[]; nextCursor?: string }>(MEMBER, { action: 'list', scope: 'upcoming', limit: 2, ...(cursor ? { cursor } : {}) })
      seen.push(...page.items)
      cursor = page.nextCursor
      if (!cursor) break
    }
    const ids = seen.map((l) => l.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toContain(open2.id)
    expect(ids).not.toContain(closed2.id)
    expect(seen.find((l) => l.id === open2.id)).toMatchObject({ fromOtherBranch: true, branchName: '示范社区第二党支部' })
    expect(seen.every((l) => l.status !== 'draft')).toBe(true)
    const starts = seen.map((l) => Date.parse(String(l.startAt)))
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
  })

  it('lists past lectures newest first', async () => {
    await publishedLecture({ title: '往期党课', startAt: minutes(-300), endAt: minutes(-240) })
    const page = await ok<{ items: Json[] }>(MEMBER, { action: 'list', scope: 'past' })
    expect(page.items.map((l) => l.title)).toContain('往期党课')
  })

  it('answers a person without a branch with AUTH.NO_PROFILE', async () => {
    expect(await errorCode(NOBODY, { action: 'list', scope: 'upcoming' })).toBe('AUTH.NO_PROFILE')
  })
})

describe('lecture: who sees what (list and get), for every role', () => {
  type Fixture = 'draft1' | 'branchOnly1' | 'open1' | 'draft2' | 'branchOnly2' | 'open2'
  const ids = {} as Record<Fixture, string>
  const titles: Record<Fixture, string> = {
    draft1: '一支部草稿（开放）',
    branchOnly1: '一支部内部党课',
    open1: '一支部开放党课',
    draft2: '二支部草稿（开放）',
    branchOnly2: '二支部内部党课',
    open2: '二支部开放党课',
  }
  const branchOf = (f: Fixture) => (f.endsWith('1') ? 1 : 2)

  beforeAll(async () => {
    // The drafts are open lectures: a draft stays with its secretary even when it will be open to all.
    ids.draft1 = (await ok<{ id: string }>(SEC, lectureInput({ title: titles.draft1, audience: 'open' }))).id
    ids.branchOnly1 = await publishedLecture({ title: titles.branchOnly1 })
    ids.open1 = await publishedLecture({ title: titles.open1, audience: 'open' })
    ids.draft2 = (await ok<{ id: string }>(SEC2, lectureInput({ title: titles.draft2, audience: 'open' }))).id
    for (const [key, audience] of [['branchOnly2', 'branch'], ['open2', 'open']] as const) {
      ids[key] = (await ok<{ id: string }>(SEC2, lectureInput({ title: titles[key], audience }))).id
      await ok(SEC2, { action: 'publish', lectureId: ids[key] })
    }
  })

  const VISIBLE: Array<[string, string, Fixture[]]> = [
    ['secretary of the branch', SEC, ['draft1', 'branchOnly1', 'open1', 'open2']],
    ['secretary of another branch', SEC2, ['draft2', 'branchOnly2', 'open2', 'open1']],
    ['member', MEMBER, ['branchOnly1', 'open1', 'open2']],
    ['member of another branch', OTHER, ['branchOnly2', 'open2', 'open1']],
    ['resident', RESIDENT, ['branchOnly1', 'open1', 'open2']],
  ]
  const ALL = Object.keys(titles) as Fixture[]

  it.each(VISIBLE)('list: a %s sees exactly their own branch (drafts only for its secretary) and the open lectures of others, marked', async (_label, openid, visible) => {
    const items = await allPages(openid, { action: 'list', scope: 'upcoming' })
    const mine = ALL.filter((f) => items.some((l) => l.id === ids[f]))
    expect(mine.sort()).toEqual([...visible].sort())
    for (const f of visible) {
      const other = branchOf(f) !== PEOPLE[openid]?.branch
      expect(items.find((l) => l.id === ids[f])).toMatchObject({ title: titles[f], fromOtherBranch: other, branchName: branchOf(f) === 1 ? BRANCH_1 : BRANCH_2 })
    }
  })

  it.each(VISIBLE)('get: a %s opens what they may see and is told NOT_FOUND, without a word of it, for the rest', async (_label, openid, visible) => {
    const who = PEOPLE[openid]
    for (const f of ALL) {
      const res = await call(openid, { action: 'get', lectureId: ids[f] })
      if (visible.includes(f)) {
        const manages = who?.secretary === true && branchOf(f) === who.branch
        expect(res).toMatchObject({ ok: true, data: { id: ids[f], title: titles[f], fromOtherBranch: branchOf(f) !== who?.branch, me: { checkedIn: false, canManage: manages, canSeeAttendance: manages } } })
      } else {
        expect(res).toMatchObject({ ok: false, error: { code: 'LECTURE.NOT_FOUND' } })
        expect(JSON.stringify(res)).not.toContain(titles[f])
      }
    }
  })

  it.each([
    ['person without a branch', 'AUTH.NO_PROFILE', NOBODY],
    ['caller not signed in', 'AUTH.REQUIRED', null],
  ])('list and get: a %s is answered %s and shown nothing', async (_label, code, openid) => {
    for (const scope of ['upcoming', 'past']) expect(await errorCode(openid, { action: 'list', scope })).toBe(code)
    for (const f of ALL) {
      const res = await call(openid, { action: 'get', lectureId: ids[f] })
      expect(res).toMatchObject({ ok: false, error: { code } })
      expect(JSON.stringify(res)).not.toContain(titles[f])
    }
  })
})
