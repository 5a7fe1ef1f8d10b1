import { parseScene, sceneFor, sceneFromText } from '../../../cloudfunctions/contracts/rules/check-in-scene.rules'
import { slotOf, tokenFor } from '../../../cloudfunctions/modules/lectures/check-in.rules'
import { decodeQrPng } from '../../support/qr-decode'
import {
  useLectureFunction,
  call,
  ok,
  errorCode,
  store,
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
  secretOf,
  liveToken,
  clearOfSlotEdge,
  checkInCount,
  storedState,
  storedCheckIn,
  BRANCH_1,
  BRANCH_2,
  type Json,
} from '../../support/integration/lecture-function'

/** Check-in: `checkIn` with the displayed code, and the code the display shows (`displayCode`). */
useLectureFunction()

describe('lecture.checkIn', () => {
  it('records a member once: first 签到成功, then already, and the display counts them', async () => {
    const id = await publishedLecture()
    const token = await liveToken(id)
    const first = await ok<Json>(MEMBER, { action: 'checkIn', lectureId: id, token })
    expect(first).toMatchObject({ already: false, flags: [] })
    const again = await ok<Json>(MEMBER, { action: 'checkIn', lectureId: id, token })
    expect(again).toMatchObject({ already: true, checkedInAt: first.checkedInAt })
    const display = await ok<Json>(SEC, { action: 'displayCode', lectureId: id })
    expect(display.checkinCount).toBe(1)
    expect(display.recent).toEqual([expect.objectContaining({ name: '李**' })])
    expect(await ok<Json>(MEMBER, { action: 'get', lectureId: id })).toMatchObject({ me: { checkedIn: true } })
  })

  it('gives the display the count and the newest masked names between codes, to its secretary only', async () => {
    const id = await publishedLecture()
    expect(await ok<Json>(SEC, { action: 'displayCount', lectureId: id })).toEqual({ checkinCount: 0, recent: [] })
    await ok(MEMBER, { action: 'checkIn', lectureId: id, token: await liveToken(id) })
    expect(await ok<Json>(SEC, { action: 'displayCount', lectureId: id })).toEqual({ checkinCount: 1, recent: [{ name: '李**', at: expect.any(String) }] })
    expect(await errorCode(MEMBER, { action: 'displayCount', lectureId: id })).toBe('AUTH.FORBIDDEN')
    expect(await errorCode(SEC, { action: 'displayCount', lectureId: id, withMiniCode: true })).toBe('COMMON.INVALID_INPUT')
  })

  it('gives the display a mini-program code that opens the check-in page with the scene', async () => {
    const id = await publishedLecture()
    const code = await ok<{ scene: string; miniCode: string }>(SEC, { action: 'displayCode', lectureId: id, withMiniCode: true })
    const png = Buffer.from(code.miniCode.replace(/^data:image\/png;base64,/, ''), 'base64')
    expect(decodeQrPng(png).text).toBe(`pages/check-in/index?scene=${encodeURIComponent(code.scene)}`)
    expect(code.scene.length).toBeLessThanOrEqual(32)
    expect(await ok<Json>(SEC, { action: 'displayCode', lectureId: id })).not.toHaveProperty('miniCode')
  })

  it('refuses a token two slots old as expired and a made-up one as invalid', async () => {
    const id = await publishedLecture()
    const secret = await secretOf(id)
    const old = tokenFor(secret, id, slotOf(Date.now()) - 2)
    expect(await errorCode(MEMBER, { action: 'checkIn', lectureId: id, token: old })).toBe('CHECKIN.TOKEN_EXPIRED')
    expect(await errorCode(MEMBER, { action: 'checkIn', lectureId: id, token: 'ABCDEFGHJK' })).toBe('CHECKIN.TOKEN_INVALID')
    expect(await checkInCount(id)).toBe(0)
  })

  it('accepts the previous slot (a code that changed while being scanned)', async () => {
    const id = await publishedLecture()
    await clearOfSlotEdge()
    const previous = tokenFor(await secretOf(id), id, slotOf(Date.now()) - 1)
    expect(await ok<Json>(MEMBER, { action: 'checkIn', lectureId: id, token: previous })).toMatchObject({ already: false })
  })

  it('refuses another branch on a branch lecture and welcomes them on an open one', async () => {
    const closed = await publishedLecture()
    expect(await errorCode(OTHER, { action: 'checkIn', lectureId: closed, token: await liveToken(closed) })).toBe('CHECKIN.AUDIENCE')
    const open = await publishedLecture({ audience: 'open' })
    expect(await ok<Json>(OTHER, { action: 'checkIn', lectureId: open, token: await liveToken(open) })).toMatchObject({ already: false })
    const rows = await ok<{ items: Json[] }>(SEC, { action: 'attendance', lectureId: open })
    expect(rows.items).toEqual([expect.objectContaining({ openid: OTHER, visitor: true, branchName: '示范社区第二党支部' })])
  })

  it('says when the window opens, and refuses after it closes', async () => {
    const later = await publishedLecture({ startAt: minutes(120), endAt: minutes(180) })
    const res = await call(MEMBER, { action: 'checkIn', lectureId: later, token: await liveToken(later) })
    expect(res.ok).toBe(false)
    if (!res.ok) {
      expect(res.error.code).toBe('CHECKIN.NOT_OPEN')
      expect(res.error.message).toMatch(/\d+月\d+日 \d{2}:\d{2}/)
    }
    const over = await publishedLecture({ startAt: minutes(-120), endAt: minutes(-60) })
    expect(await errorCode(MEMBER, { action: 'checkIn', lectureId: over, token: await liveToken(over) })).toBe('CHECKIN.CLOSED')
  })

  it('refuses drafts and cancelled lectures', async () => {
    const draft = await ok<{ id: string }>(SEC, lectureInput())
    expect(await errorCode(MEMBER, { action: 'checkIn', lectureId: draft.id, token: 'ABCDEFGHJK' })).toBe('CHECKIN.NOT_PUBLISHED')
    const id = await publishedLecture()
    const token = await liveToken(id)
    await ok(SEC, { action: 'cancel', lectureId: id, reason: '临时取消' })
    expect(await errorCode(MEMBER, { action: 'checkIn', lectureId: id, token })).toBe('CHECKIN.CANCELLED')
  })

  it('records but flags someone far from the venue', async () => {
    const id = await publishedLecture()
    const res = await ok<Json>(MEMBER, { action: 'checkIn', lectureId: id, token: await liveToken(id), location: { latitude: 31.26, longitude: 121.4737 } })
    expect(res).toMatchObject({ already: false, flags: ['far'] })
  })

  it('answers someone who saved a profile but joined no branch with AUTH.NOT_IN_BRANCH, on every action', async () => {
    const id = await publishedLecture({ audience: 'open' })
    const at = new Date()
    // What member.updateProfile stores for a person before they join with an invite code.
    await store().insert('members', [{ _id: 'profile-only', openid: 'profile-only', name: '钱多多', phone: '', post: '', avatar: '', role: null, branchId: null, joinedAt: null, updatedAt: at }])
    const token = await liveToken(id)
    const events: Json[] = [
      { action: 'checkIn', lectureId: id, token },
      { action: 'list', scope: 'upcoming' },
      { action: 'get', lectureId: id },
      { action: 'myCheckIns' },
      { action: 'attendance', lectureId: id },
      { action: 'displayCode', lectureId: id },
      { action: 'markAttendance', lectureId: id, openid: MEMBER, present: true, reason: '补录' },
    ]
    for (const event of events) expect([event.action, await errorCode('profile-only', event)]).toEqual([event.action, 'AUTH.NOT_IN_BRANCH'])
    expect(await checkInCount(id)).toBe(0)
  })

  it('answers who may not check in before anything about the lecture (the lecture is read alongside the caller)', async () => {
    expect(await errorCode(NOBODY, { action: 'checkIn', lectureId: 'L0000000000', token: 'ABCDEFGHJK' })).toBe('AUTH.NO_PROFILE')
    expect(await errorCode(null, { action: 'checkIn', lectureId: 'L0000000000', token: 'ABCDEFGHJK' })).toBe('AUTH.REQUIRED')
    expect(await errorCode(MEMBER, { action: 'checkIn', lectureId: 'L0000000000', token: 'ABCDEFGHJK' })).toBe('LECTURE.NOT_FOUND')
  })

  it('answers people without a branch with AUTH.NO_PROFILE', async () => {
    const id = await publishedLecture({ audience: 'open' })
    expect(await errorCode(NOBODY, { action: 'checkIn', lectureId: id, token: await liveToken(id) })).toBe('AUTH.NO_PROFILE')
  })

  it.each<[string, string, string | null, 'branch' | 'open', { visitor: boolean; branchName: string } | string]>([
    ['secretary of the branch', 'branch-only', SEC, 'branch', { visitor: false, branchName: BRANCH_1 }],
    ['member', 'branch-only', MEMBER, 'branch', { visitor: false, branchName: BRANCH_1 }],
    ['resident', 'branch-only', RESIDENT, 'branch', { visitor: false, branchName: BRANCH_1 }],
    ['secretary of another branch', 'branch-only', SEC2, 'branch', 'CHECKIN.AUDIENCE'],
    ['member of another branch', 'branch-only', OTHER, 'branch', 'CHECKIN.AUDIENCE'],
    ['person without a branch', 'branch-only', NOBODY, 'branch', 'AUTH.NO_PROFILE'],
    ['caller not signed in', 'branch-only', null, 'branch', 'AUTH.REQUIRED'],
    ['secretary of the branch', 'open', SEC, 'open', { visitor: false, branchName: BRANCH_1 }],
    ['resident', 'open', RESIDENT, 'open', { visitor: false, branchName: BRANCH_1 }],
    ['secretary of another branch', 'open', SEC2, 'open', { visitor: true, branchName: BRANCH_2 }],
    ['member of another branch', 'open', OTHER, 'open', { visitor: true, branchName: BRANCH_2 }],
    ['person without a branch', 'open', NOBODY, 'open', 'AUTH.NO_PROFILE'],
    ['caller not signed in', 'open', null, 'open', 'AUTH.REQUIRED'],
  ])('a %s scanning the live code of a %s lecture', async (_label, _shown, openid, audience, expected) => {
    const id = await publishedLecture({ audience })
    const token = await liveToken(id)
    const before = await storedState()
    const res = await call(openid, { action: 'checkIn', lectureId: id, token })
    const display = await ok<Json>(SEC, { action: 'displayCode', lectureId: id })
    const rows = (await ok<{ items: Json[] }>(SEC, { action: 'attendance', lectureId: id })).items
    if (typeof expected === 'string') {
      expect(res).toMatchObject({ ok: false, error: { code: expected } })
      expect(await storedState()).toBe(before)
      expect(display.checkinCount).toBe(0)
      expect(rows).toEqual([])
      return
    }
    expect(res).toMatchObject({ ok: true, data: { already: false, flags: [] } })
    expect(await checkInCount(id)).toBe(1)
    expect(display.checkinCount).toBe(1)
    expect(rows).toEqual([expect.objectContaining({ openid, method: 'scan', present: true, ...expected })])
    expect(await ok<Json>(openid, { action: 'get', lectureId: id })).toMatchObject({ me: { checkedIn: true } })
  })

  it('keeps exactly one record when one person taps 100 times at once', async () => {
    const id = await publishedLecture()
    const token = await liveToken(id)
    const results = await Promise.all(Array.from({ length: 100 }, () => call(MEMBER, { action: 'checkIn', lectureId: id, token })))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(results.filter((r) => r.ok && !(r.data as Json).already)).toHaveLength(1)
    expect(await checkInCount(id)).toBe(1)
    expect((await ok<Json>(SEC, { action: 'displayCode', lectureId: id })).checkinCount).toBe(1)
  })

  it('records 300 different people checking in at once: 300 records, checkinCount 300', async () => {
    const id = await publishedLecture({ audience: 'open' })
    const token = await liveToken(id)
    const people = Array.from({ length: 300 }, (_, i) => `load-person-${String(i).padStart(3, '0')}`)
    const joinedAt = new Date()
    await store().insert(
      'members',
      people.map((openid, i) => ({ _id: openid, openid, name: `测试党员${i}`, phone: '', post: '', avatar: '', role: 'member', branchId: 'demo-branch-2', joinedAt, updatedAt: joinedAt })),
    )
    const results = await Promise.all(people.map((openid) => call(openid, { action: 'checkIn', lectureId: id, token })))
    expect(results.filter((r) => r.ok)).toHaveLength(300)
    expect(await checkInCount(id)).toBe(300)
    expect((await ok<Json>(SEC, { action: 'displayCode', lectureId: id })).checkinCount).toBe(300)
    const owners = (await store().find('check_ins', { lectureId: id })).map((c) => c.openid)
    expect(new Set(owners)).toEqual(new Set(people))
  })
})

