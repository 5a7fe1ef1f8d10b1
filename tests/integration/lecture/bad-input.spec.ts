import {
  useLectureFunction,
  call,
  ok,
  errorCode,
  store,
  SEC,
  MEMBER,
  RESIDENT,
  lectureInput,
  publishedLecture,
  liveToken,
  storedState,
  type Json,
} from '../../support/integration/lecture-function'

/** Bad input on every action is refused with COMMON.INVALID_INPUT (or COMMON.UNKNOWN_ACTION) and writes nothing. */
useLectureFunction()

describe('lecture: bad input is refused with COMMON.INVALID_INPUT', () => {
  const big = '长'.repeat(100 * 1024)
  it.each<[string, Json]>([
    ['create without a title', { ...lectureInput(), title: '' }],
    ['create with a local time without offset', { ...lectureInput(), startAt: '2026-11-22 19:00' }],
    ['create with a 100 KB topic', { ...lectureInput(), topic: big }],
    ['create with an object title', { ...lectureInput(), title: { $ne: null } }],
    ['create with an unknown key', { ...lectureInput(), status: 'published' }],
    ['create with a javascript: material', { ...lectureInput(), materials: [{ title: 'x', url: 'javascript:alert(1)' }] }],
    ['get with an operator id', { action: 'get', lectureId: { $ne: null } }],
    ['checkIn with an operator token', { action: 'checkIn', lectureId: 'Labcdefghij', token: { $gt: '' } }],
    ['checkIn with a bad location', { action: 'checkIn', lectureId: 'Labcdefghij', token: 'ABCDEFGHJK', location: { latitude: 999, longitude: 0 } }],
    ['list with an unknown scope', { action: 'list', scope: 'all' }],
    ['markAttendance without reason', { action: 'markAttendance', lectureId: 'Labcdefghij', openid: MEMBER, present: true, reason: '' }],
    ['attendance with a huge limit', { action: 'attendance', lectureId: 'Labcdefghij', limit: 5000 }],
  ])('%s', async (_label, event) => {
    const before = await store().count('lectures')
    expect(await errorCode(SEC, event)).toBe('COMMON.INVALID_INPUT')
    expect(await store().count('lectures')).toBe(before)
  })

  describe('on the actions that change or hand out a lecture, as the secretary and as a member, writing nothing', () => {
    type Ids = { draft: string; published: string }
    const ids = {} as Ids
    beforeAll(async () => {
      ids.draft = (await ok<{ id: string }>(SEC, lectureInput({ title: '坏输入靶子（草稿）' }))).id
      ids.published = await publishedLecture({ title: '坏输入靶子（已发布）' })
      await ok(MEMBER, { action: 'checkIn', lectureId: ids.published, token: await liveToken(ids.published) })
    })

    const op = { $ne: null }
    // Each event, were it let through, would write: a changed title, a published draft, a cancelled lecture.
    const EVENTS: Array<[string, (ids: Ids) => unknown, string]> = [
      ['update with an operator as the lecture id', () => ({ action: 'update', lectureId: op, title: '篡改' }), 'COMMON.INVALID_INPUT'],
      ['update with an operator as the title', (i) => ({ action: 'update', lectureId: i.draft, title: op }), 'COMMON.INVALID_INPUT'],
      ['update with an operator as the audience', (i) => ({ action: 'update', lectureId: i.draft, audience: { $in: ['open'] } }), 'COMMON.INVALID_INPUT'],
      ['update with an operator as the speaker\'s openid', (i) => ({ action: 'update', lectureId: i.draft, speaker: { name: '王建国', openid: op } }), 'COMMON.INVALID_INPUT'],
      ['update with an operator in the check-in window', (i) => ({ action: 'update', lectureId: i.draft, checkinWindow: { opensBeforeMinutes: { $gt: 0 }, closesAfterMinutes: 0 } }), 'COMMON.INVALID_INPUT'],
      ['update with the status as an unknown key', (i) => ({ action: 'update', lectureId: i.draft, title: '偷偷发布', status: 'published' }), 'COMMON.INVALID_INPUT'],
      ['update with the count as an unknown key', (i) => ({ action: 'update', lectureId: i.published, checkinCount: 999 }), 'COMMON.INVALID_INPUT'],
      ['update with the secret as an unknown key', (i) => ({ action: 'update', lectureId: i.published, secret: 'known-secret' }), 'COMMON.INVALID_INPUT'],
      ['update with an unknown key in the location', (i) => ({ action: 'update', lectureId: i.draft, location: { name: '会议室', floor: 2 } }), 'COMMON.INVALID_INPUT'],
      ['update with a 100 KB title', (i) => ({ action: 'update', lectureId: i.draft, title: big }), 'COMMON.INVALID_INPUT'],
      ['update with a 100 KB topic', (i) => ({ action: 'update', lectureId: i.draft, topic: big }), 'COMMON.INVALID_INPUT'],
      ['update with a 100 KB place name', (i) => ({ action: 'update', lectureId: i.draft, location: { name: big } }), 'COMMON.INVALID_INPUT'],
      ['update with a 100 KB lecture id', () => ({ action: 'update', lectureId: big, title: '篡改' }), 'COMMON.INVALID_INPUT'],
      ['update without a lecture id', () => ({ action: 'update', title: '篡改' }), 'COMMON.INVALID_INPUT'],
      ['publish with an operator as the lecture id', () => ({ action: 'publish', lectureId: op }), 'COMMON.INVALID_INPUT'],
      ['publish with a regex operator as the lecture id', () => ({ action: 'publish', lectureId: { $regex: '.*' } }), 'COMMON.INVALID_INPUT'],
      ['publish with an unknown key', (i) => ({ action: 'publish', lectureId: i.draft, publishedAt: '2020-01-01T00:00:00Z' }), 'COMMON.INVALID_INPUT'],
      ['publish with a 100 KB lecture id', () => ({ action: 'publish', lectureId: big }), 'COMMON.INVALID_INPUT'],
      ['publish without a lecture id', () => ({ action: 'publish' }), 'COMMON.INVALID_INPUT'],
      ['cancel with an operator as the lecture id', () => ({ action: 'cancel', lectureId: op, reason: '捣乱' }), 'COMMON.INVALID_INPUT'],
      ['cancel with an operator as the reason', (i) => ({ action: 'cancel', lectureId: i.published, reason: op }), 'COMMON.INVALID_INPUT'],
      ['cancel with an unknown key', (i) => ({ action: 'cancel', lectureId: i.published, reason: '临时取消', notify: false }), 'COMMON.INVALID_INPUT'],
      ['cancel with a 100 KB reason', (i) => ({ action: 'cancel', lectureId: i.published, reason: big }), 'COMMON.INVALID_INPUT'],
      ['cancel without a reason', (i) => ({ action: 'cancel', lectureId: i.published }), 'COMMON.INVALID_INPUT'],
      ['displayCode with an operator as the lecture id', () => ({ action: 'displayCode', lectureId: op }), 'COMMON.INVALID_INPUT'],
      ['displayCode with an operator as withMiniCode', (i) => ({ action: 'displayCode', lectureId: i.published, withMiniCode: op }), 'COMMON.INVALID_INPUT'],
      ['displayCode with an unknown key', (i) => ({ action: 'displayCode', lectureId: i.published, slotSeconds: 3600 }), 'COMMON.INVALID_INPUT'],
      ['displayCode with a 100 KB lecture id', () => ({ action: 'displayCode', lectureId: big }), 'COMMON.INVALID_INPUT'],
      ['exportAttendance with an operator as the lecture id', () => ({ action: 'exportAttendance', lectureId: { $exists: true } }), 'COMMON.INVALID_INPUT'],
      ['exportAttendance with an unknown key', (i) => ({ action: 'exportAttendance', lectureId: i.published, cloudPath: 'lecture-materials/x.xlsx' }), 'COMMON.INVALID_INPUT'],
      ['exportAttendance with a 100 KB lecture id', () => ({ action: 'exportAttendance', lectureId: big }), 'COMMON.INVALID_INPUT'],
      ['list with an operator as the scope', () => ({ action: 'list', scope: { $in: ['upcoming', 'past'] } }), 'COMMON.INVALID_INPUT'],
      ['list with an operator as the cursor', () => ({ action: 'list', scope: 'upcoming', cursor: op }), 'COMMON.INVALID_INPUT'],
      ['list with a huge limit', () => ({ action: 'list', scope: 'past', limit: 5000 }), 'COMMON.INVALID_INPUT'],
      ['list with an unknown key', () => ({ action: 'list', scope: 'upcoming', branchId: 'demo-branch-2' }), 'COMMON.INVALID_INPUT'],
      ['get with a 100 KB lecture id', () => ({ action: 'get', lectureId: big }), 'COMMON.INVALID_INPUT'],
      ['get with an unknown key', (i) => ({ action: 'get', lectureId: i.published, withSecret: true }), 'COMMON.INVALID_INPUT'],
      ['attendance with an operator as the lecture id', () => ({ action: 'attendance', lectureId: op }), 'COMMON.INVALID_INPUT'],
      ['attendance with an operator as the cursor', (i) => ({ action: 'attendance', lectureId: i.published, cursor: op }), 'COMMON.INVALID_INPUT'],
      ['attendance with an unknown key', (i) => ({ action: 'attendance', lectureId: i.published, present: false }), 'COMMON.INVALID_INPUT'],
      ['markAttendance with an operator as the openid', (i) => ({ action: 'markAttendance', lectureId: i.published, openid: op, present: false, reason: '代签' }), 'COMMON.INVALID_INPUT'],
      ['markAttendance with "true" as present', (i) => ({ action: 'markAttendance', lectureId: i.published, openid: RESIDENT, present: 'true', reason: '补录' }), 'COMMON.INVALID_INPUT'],
      ['markAttendance with an operator as the reason', (i) => ({ action: 'markAttendance', lectureId: i.published, openid: MEMBER, present: false, reason: op }), 'COMMON.INVALID_INPUT'],
      ['markAttendance with a 100 KB reason', (i) => ({ action: 'markAttendance', lectureId: i.published, openid: MEMBER, present: false, reason: big }), 'COMMON.INVALID_INPUT'],
      ['markAttendance with an unknown key', (i) => ({ action: 'markAttendance', lectureId: i.published, openid: RESIDENT, present: true, reason: '补录', method: 'scan' }), 'COMMON.INVALID_INPUT'],
      ['markAttendance without present', (i) => ({ action: 'markAttendance', lectureId: i.published, openid: MEMBER, reason: '代签' }), 'COMMON.INVALID_INPUT'],
      ['myCheckIns with an operator as the cursor', () => ({ action: 'myCheckIns', cursor: op }), 'COMMON.INVALID_INPUT'],
      ['myCheckIns with an operator as the limit', () => ({ action: 'myCheckIns', limit: { $gt: 0 } }), 'COMMON.INVALID_INPUT'],
      ['myCheckIns asking for someone else\'s history', () => ({ action: 'myCheckIns', openid: MEMBER }), 'COMMON.INVALID_INPUT'],
      ['myCheckIns with a 100 KB cursor', () => ({ action: 'myCheckIns', cursor: big }), 'COMMON.INVALID_INPUT'],
      ['myCheckIns with a huge limit', () => ({ action: 'myCheckIns', limit: 5000 }), 'COMMON.INVALID_INPUT'],
      ['an event without an action', (i) => ({ lectureId: i.draft }), 'COMMON.INVALID_INPUT'],
      ['an empty action', (i) => ({ action: '', lectureId: i.draft }), 'COMMON.INVALID_INPUT'],
      ['an operator as the action', (i) => ({ action: op, lectureId: i.draft }), 'COMMON.INVALID_INPUT'],
      ['an event that is not an object', () => 'publish', 'COMMON.INVALID_INPUT'],
      ['an event that is an array', (i) => [{ action: 'publish', lectureId: i.draft }], 'COMMON.INVALID_INPUT'],
      ['an unknown action', (i) => ({ action: 'delete', lectureId: i.published }), 'COMMON.UNKNOWN_ACTION'],
      ['an action in the wrong case', (i) => ({ action: 'Publish', lectureId: i.draft }), 'COMMON.UNKNOWN_ACTION'],
      ['an object-prototype name as the action', (i) => ({ action: 'constructor', lectureId: i.draft }), 'COMMON.UNKNOWN_ACTION'],
      ['__proto__ as the action', (i) => ({ action: '__proto__', lectureId: i.draft }), 'COMMON.UNKNOWN_ACTION'],
      ['a 100 KB action', (i) => ({ action: big, lectureId: i.draft }), 'COMMON.UNKNOWN_ACTION'],
    ]
    const CALLERS: Array<[string, string]> = [
      ['secretary', SEC],
      ['member', MEMBER],
    ]

    it.each(EVENTS.flatMap(([label, event, code]) => CALLERS.map(([who, openid]) => [label, who, code, openid, event] as const)))(
      '%s, as the %s: %s',
      async (_label, _who, code, openid, event) => {
        const before = await storedState()
        const res = await call(openid, event(ids))
        expect(res).toMatchObject({ ok: false, error: { code } })
        if (!res.ok) expect(res.error.message).toMatch(/[\u4e00-\u9fa5]/)
        // Never a field's internal key (`（lectureId）`) nor a type or option name: people read this message.
        if (!res.ok) for (const key of [...keysOf(event(ids)), 'expected', 'number', 'string']) expect([key, res.error.message]).toEqual([key, expect.not.stringContaining(key)])
        expect(await storedState()).toBe(before)
      },
    )
  })
})

/** Every key of an event, nested ones too, but `action` (its value is named when unknown). */
function keysOf(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return []
  return Object.entries(value).flatMap(([k, v]) => [...(k === 'action' ? [] : [k]), ...keysOf(v)])
}
