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
  publishedLecture,
  liveToken,
  allPages,
  type Json,
} from '../../support/integration/lecture-function'

/** `myCheckIns`: a person's own check-in history. */
useLectureFunction()

describe('lecture.myCheckIns', () => {
  describe('each person sees only their own history', () => {
    const people = [SEC, MEMBER, RESIDENT, SEC2, OTHER]
    const attended: Record<string, { id: string; at: string }> = {}

    beforeAll(async () => {
      // One open lecture per person, checked in by that person alone.
      for (const person of people) {
        const id = await publishedLecture({ title: `个人签到记录-${person}`, audience: 'open' })
        const res = await ok<{ checkedInAt: string }>(person, { action: 'checkIn', lectureId: id, token: await liveToken(id) })
        attended[person] = { id, at: res.checkedInAt }
      }
    })

    it.each([
      ['secretary of the branch', SEC],
      ['member', MEMBER],
      ['resident', RESIDENT],
      ['secretary of another branch', SEC2],
      ['member of another branch', OTHER],
      ['member who attended none of them', MEMBER2],
    ])('a %s', async (_label, openid) => {
      const items = await allPages(openid, { action: 'myCheckIns' })
      const fixtureIds = new Set(Object.values(attended).map((a) => a.id))
      const seen = items.filter((c) => fixtureIds.has(String(c.lectureId)))
      const own = attended[openid]
      expect(seen).toEqual(own ? [expect.objectContaining({ lectureId: own.id, lectureTitle: `个人签到记录-${openid}`, at: own.at, method: 'scan' })] : [])
    })

    it.each([
      ['person without a branch', 'AUTH.NO_PROFILE', NOBODY],
      ['caller not signed in', 'AUTH.REQUIRED', null],
    ])('a %s is answered %s', async (_label, code, openid) => {
      expect(await errorCode(openid, { action: 'myCheckIns' })).toBe(code)
    })
  })

  it('lists my newest check-in first, with what the server noted about it', async () => {
    const id = await publishedLecture({ title: '远处签到的党课' })
    await ok(MEMBER, { action: 'checkIn', lectureId: id, token: await liveToken(id), location: { latitude: 31.26, longitude: 121.4737 } })
    const page = await ok<{ items: Json[] }>(MEMBER, { action: 'myCheckIns', limit: 1 })
    expect(page.items).toEqual([expect.objectContaining({ lectureId: id, lectureTitle: '远处签到的党课', method: 'scan', flags: ['far'] })])
  })
})
