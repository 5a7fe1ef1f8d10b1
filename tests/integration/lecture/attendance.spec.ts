import { decodeCursor } from '../../../cloudfunctions/shared/cursor'
import { maskName } from '../../../cloudfunctions/shared/privacy.rules'
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
  nameOf,
  BRANCH_1,
  BRANCH_2,
  type Json,
} from '../../support/integration/lecture-function'

/** Attendance: the secretary's corrections by hand, who sees the list (secretary, speaker) and the .xlsx ledger. */
useLectureFunction()

describe('lecture attendance', () => {
  it('lets the secretary add and remove by hand with the reason kept, moving the count', async () => {
    const id = await publishedLecture()
    await ok(MEMBER, { action: 'checkIn', lectureId: id, token: await liveToken(id) })
    const added = await ok<Json>(SEC, { action: 'markAttendance', lectureId: id, openid: RESIDENT, present: true, reason: '手机没电，现场核实' })
    expect(added).toMatchObject({ method: 'manual', present: true, reason: '手机没电，现场核实' })
    const removed = await ok<Json>(SEC, { action: 'markAttendance', lectureId: id, openid: MEMBER, present: false, reason: '代签，本人未到场' })
    expect(removed).toMatchObject({ present: false, reason: '代签，本人未到场' })
    const page = await ok<{ items: Json[]; checkinCount: number }>(SEC, { action: 'attendance', lectureId: id })
    expect(page.checkinCount).toBe(1)
    expect(page.items).toHaveLength(2)
    expect(await errorCode(MEMBER, { action: 'checkIn', lectureId: id, token: await liveToken(id) })).toBe('CHECKIN.REMOVED')
    expect(await errorCode(SEC, { action: 'markAttendance', lectureId: id, openid: MEMBER2, present: false, reason: '无' })).toBe('ATTENDANCE.NOT_RECORDED')
    expect(await errorCode(SEC, { action: 'markAttendance', lectureId: id, openid: OTHER, present: true, reason: '外支部' })).toBe('LECTURE.PERSON_NOT_FOUND')
  })

  it('tells a person whose check-in was revoked, with the reason, on get; others are not marked removed', async () => {
    const id = await publishedLecture()
    const before = await ok<{ me: Json }>(MEMBER, { action: 'get', lectureId: id })
    expect(before.me).toMatchObject({ checkedIn: false, removed: false, removedReason: null })
    await ok(MEMBER, { action: 'checkIn', lectureId: id, token: await liveToken(id) })
    expect((await ok<{ me: Json }>(MEMBER, { action: 'get', lectureId: id })).me).toMatchObject({ checkedIn: true, removed: false, removedReason: null })

    await ok(SEC, { action: 'markAttendance', lectureId: id, openid: MEMBER, present: false, reason: '代签，本人未到场' })
    const removed = await ok<{ me: Json }>(MEMBER, { action: 'get', lectureId: id })
    expect(removed.me).toMatchObject({ checkedIn: false, checkedInAt: null, removed: true, removedReason: '代签，本人未到场' })
    // Only the caller's own record counts: the secretary and another member are not "removed".
    expect((await ok<{ me: Json }>(MEMBER2, { action: 'get', lectureId: id })).me).toMatchObject({ removed: false, removedReason: null })
    expect((await ok<{ me: Json }>(SEC, { action: 'get', lectureId: id })).me).toMatchObject({ removed: false, removedReason: null })

    // Added back by hand: checked in again, no longer removed.
    await ok(SEC, { action: 'markAttendance', lectureId: id, openid: MEMBER, present: true, reason: '核实确已到场' })
    expect((await ok<{ me: Json }>(MEMBER, { action: 'get', lectureId: id })).me).toMatchObject({ checkedIn: true, removed: false, removedReason: null })
  })

  it('shows attendance to the speaker but not to other members', async () => {
    const id = await publishedLecture()
    await ok(MEMBER, { action: 'checkIn', lectureId: id, token: await liveToken(id) })
    // The speaker sees who came by masked name; the full name stays with the secretary's ledger.
    expect((await ok<{ items: Json[] }>(MEMBER2, { action: 'attendance', lectureId: id })).items).toEqual([expect.objectContaining({ name: '李**' })])
    expect((await ok<{ items: Json[] }>(SEC, { action: 'attendance', lectureId: id })).items).toEqual([expect.objectContaining({ name: '李秀英' })])
    expect(await errorCode(MEMBER, { action: 'attendance', lectureId: id })).toBe('AUTH.FORBIDDEN')
    expect(await errorCode(RESIDENT, { action: 'attendance', lectureId: id })).toBe('AUTH.FORBIDDEN')
    expect(await errorCode(SEC2, { action: 'attendance', lectureId: id })).toBe('AUTH.FORBIDDEN')
  })

  it('never answers a phone number, to the secretary or to anyone else', async () => {
    const id = await publishedLecture({ audience: 'open' })
    const token = await liveToken(id)
    for (const person of [MEMBER, RESIDENT, OTHER]) await ok(person, { action: 'checkIn', lectureId: id, token })
    const answers = [
      await call(SEC, { action: 'attendance', lectureId: id }),
      await call(MEMBER2, { action: 'attendance', lectureId: id }),
      await call(SEC, { action: 'displayCode', lectureId: id }),
      await call(SEC, { action: 'get', lectureId: id }),
      await call(OTHER, { action: 'list', scope: 'upcoming' }),
      await call(RESIDENT, { action: 'myCheckIns' }),
    ]
    for (const res of answers) {
      expect(res.ok).toBe(true)
      const payload = JSON.stringify(res)
      expect(payload).not.toMatch(/1380013800\d/)
      expect(payload).not.toContain('"phone"')
    }
  })

  it('exports an .xlsx ledger that downloads and names the attendee', async () => {
    const id = await publishedLecture()
    await ok(MEMBER, { action: 'checkIn', lectureId: id, token: await liveToken(id) })
    const exported = await ok<{ url: string; rows: number; fileName: string }>(SEC, { action: 'exportAttendance', lectureId: id })
    expect(exported.rows).toBe(1)
    expect(exported.fileName).toMatch(/^签到台账-.*\.xlsx$/)
    const res = await fetch(exported.url)
    expect(res.status).toBe(200)
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer)
    const text = JSON.stringify(wb.getWorksheet('签到台账')?.getSheetValues())
    expect(text).toContain('李秀英')
    expect(text).toContain('合计签到 1 人')
  })

  it('files the ledger as a secretary would: 身份 and 本支部/外支部 apart, 补录 with when, Beijing date cells, A4 landscape one page wide', async () => {
    const id = await publishedLecture({ audience: 'open' })
    const token = await liveToken(id)
    await ok(MEMBER, { action: 'checkIn', lectureId: id, token })
    await ok(OTHER, { action: 'checkIn', lectureId: id, token })
    await ok(SEC, { action: 'markAttendance', lectureId: id, openid: RESIDENT, present: true, reason: '手机没电，现场核实' })
    const exported = await ok<{ url: string; rows: number }>(SEC, { action: 'exportAttendance', lectureId: id })
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await (await fetch(exported.url)).arrayBuffer()) as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('签到台账')
    if (!ws) throw new Error('no sheet')
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:4' })
    expect(String(ws.getCell('A1').value)).toContain('签到台账')
    expect(String(ws.getCell('A3').value)).toBe('合计签到 3 人（党员 2 人，群众 1 人）；其中外支部 1 人')
    const header = (ws.getRow(4).values as unknown[]).slice(1)
    expect(header).toEqual(['序号', '姓名', '身份', '本支部/外支部', '所在支部', '签到时间（北京时间）', '方式', '状态', '书记登记时间', '备注'])
    const col = (name: string) => header.indexOf(name) + 1
    const rowOf = (person: string) => {
      for (let r = 5; r <= ws.rowCount; r += 1) if (ws.getRow(r).getCell(col('姓名')).value === nameOf(person)) return ws.getRow(r)
      throw new Error(`no row for ${person}`)
    }
    const stored = await store().find('check_ins', { lectureId: id })
    const atOf = (person: string) => new Date(stored.find((c) => c.openid === person)?.at as Date)
    const beijingCell = (d: Date) => new Date(d.getTime() + 8 * 3600_000)
    expect(rowOf(MEMBER).getCell(col('身份')).value).toBe('党员')
    expect(rowOf(MEMBER).getCell(col('本支部/外支部')).value).toBe('本支部')
    expect(rowOf(OTHER).getCell(col('身份')).value).toBe('党员')
    expect(rowOf(OTHER).getCell(col('本支部/外支部')).value).toBe('外支部')
    expect(rowOf(RESIDENT).getCell(col('身份')).value).toBe('群众')
    // Times are date cells showing Beijing wall time, not text.
    expect(rowOf(MEMBER).getCell(col('签到时间（北京时间）')).value).toEqual(beijingCell(atOf(MEMBER)))
    expect(rowOf(MEMBER).getCell(col('签到时间（北京时间）')).numFmt).toBe('yyyy-mm-dd hh:mm:ss')
    expect(rowOf(MEMBER).getCell(col('书记登记时间')).value).toBeNull()
    const added = rowOf(RESIDENT)
    expect(added.getCell(col('方式')).value).toBe('书记补录')
    expect(added.getCell(col('书记登记时间')).value).toEqual(beijingCell(atOf(RESIDENT)))
    expect(String(added.getCell(col('备注')).value)).toContain('书记补录')
    expect(String(added.getCell(col('备注')).value)).toContain('原因：手机没电，现场核实')
    const last = (ws.getRow(ws.rowCount).values as unknown[]).filter(Boolean)
    expect(last).toEqual(['合计签到 3 人（党员 2 人，群众 1 人）；其中外支部 1 人'])
  })

  it.each<[string, string, string | null, { view: 'secretary'; openids: string[] } | { view: 'speaker'; names: string[] } | string]>([
    ['secretary of the branch', 'both attendees', SEC, { view: 'secretary', openids: [MEMBER, OTHER] }],
    ['speaker', 'both attendees, masked', MEMBER2, { view: 'speaker', names: ['李**', maskName(nameOf(OTHER))] }],
    ['member who attended', 'AUTH.FORBIDDEN', MEMBER, 'AUTH.FORBIDDEN'],
    ['resident', 'AUTH.FORBIDDEN', RESIDENT, 'AUTH.FORBIDDEN'],
    ['secretary of another branch', 'AUTH.FORBIDDEN', SEC2, 'AUTH.FORBIDDEN'],
    ['member of another branch who attended', 'AUTH.FORBIDDEN', OTHER, 'AUTH.FORBIDDEN'],
    ['person without a branch', 'AUTH.NO_PROFILE', NOBODY, 'AUTH.NO_PROFILE'],
    ['caller not signed in', 'AUTH.REQUIRED', null, 'AUTH.REQUIRED'],
  ])('attendance of an open lecture: a %s gets %s', async (_label, _shown, openid, expected) => {
    const id = await publishedLecture({ audience: 'open' })
    const token = await liveToken(id)
    for (const person of [MEMBER, OTHER]) await ok(person, { action: 'checkIn', lectureId: id, token })
    const res = await call(openid, { action: 'attendance', lectureId: id })
    if (typeof expected === 'string') {
      expect(res).toMatchObject({ ok: false, error: { code: expected } })
      expect(JSON.stringify(res)).not.toContain('李秀英')
      return
    }
    expect(res.ok).toBe(true)
    const page = (res.ok ? res.data : {}) as { view: string; items: Json[]; checkinCount: number }
    expect(page.checkinCount).toBe(2)
    expect(page.view).toBe(expected.view)
    if (expected.view === 'secretary') expect(page.items.map((r) => r.openid).sort()).toEqual([...expected.openids].sort())
    else expect(page.items.map((r) => r.name).sort()).toEqual([...expected.names].sort())
  })

  describe("the speaker's view: who came, and nothing that names or tracks them", () => {
    const REMOVED_REASON = '代签，本人未到场'
    const ADDED_REASON = '手机没电，现场核实到会'
    const guests = Array.from({ length: 5 }, (_, i) => `speaker-view-guest-${i}`)
    let id = ''
    /** Everyone with a record at this lecture (the removed one too), and who is still present. */
    let recorded: string[] = []
    let present: string[] = []

    type Paged = { view: string; items: Json[]; checkinCount: number; nextCursor?: string }
    /** Every page, `limit` at a time, with the raw answers (to search them for what must not be there). */
    async function pages(openid: string, lectureId: string, limit: number, between?: (i: number) => Promise<void>) {
      const answers: Paged[] = []
      let cursor: string | undefined
      for (let i = 0; i < 50; i += 1) {
        const page = await ok<Paged>(openid, { action: 'attendance', lectureId, limit, ...(cursor ? { cursor } : {}) })
        answers.push(page)
        cursor = page.nextCursor
        if (!cursor) return answers
        await between?.(i)
      }
      throw new Error('more than 50 pages')
    }

    /** Masked names of a lecture's present attendees in (at, _id) order, as stored: the speaker's order. */
    async function speakerOrder(lectureId: string): Promise<string[]> {
      const stored = await store().find('check_ins', { lectureId, present: true })
      const key = (c: Json) => [new Date(c.at as Date).getTime(), String(c._id)] as const
      return [...stored]
        .sort((a, b) => {
          const [ta, ia] = key(a)
          const [tb, ib] = key(b)
          return ta - tb || (ia < ib ? -1 : ia > ib ? 1 : 0)
        })
        .map((c) => maskName(String(c.name)))
    }

    beforeAll(async () => {
      id = await publishedLecture({ audience: 'open' })
      const joinedAt = new Date()
      await store().insert(
        'members',
        guests.map((openid, i) => ({ _id: openid, openid, name: `访客党员${i}`, phone: '', post: '', avatar: '', role: 'member', branchId: 'demo-branch-2', joinedAt, updatedAt: joinedAt })),
      )
      const token = await liveToken(id)
      // One far from the venue (a flag and a distance), the others at it, one after another.
      await ok(MEMBER, { action: 'checkIn', lectureId: id, token, location: { latitude: 31.26, longitude: 121.4737 } })
      for (const person of [OTHER, SEC2, ...guests]) await ok(person, { action: 'checkIn', lectureId: id, token })
      await ok(SEC, { action: 'markAttendance', lectureId: id, openid: RESIDENT, present: true, reason: ADDED_REASON })
      await ok(SEC, { action: 'markAttendance', lectureId: id, openid: SEC2, present: false, reason: REMOVED_REASON })
      recorded = [MEMBER, OTHER, SEC2, ...guests, RESIDENT]
      present = recorded.filter((p) => p !== SEC2)
    })

    it('pages through the present attendees only, in check-in order, by masked name and a key', async () => {
      const answers = await pages(MEMBER2, id, 2)
      expect(answers.length).toBe(Math.ceil(present.length / 2))
      const items = answers.flatMap((a) => a.items)
      for (const a of answers) expect(a).toMatchObject({ view: 'speaker', checkinCount: present.length })
      expect(items).toHaveLength(present.length)
      for (const row of items) expect(Object.keys(row).sort()).toEqual(['at', 'branchName', 'key', 'method', 'name', 'visitor'])
      // Check-in order (time, then record id for the same millisecond), everyone present once.
      expect(items.map((r) => r.name)).toEqual(await speakerOrder(id))
      expect(items.map((r) => r.at)).toEqual([...items.map((r) => String(r.at))].sort())
      expect(new Set(items.map((r) => r.key)).size).toBe(present.length)
      expect(items.find((r) => r.name === maskName(nameOf(RESIDENT)))).toMatchObject({ method: 'manual', visitor: false, branchName: BRANCH_1 })
      expect(items.filter((r) => r.visitor)).toHaveLength(1 + guests.length)
    })

    it('answers no openid, reason, distance, flag, full name or removed person — not even inside a cursor', async () => {
      const answers = await pages(MEMBER2, id, 2)
      const payload = JSON.stringify(answers)
      for (const openid of recorded) expect([openid, payload.includes(openid)]).toEqual([openid, false])
      for (const word of ['"openid"', '"reason"', '"distanceMeters"', '"flags"', '"present"', REMOVED_REASON, ADDED_REASON, nameOf(MEMBER), nameOf(SEC2), maskName(nameOf(SEC2))]) {
        expect([word, payload.includes(word)]).toEqual([word, false])
      }
      const cursors = answers.map((a) => a.nextCursor).filter((c): c is string => typeof c === 'string')
      expect(cursors.length).toBe(answers.length - 1)
      for (const cursor of cursors) {
        expect(decodeCursor(cursor)).toBeNull()
        const bytes = Buffer.from(cursor, 'base64url')
        for (const text of [...recorded, id]) {
          expect([text, bytes.includes(Buffer.from(text, 'utf8')), cursor.includes(text)]).toEqual([text, false, false])
        }
      }
    })

    it('keys a person differently at another lecture, and treats a cursor made elsewhere as none', async () => {
      const own = (await pages(MEMBER2, id, 50))[0]?.items ?? []
      const other = await publishedLecture({ audience: 'open' })
      await ok(OTHER, { action: 'checkIn', lectureId: other, token: await liveToken(other) })
      await ok(RESIDENT, { action: 'checkIn', lectureId: other, token: await liveToken(other) })
      const there = await pages(MEMBER2, other, 1)
      const keysThere = there.flatMap((a) => a.items.map((r) => String(r.key)))
      expect(keysThere).toHaveLength(2)
      for (const key of keysThere) expect(own.map((r) => r.key)).not.toContain(key)
      // The same lecture keys the same person the same way on every ask.
      expect((await pages(MEMBER2, id, 50))[0]?.items.map((r) => r.key)).toEqual(own.map((r) => r.key))
      // A cursor sealed for another lecture, or a secretary's plain one, opens nothing here: the first page.
      const foreign = there[0]?.nextCursor
      const plain = (await ok<Paged>(SEC, { action: 'attendance', lectureId: id, limit: 2 })).nextCursor
      for (const cursor of [foreign, plain]) {
        expect(typeof cursor).toBe('string')
        const page = await ok<Paged>(MEMBER2, { action: 'attendance', lectureId: id, limit: 2, cursor })
        expect(page.items.map((r) => r.key)).toEqual(own.slice(0, 2).map((r) => r.key))
      }
    })

    it('shows someone who checks in while the speaker scrolls once, at the end', async () => {
      const late = await publishedLecture({ audience: 'open' })
      const token = await liveToken(late)
      for (const person of [MEMBER, OTHER, RESIDENT]) await ok(person, { action: 'checkIn', lectureId: late, token })
      const answers = await pages(MEMBER2, late, 2, async (i) => {
        if (i === 0) await ok(guests[0] ?? '', { action: 'checkIn', lectureId: late, token })
      })
      const names = answers.flatMap((a) => a.items.map((r) => r.name))
      expect(names).toEqual(await speakerOrder(late))
      expect(names).toHaveLength(4)
      expect(names[3]).toBe(maskName('访客党员0'))
    })

    /** Openids of a lecture's records (removed ones too) in (at, _id) order, as stored: the secretary's order. */
    async function recordOrder(lectureId: string): Promise<string[]> {
      const stored = await store().find('check_ins', { lectureId })
      const key = (c: Json) => [new Date(c.at as Date).getTime(), String(c._id)] as const
      return [...stored]
        .sort((a, b) => {
          const [ta, ia] = key(a)
          const [tb, ib] = key(b)
          return ta - tb || (ia < ib ? -1 : ia > ib ? 1 : 0)
        })
        .map((c) => String(c.openid))
    }

    it("gives the secretary every record, removed ones with the reason, in check-in order with an (at, _id) cursor", async () => {
      const answers = await pages(SEC, id, 2)
      const items = answers.flatMap((a) => a.items)
      for (const a of answers) expect(a).toMatchObject({ view: 'secretary', checkinCount: present.length })
      expect(items.map((r) => r.openid)).toEqual(await recordOrder(id))
      expect([...items.map((r) => String(r.at))]).toEqual([...items.map((r) => String(r.at))].sort())
      expect(items.find((r) => r.openid === SEC2)).toEqual({
        openid: SEC2,
        name: nameOf(SEC2),
        branchName: BRANCH_2,
        visitor: true,
        at: expect.any(String),
        method: 'scan',
        present: false,
        flags: [],
        distanceMeters: null,
        reason: REMOVED_REASON,
        guest: false,
      })
      expect(items.find((r) => r.openid === MEMBER)).toMatchObject({ name: nameOf(MEMBER), flags: ['far'], distanceMeters: expect.any(Number), present: true })
      expect(items.find((r) => r.openid === RESIDENT)).toMatchObject({ method: 'manual', reason: ADDED_REASON })
      const cursors = answers.map((a) => a.nextCursor).filter((c): c is string => typeof c === 'string')
      expect(cursors.map((c) => decodeCursor(c))).toEqual(
        answers.slice(0, -1).map((a) => {
          const last = a.items[a.items.length - 1]
          return { t: new Date(String(last?.at)).getTime(), id: `${id}_${String(last?.openid)}` }
        }),
      )
    })

    it('finds the secretary\'s records by part of a name, paging within the matches, and takes the search as text', async () => {
      const page = await ok<Paged>(SEC, { action: 'attendance', lectureId: id, search: '访客党员', limit: 2 })
      expect(page.items.map((r) => r.name)).toEqual(['访客党员0', '访客党员1'])
      const rest = await ok<Paged>(SEC, { action: 'attendance', lectureId: id, search: '访客党员', limit: 10, cursor: page.nextCursor })
      expect(rest.items.map((r) => r.name)).toEqual(['访客党员2', '访客党员3', '访客党员4'])
      expect(rest.nextCursor).toBeUndefined()
      const one = await ok<Paged>(SEC, { action: 'attendance', lectureId: id, search: ' 党员3 ' })
      expect(one.items.map((r) => r.name)).toEqual(['访客党员3'])
      // Characters a pattern would read as operators are matched literally.
      expect((await ok<Paged>(SEC, { action: 'attendance', lectureId: id, search: '.*' })).items).toEqual([])
      expect(await errorCode(SEC, { action: 'attendance', lectureId: id, search: { $ne: null } })).toBe('COMMON.INVALID_INPUT')
    })

    it('gives a speaker who is also the branch secretary the secretary view', async () => {
      const own = await publishedLecture({ audience: 'open', speaker: { name: nameOf(SEC), openid: SEC } })
      await ok(MEMBER, { action: 'checkIn', lectureId: own, token: await liveToken(own) })
      expect(await ok<Paged>(SEC, { action: 'attendance', lectureId: own })).toMatchObject({ view: 'secretary', items: [{ openid: MEMBER, name: nameOf(MEMBER) }] })
    })
  })
})