describe('lecture.displayCode', () => {
  const H5_PAGE = 'http://127.0.0.1:8080/#/pages/check-in/index'
  it.each<[string, string | undefined, (scene: string) => string]>([
    ['in the mini-program (no H5 URL configured)', undefined, (scene) => `zbhd://check-in?scene=${scene}`],
    ['for an H5 deployment (CHECKIN_H5_URL)', H5_PAGE, (scene) => `${H5_PAGE}?scene=${encodeURIComponent(scene)}`],
  ])('answers a rotating code %s: 15 s slots, expiry on the slot boundary, a QR that opens check-in, the live count', async (_label, h5Url, qrFor) => {
    const id = await publishedLecture()
    const saved = process.env.CHECKIN_H5_URL
    if (h5Url === undefined) delete process.env.CHECKIN_H5_URL
    else process.env.CHECKIN_H5_URL = h5Url
    try {
      const asked = Date.now()
      const code = await ok<{ token: string; qrContent: string; scene: string; slotSeconds: number; expiresAt: string; checkinCount: number; recent: Json[] }>(SEC, { action: 'displayCode', lectureId: id })
      expect(code.slotSeconds).toBe(15)
      expect(code.expiresAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
      const expires = Date.parse(code.expiresAt)
      expect(expires).toBeGreaterThan(asked)
      expect(expires).toBeLessThanOrEqual(Date.now() + 15_000)
      expect(expires % 15_000).toBe(0)
      expect(code.scene).toBe(sceneFor(id, code.token))
      expect(code.qrContent).toBe(qrFor(code.scene))
      // What the app's check-in page reads from the scanned text: this lecture and this token.
      expect(sceneFromText(code.qrContent)).toEqual({ lectureId: id, token: code.token })
      expect(parseScene(code.scene)).toEqual({ lectureId: id, token: code.token })
      expect(code).toMatchObject({ checkinCount: 0, recent: [] })

      for (const person of [MEMBER, RESIDENT]) await ok(person, { action: 'checkIn', lectureId: id, token: code.token })
      const after = await ok<{ checkinCount: number; recent: Json[] }>(SEC, { action: 'displayCode', lectureId: id })
      expect(after.checkinCount).toBe(2)
      expect(after.recent.map((r) => r.name).sort()).toEqual(['李**', '赵**'].sort())
    } finally {
      if (saved === undefined) delete process.env.CHECKIN_H5_URL
      else process.env.CHECKIN_H5_URL = saved
    }
  })

  // No clock control in these tests (the functions read the real clock), so "does not rotate" is shown
  // by the code staying the same, by it not being this slot's rotating code, and by it lasting until
  // the window closes rather than to the end of a slot.
  it('answers a static code that does not rotate: the same token every time, valid until check-in closes, and accepted', async () => {
    const id = await publishedLecture({ checkinMode: 'static' })
    const first = await ok<{ token: string; expiresAt: string; slotSeconds: number; qrContent: string }>(SEC, { action: 'displayCode', lectureId: id })
    const lecture = await ok<Json>(SEC, { action: 'get', lectureId: id })
    expect(lecture.checkinMode).toBe('static')
    expect(first.expiresAt).toBe(lecture.checkinClosesAt)
    expect(sceneFromText(first.qrContent)).toEqual({ lectureId: id, token: first.token })

    const secret = await secretOf(id)
    const slot = slotOf(Date.now())
    expect([tokenFor(secret, id, slot), tokenFor(secret, id, slot - 1)]).not.toContain(first.token)
    // A rotating code of this lecture is not what the static display shows, so it is not accepted.
    expect(await errorCode(MEMBER2, { action: 'checkIn', lectureId: id, token: tokenFor(secret, id, slot) })).toBe('CHECKIN.TOKEN_INVALID')

    expect(await ok<Json>(MEMBER, { action: 'checkIn', lectureId: id, token: first.token })).toMatchObject({ already: false })
    const second = await ok<{ token: string; expiresAt: string; checkinCount: number }>(SEC, { action: 'displayCode', lectureId: id })
    expect(second).toMatchObject({ token: first.token, expiresAt: first.expiresAt, checkinCount: 1 })
    expect(await ok<Json>(RESIDENT, { action: 'checkIn', lectureId: id, token: first.token })).toMatchObject({ already: false })
    expect(await checkInCount(id)).toBe(2)
  })
})

/**
 * The count people see comes from the check-ins themselves, so a check-in is one write and nothing can
 * be left half done; the lecture keeps it for lists once check-in has closed (docs/architecture.md "Check-in").
 */
describe('the check-in count', () => {
  it('counts a check-in whose function was killed right after the insert, on the display, the lecture page and the list', async () => {
    const id = await publishedLecture({ startAt: minutes(-10), endAt: minutes(50) })
    await ok(MEMBER, { action: 'checkIn', lectureId: id, token: await liveToken(id) })
    await store().insert('check_ins', [storedCheckIn(id, RESIDENT, '赵六', { nameKey: 'zhao-liu 赵六' })])
    expect((await ok<Json>(SEC, { action: 'displayCount', lectureId: id })).checkinCount).toBe(2)
    expect((await ok<Json>(MEMBER, { action: 'get', lectureId: id })).checkinCount).toBe(2)
    expect((await ok<Json>(SEC, { action: 'attendance', lectureId: id })).checkinCount).toBe(2)
    const listed = await ok<{ items: Json[] }>(SEC, { action: 'list', scope: 'upcoming' })
    expect(listed.items.find((l) => l.id === id)).toMatchObject({ checkinCount: 2 })
  })

  it('keeps the count on the lecture once check-in has closed, and 补录 and 移除 move it with the record', async () => {
    const id = await publishedLecture({ startAt: minutes(-180), endAt: minutes(-120) })
    await store().insert('check_ins', [storedCheckIn(id, MEMBER, '李四', { nameKey: 'li-si 李四' }), storedCheckIn(id, RESIDENT, '赵六', { nameKey: 'zhao-liu 赵六' }), storedCheckIn(id, SEC, '张三', { present: false, nameKey: 'zhang-san 张三' })])
    const pastCount = async () => (await ok<{ items: Json[] }>(MEMBER, { action: 'list', scope: 'past' })).items.find((l) => l.id === id)?.checkinCount
    expect(await pastCount()).toBe(2)
    const [kept] = await store().find('lectures', { _id: id })
    expect(kept).toMatchObject({ checkinCount: 2, countSettled: true })

    await ok(SEC, { action: 'markAttendance', lectureId: id, openid: RESIDENT, present: false, reason: '代签，本人未到场' })
    expect(await pastCount()).toBe(1)
    await ok(SEC, { action: 'markAttendance', lectureId: id, openid: MEMBER2, present: true, reason: '手机没电，现场核实' })
    await ok(SEC, { action: 'markAttendance', lectureId: id, openid: SEC, present: true, reason: '现场核实' })
    expect(await pastCount()).toBe(3)
    expect(await checkInCount(id)).toBe(3)
    expect((await ok<Json>(SEC, { action: 'get', lectureId: id })).checkinCount).toBe(3)
  })

  it('counts again when the lecture is moved after its count was kept', async () => {
    const id = await publishedLecture({ startAt: minutes(-180), endAt: minutes(-120) })
    await store().insert('check_ins', [storedCheckIn(id, MEMBER, '李四', { nameKey: 'li-si 李四' })])
    expect((await ok<Json>(SEC, { action: 'get', lectureId: id })).checkinCount).toBe(1)
    await ok(SEC, { action: 'update', lectureId: id, startAt: minutes(-10), endAt: minutes(50) })
    await ok(RESIDENT, { action: 'checkIn', lectureId: id, token: await liveToken(id) })
    expect((await ok<{ items: Json[] }>(MEMBER, { action: 'list', scope: 'upcoming' })).items.find((l) => l.id === id)).toMatchObject({ checkinCount: 2 })
  })
})
