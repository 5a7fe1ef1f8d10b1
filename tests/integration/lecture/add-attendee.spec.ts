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
  publishedLecture,
  liveToken,
  checkInCount,
  BRANCH_1,
  BRANCH_2,
  type Json,
} from '../../support/integration/lecture-function'

/** 补录 at an open lecture: finding people of any branch, entering an outside guest by name. */
useLectureFunction()

type Candidate = { openid: string; name: string; branchName: string; ownBranch: boolean; role: string; attendance: string | null }
type CandidatePage = { items: Candidate[]; nextCursor?: string }
const candidates = (lectureId: string, more: Json = {}) => ok<CandidatePage>(SEC, { action: 'attendeeCandidates', lectureId, ...more })

describe('lecture.attendeeCandidates', () => {
  it('offers the branch by part of a name, and another branch’s visitor only by full name, masked', async () => {
    const id = await publishedLecture({ audience: 'open' })
    await ok(MEMBER, { action: 'checkIn', lectureId: id, token: await liveToken(id) })

    const all = await candidates(id)
    expect(all.items.map((c) => c.openid).sort()).toEqual([SEC, MEMBER, MEMBER2, RESIDENT].sort())
    expect(all.items.find((c) => c.openid === MEMBER)).toMatchObject({ name: '李秀英', branchName: BRANCH_1, ownBranch: true, attendance: 'present' })
    expect(all.items.find((c) => c.openid === RESIDENT)).toMatchObject({ attendance: null, role: 'resident' })

    // Part of a name finds the branch's own people only: typing one character never lists another branch.
    expect((await candidates(id, { search: '李' })).items.map((c) => c.openid)).toEqual([MEMBER])
    expect((await candidates(id, { search: '刘' })).items).toEqual([])
    expect(JSON.stringify(await candidates(id, { search: '刘' }))).not.toContain(OTHER)

    // The visitor's full name finds them, masked, with their branch; once added they read as present.
    const found = await candidates(id, { search: '刘洋' })
    expect(found.items).toEqual([{ openid: OTHER, name: '刘*', branchName: BRANCH_2, ownBranch: false, role: 'member', attendance: null }])
    await ok(SEC, { action: 'markAttendance', lectureId: id, openid: OTHER, present: true, reason: '外支部来访，现场核实' })
    expect((await candidates(id, { search: '刘洋' })).items[0]).toMatchObject({ attendance: 'present' })
    const page = await ok<{ items: Json[]; checkinCount: number }>(SEC, { action: 'attendance', lectureId: id })
    expect(page.checkinCount).toBe(2)
    expect(page.items.find((r) => r.openid === OTHER)).toMatchObject({ name: '刘洋', visitor: true, method: 'manual', branchName: BRANCH_2, guest: false })

    // Removed people read as removed (恢复 brings them back), not as new.
    await ok(SEC, { action: 'markAttendance', lectureId: id, openid: MEMBER, present: false, reason: '代签' })
    expect((await candidates(id, { search: '李秀英' })).items[0]).toMatchObject({ attendance: 'removed' })
  })

  it('pages by the server’s cursor without repeating anyone', async () => {
    const id = await publishedLecture({ audience: 'open' })
    const first = await candidates(id, { limit: 3 })
    expect(first.items).toHaveLength(3)
    expect(first.nextCursor).toEqual(expect.any(String))
    const second = await candidates(id, { limit: 3, cursor: first.nextCursor })
    expect(second.nextCursor).toBeUndefined()
    const seen = [...first.items, ...second.items].map((c) => c.openid)
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen.sort()).toEqual([SEC, MEMBER, MEMBER2, RESIDENT].sort())
  })

  it('offers only the branch’s own people at a branch lecture, even by full name', async () => {
    const id = await publishedLecture()
    expect((await candidates(id, { search: '刘洋' })).items).toEqual([])
    expect((await candidates(id, { search: '赵桂兰' })).items.map((c) => c.openid)).toEqual([RESIDENT])
  })
})

describe('lecture.addGuest', () => {
  it('enters an outside guest by name once, counted, removable, and filed in the ledger as 来宾 and 补录', async () => {
    const id = await publishedLecture({ audience: 'open' })
    const row = await ok<Json>(SEC, { action: 'addGuest', lectureId: id, name: '李明（街道办）', reason: '街道办来宾，未加入支部' })
    expect(row).toMatchObject({ name: '李明（街道办）', guest: true, visitor: false, method: 'manual', present: true, reason: '街道办来宾，未加入支部' })
    expect(await checkInCount(id)).toBe(1)

    // The same name again (a second tap) records nothing more, and says what to do.
    expect(await errorCode(SEC, { action: 'addGuest', lectureId: id, name: '李明（街道办）', reason: '再点一次' })).toBe('ATTENDANCE.GUEST_EXISTS')
    expect(await store().count('check_ins', { lectureId: id })).toBe(1)
    expect(await checkInCount(id)).toBe(1)

    // 撤销 and 恢复 work on a guest as on anyone, moving the count.
    const openid = String(row.openid)
    await ok(SEC, { action: 'markAttendance', lectureId: id, openid, present: false, reason: '登记错了' })
    expect(await checkInCount(id)).toBe(0)
    await ok(SEC, { action: 'markAttendance', lectureId: id, openid, present: true, reason: '核实到场' })
    expect(await checkInCount(id)).toBe(1)
    const [lecture] = await store().find('lectures', { _id: id })
    expect(lecture).toMatchObject({ checkinCount: 1, guestCount: 1 })

    const exported = await ok<{ url: string }>(SEC, { action: 'exportAttendance', lectureId: id })
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await (await fetch(exported.url)).arrayBuffer()) as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('签到台账')
    if (!ws) throw new Error('no sheet')
    const header = (ws.getRow(4).values as unknown[]).slice(1)
    const col = (name: string) => header.indexOf(name) + 1
    const guestRow = ws.getRow(5)
    expect(guestRow.getCell(col('姓名')).value).toBe('李明（街道办）')
    expect(guestRow.getCell(col('身份')).value).toBe('访客')
    expect(guestRow.getCell(col('本支部/外支部')).value).toBe('来宾')
    expect(guestRow.getCell(col('方式')).value).toBe('书记补录')
    expect(String(guestRow.getCell(col('备注')).value)).toContain('来宾')
    expect(String(ws.getCell('A3').value)).toBe('合计签到 1 人（访客 1 人）；来宾 1 人')
  })

  it('refuses a guest at a branch lecture, and writes nothing', async () => {
    const id = await publishedLecture()
    expect(await errorCode(SEC, { action: 'addGuest', lectureId: id, name: '李明', reason: '来宾' })).toBe('ATTENDANCE.GUEST_NOT_OPEN')
    expect(await store().count('check_ins', { lectureId: id })).toBe(0)
  })

  it.each<[string, string | null, string]>([
    ['member', MEMBER, 'AUTH.FORBIDDEN'],
    ['speaker', MEMBER2, 'AUTH.FORBIDDEN'],
    ['resident', RESIDENT, 'AUTH.FORBIDDEN'],
    ['secretary of another branch', SEC2, 'LECTURE.NOT_FOUND'],
    ['member of another branch', OTHER, 'AUTH.FORBIDDEN'],
    ['person without a branch', NOBODY, 'AUTH.NO_PROFILE'],
    ['nobody signed in', null, 'AUTH.REQUIRED'],
  ])('refuses a %s both actions, and writes nothing', async (_label, openid, code) => {
    const id = await publishedLecture({ audience: 'open' })
    expect(await errorCode(openid, { action: 'attendeeCandidates', lectureId: id, search: '刘洋' })).toBe(code)
    expect(await errorCode(openid, { action: 'addGuest', lectureId: id, name: '李明', reason: '来宾' })).toBe(code)
    expect(await store().count('check_ins', { lectureId: id })).toBe(0)
  })

  it.each<[string, Json]>([
    ['an empty guest name', { action: 'addGuest', name: '  ', reason: '来宾' }],
    ['a guest name over 20 characters', { action: 'addGuest', name: '长'.repeat(21), reason: '来宾' }],
    ['an operator as the guest name', { action: 'addGuest', name: { $ne: null }, reason: '来宾' }],
    ['no reason', { action: 'addGuest', name: '李明', reason: '' }],
    ['an unknown key', { action: 'addGuest', name: '李明', reason: '来宾', openid: MEMBER }],
    ['an operator as the search', { action: 'attendeeCandidates', search: { $regex: '.' } }],
    ['a search over 20 characters', { action: 'attendeeCandidates', search: '长'.repeat(21) }],
    ['a limit of 1000', { action: 'attendeeCandidates', limit: 1000 }],
  ])('refuses %s as COMMON.INVALID_INPUT, and writes nothing', async (_label, event) => {
    const id = await publishedLecture({ audience: 'open' })
    const res = await call(SEC, { ...event, lectureId: id })
    expect(res).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT' } })
    expect(await store().count('check_ins', { lectureId: id })).toBe(0)
  })
})
