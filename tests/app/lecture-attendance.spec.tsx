import { act, render, waitFor } from '@testing-library/react'
import { Current } from '@tarojs/runtime'
import type { AttendeeCandidate, LectureDetail, SecretaryAttendancePage, SpeakerAttendancePage, SpeakerAttendanceRow } from '@contracts'
import LectureAttendancePage from '@/packages/secretary/pages/lecture-attendance/index'
import { click, stubCloud, textOf, typeInto } from '../support/app/cloud-stub'
import { attendanceRow, LECTURE_ID, lectureUnderWay } from '../support/app/fixtures'

const Taro = jest.requireActual<{ __fire: (name: string) => unknown }>('@tarojs/taro')

const LECTURE = LECTURE_ID

/** A published open lecture under way with 3 check-ins, seen by its speaker (`me` overrides make it the secretary's). */
function lecture(me: Partial<LectureDetail['me']> = {}): LectureDetail {
  return lectureUnderWay({ audience: 'open', checkinCount: 3 }, { canSeeAttendance: true, isSpeaker: true, ...me })
}

function speakerRow(key: string, name: string, over: Partial<SpeakerAttendanceRow> = {}): SpeakerAttendanceRow {
  return { key, name, branchName: '幸福里社区第一党支部', visitor: false, at: '2026-11-22T11:25:00.000Z', method: 'scan', ...over }
}

function renderPage(detail: LectureDetail, pages: Array<SpeakerAttendancePage | SecretaryAttendancePage>) {
  const stub = stubCloud((_fn, event) => {
    if (event.action === 'get') return { ok: true, data: detail }
    if (event.action === 'attendance') {
      const at = typeof event.cursor === 'string' ? Number(event.cursor.replace('p', '')) : 0
      return { ok: true, data: pages[at] }
    }
    return { ok: false, error: { code: 'AUTH.FORBIDDEN', message: '没有权限' } }
  })
  Current.router = { params: { id: LECTURE }, path: '/packages/secretary/pages/lecture-attendance/index' } as unknown as typeof Current.router
  return { stub, container: render(<LectureAttendancePage />).container }
}

const names = (container: HTMLElement) => Array.from(container.querySelectorAll('.attendance-row__name')).map((el) => el.textContent)

afterEach(() => {
  Current.router = null
})

describe('签到名单 as the speaker', () => {
  const first: SpeakerAttendancePage = {
    view: 'speaker',
    items: [speakerRow('k1', '李**'), speakerRow('k2', '张*', { visitor: true, branchName: '示范社区第二党支部', method: 'manual' })],
    checkinCount: 3,
    nextCursor: 'p1',
  }
  const second: SpeakerAttendancePage = { view: 'speaker', items: [speakerRow('k3', '赵**')], checkinCount: 3 }

  it('lists the present attendees by masked name, branch and method, with nothing to change and no ledger', async () => {
    const { container, stub } = renderPage(lecture(), [first, second])
    await waitFor(() => expect(names(container)).toEqual(['李**', '张*']))
    expect(textOf(container, '.lecture-attendance__count-number')).toBe('3')
    expect(textOf(container, '.lecture-attendance__speaker-note')).toContain('姓名已部分隐去')
    const rows = container.querySelectorAll('.attendance-row')
    expect(rows[1]?.querySelector('.attendance-row__branch')?.textContent).toBe('示范社区第二党支部（外支部）')
    expect(rows[1]?.querySelector('.attendance-row__method')?.textContent).toBe('补录')
    expect(container.querySelectorAll('.attendance-row--present')).toHaveLength(2)
    // No 撤销 / 恢复 on a row, no 补录 or 导出台账, no flag or reason line.
    for (const selector of ['.attendance-row__remove', '.attendance-row__restore', '.attendance-row__flag', '.attendance-row__reason', '.attendance-row__removed', '.lecture-attendance__tools', '.lecture-attendance__add', '.ledger-export__button']) {
      expect([selector, container.querySelector(selector)]).toEqual([selector, null])
    }
    expect(stub.actions()).toEqual(['get', 'attendance'])
  })

  it('pages on with the cursor the server gave, to the end', async () => {
    const { container, stub } = renderPage(lecture(), [first, second])
    await waitFor(() => expect(names(container)).toEqual(['李**', '张*']))
    act(() => {
      Taro.__fire('useReachBottom')
    })
    await waitFor(() => expect(names(container)).toEqual(['李**', '张*', '赵**']))
    expect(stub.calls.filter((c) => c.event.action === 'attendance').map((c) => c.event.cursor)).toEqual([undefined, 'p1'])
    expect(stub.actions()).not.toContain('markAttendance')
  })
})

describe('签到名单 as the secretary', () => {
  it('still offers 撤销 / 恢复 on the full records, a removed one with its reason', async () => {
    const page: SecretaryAttendancePage = {
      view: 'secretary',
      items: [attendanceRow('demo-a', { name: '李秀英', flags: ['far'], distanceMeters: 3200 }), attendanceRow('demo-b', { name: '张伟', present: false, reason: '代签，本人未到场' })],
      checkinCount: 1,
    }
    const { container } = renderPage(lecture({ canManage: true, isSpeaker: false }), [page])
    await waitFor(() => expect(names(container)).toEqual(['李秀英', '张伟']))
    expect(container.querySelector('.lecture-attendance__speaker-note')).toBeNull()
    expect(textOf(container, '.attendance-row__flag--far')).toBe('距会场较远（约 3200 米），请核实')
    expect(textOf(container, '.attendance-row__removed')).toBe('已撤销：代签，本人未到场')
    expect(container.querySelectorAll('.attendance-row__remove')).toHaveLength(1)
    expect(container.querySelectorAll('.attendance-row__restore')).toHaveLength(1)
    expect(container.querySelector('.lecture-attendance__add')).not.toBeNull()
  })

  it('lists in check-in order and finds people by part of a name, after a pause in typing', async () => {
    const page: SecretaryAttendancePage = { view: 'secretary', items: [attendanceRow('demo-a', { name: '李秀英' })], checkinCount: 1 }
    const { container, stub } = renderPage(lecture({ canManage: true, isSpeaker: false }), [page])
    await waitFor(() => expect(names(container)).toEqual(['李秀英']))
    expect(textOf(container, '.lecture-attendance__search')).toContain('按签到时间排列')
    // Waits for the inner <input>: an event fired at the host before it renders carries no value.
    await typeInto(container, '.lecture-attendance__search-input', ' 秀英 ')
    await waitFor(() => expect(stub.calls.filter((c) => c.event.action === 'attendance').map((c) => c.event.search)).toEqual([undefined, '秀英']))
  })

  describe('the order switch', () => {
    const byTime: SecretaryAttendancePage = {
      view: 'secretary',
      items: [attendanceRow('demo-c', { name: '赵桂兰' }), attendanceRow('demo-a', { name: '李秀英' })],
      checkinCount: 3,
      nextCursor: 'time-1',
    }
    // The server's pinyin order, in two pages: the list shows what it answers, as it answers it.
    const byName: SecretaryAttendancePage[] = [
      { view: 'secretary', items: [attendanceRow('demo-a', { name: '李秀英' }), attendanceRow('demo-b', { name: '王建国' })], checkinCount: 3, nextCursor: 'name-1' },
      { view: 'secretary', items: [attendanceRow('demo-c', { name: '赵桂兰' })], checkinCount: 3 },
    ]

    function renderSwitch() {
      const stub = stubCloud((_fn, event) => {
        if (event.action === 'get') return { ok: true, data: lecture({ canManage: true, isSpeaker: false }) }
        if (event.action === 'attendance') return { ok: true, data: event.order === 'name' ? (event.cursor === 'name-1' ? byName[1] : byName[0]) : byTime }
        throw new Error(`unexpected ${String(event.action)}`)
      })
      Current.router = { params: { id: LECTURE }, path: '/packages/secretary/pages/lecture-attendance/index' } as unknown as typeof Current.router
      return { stub, container: render(<LectureAttendancePage />).container }
    }
    const asked = (stub: ReturnType<typeof stubCloud>) => stub.calls.filter((c) => c.event.action === 'attendance').map((c) => c.event)

    it('asks for the list by name from its first page and shows it in the order answered, then pages on by name', async () => {
      const { container, stub } = renderSwitch()
      await waitFor(() => expect(names(container)).toEqual(['赵桂兰', '李秀英']))
      expect(container.querySelector('.lecture-attendance__order .option-group__option--selected')?.textContent).toBe('按签到时间')
      click(container, '.lecture-attendance__order .option-group__option--name')
      await waitFor(() => expect(names(container)).toEqual(['李秀英', '王建国']))
      expect(container.querySelector('.lecture-attendance__order .option-group__option--selected')?.textContent).toBe('按姓名')
      expect(textOf(container, '.lecture-attendance__search')).toContain('按姓名拼音排列')
      // The time list's cursor is not carried over: a new order starts from its first page.
      expect(asked(stub)).toEqual([
        { action: 'attendance', lectureId: LECTURE, limit: 30 },
        { action: 'attendance', lectureId: LECTURE, limit: 30, order: 'name' },
      ])
      act(() => {
        Taro.__fire('useReachBottom')
      })
      await waitFor(() => expect(names(container)).toEqual(['李秀英', '王建国', '赵桂兰']))
      expect(asked(stub)[2]).toEqual({ action: 'attendance', lectureId: LECTURE, limit: 30, order: 'name', cursor: 'name-1' })
      expect(textOf(container, '.lecture-attendance__count-number')).toBe('3')
    })

    it('searches within the order chosen, and goes back to check-in order from the first page', async () => {
      const { container, stub } = renderSwitch()
      await waitFor(() => expect(names(container)).toEqual(['赵桂兰', '李秀英']))
      click(container, '.lecture-attendance__order .option-group__option--name')
      await waitFor(() => expect(names(container)).toEqual(['李秀英', '王建国']))
      await typeInto(container, '.lecture-attendance__search-input', '王')
      await waitFor(() => expect(asked(stub).at(-1)).toEqual({ action: 'attendance', lectureId: LECTURE, limit: 30, order: 'name', search: '王' }))
      click(container, '.lecture-attendance__order .option-group__option--time')
      await waitFor(() => expect(asked(stub).at(-1)).toEqual({ action: 'attendance', lectureId: LECTURE, limit: 30, search: '王' }))
      await waitFor(() => expect(names(container)).toEqual(['赵桂兰', '李秀英']))
    })

    it('is not offered to the speaker, whose list is by check-in time', async () => {
      const page: SpeakerAttendancePage = { view: 'speaker', items: [speakerRow('k1', '李**')], checkinCount: 1 }
      const { container, stub } = renderPage(lecture(), [page])
      await waitFor(() => expect(names(container)).toEqual(['李**']))
      expect(container.querySelector('.lecture-attendance__order')).toBeNull()
      expect(stub.calls.filter((c) => c.event.action === 'attendance').every((c) => c.event.order === undefined)).toBe(true)
    })
  })
})

describe('补录 dialog', () => {
  type Candidate = AttendeeCandidate
  const own = (openid: string, name: string, over: Partial<Candidate> = {}): Candidate => ({
    openid,
    name,
    branchName: '幸福里社区第一党支部',
    ownBranch: true,
    role: 'member',
    attendance: 'present',
    ...over,
  })
  const visitor: Candidate = { openid: 'demo-member-3', name: '刘*', branchName: '示范社区第二党支部', ownBranch: false, role: 'member', attendance: null }
  const everyone = [own('demo-a', '李秀英'), own('demo-b', '赵桂兰', { role: 'resident' })]

  function renderDialog(audience: 'branch' | 'open', candidates: (search: unknown) => Candidate[]) {
    const page: SecretaryAttendancePage = { view: 'secretary', items: [attendanceRow('demo-a', { name: '李秀英' }), attendanceRow('demo-b', { name: '赵桂兰' })], checkinCount: 2 }
    const stub = stubCloud((_fn, event) => {
      if (event.action === 'get') return { ok: true, data: lectureUnderWay({ audience, checkinCount: 2 }, { canManage: true, canSeeAttendance: true }) }
      if (event.action === 'attendance') return { ok: true, data: page }
      if (event.action === 'attendeeCandidates') return { ok: true, data: { items: candidates(event.search) } }
      if (event.action === 'markAttendance') return { ok: true, data: attendanceRow(String(event.openid), { name: '刘洋', visitor: true, method: 'manual', reason: String(event.reason) }) }
      if (event.action === 'addGuest') {
        return { ok: true, data: attendanceRow('guest-0123456789abcdef', { name: String(event.name), branchName: '', guest: true, method: 'manual', reason: String(event.reason), at: new Date().toISOString() }) }
      }
      throw new Error(`unexpected ${String(event.action)}`)
    })
    Current.router = { params: { id: LECTURE }, path: '/packages/secretary/pages/lecture-attendance/index' } as unknown as typeof Current.router
    const { container } = render(<LectureAttendancePage />)
    return { stub, container }
  }

  async function openDialog(container: HTMLElement) {
    await waitFor(() => expect(container.querySelector('.lecture-attendance__add')).not.toBeNull())
    click(container, '.lecture-attendance__add')
    await waitFor(() => expect(document.body.querySelector('.attendee-picker')).not.toBeNull())
  }

  it('says everyone of the branch has checked in and what to do instead, at a branch lecture', async () => {
    const { container } = renderDialog('branch', () => everyone)
    await openDialog(container)
    await waitFor(() => expect(textOf(document.body, '.attendee-picker__notice-title')).toBe('本支部成员都已签到，无需补录'))
    expect(textOf(document.body, '.attendee-picker__notice-hint')).toContain('要撤销或恢复某人的签到，请回到签到名单')
    expect([...document.body.querySelectorAll('.attendee-picker__meta')].map((m) => m.textContent)).toEqual(['党员 · 已签到', '群众 · 已签到'])
    // A branch lecture has no guests to enter.
    expect(document.body.querySelector('.attendee-picker__mode--guest')).toBeNull()
    expect(textOf(document.body, '.confirm-dialog__confirm')).toBe('请先选择人员')
  })

  it('at an open lecture finds a visitor of another branch by full name and adds them', async () => {
    const { container, stub } = renderDialog('open', (search) => (search === '刘洋' ? [visitor] : everyone))
    await openDialog(container)
    await waitFor(() => expect(textOf(document.body, '.attendee-picker__notice-title')).toBe('本支部成员都已签到'))
    expect(textOf(document.body, '.attendee-picker__notice-hint')).toBe('其他支部来听课的人，请在上面输入完整姓名查找。没有加入支部的来宾，请点上面的“登记来宾”。')

    await typeInto(document.body, '.attendee-picker__search-input', '刘洋')
    await waitFor(() => expect(textOf(document.body, '.attendee-picker__name')).toBe('刘*'))
    expect(textOf(document.body, '.attendee-picker__meta')).toBe('示范社区第二党支部')
    expect(document.body.querySelector('.attendee-picker__notice')).toBeNull()
    click(document.body, '.attendee-picker__person')
    await waitFor(() => expect(textOf(document.body, '.confirm-dialog__confirm')).toBe('确认补录「刘*」'))
    await typeInto(document.body, '.confirm-dialog__reason', '外支部来访，现场核实')
    click(document.body, '.confirm-dialog__confirm')
    await waitFor(() => expect(stub.calls.some((c) => c.event.action === 'markAttendance')).toBe(true))
    expect(stub.calls.find((c) => c.event.action === 'markAttendance')?.event).toEqual({ action: 'markAttendance', lectureId: LECTURE, openid: 'demo-member-3', present: true, reason: '外支部来访，现场核实' })
  })

  it('says who a search cannot find and how to find them', async () => {
    const { container } = renderDialog('open', (search) => (search ? [] : everyone))
    await openDialog(container)
    await typeInto(document.body, '.attendee-picker__search-input', '王')
    await waitFor(() => expect(textOf(document.body, '.attendee-picker__notice-title')).toBe('没有找到“王”'))
    expect(textOf(document.body, '.attendee-picker__notice-hint')).toContain('要输入完整姓名才能找到')
  })

  it('enters an outside guest by name at an open lecture, shown as 来宾 in the list', async () => {
    const { container, stub } = renderDialog('open', () => everyone)
    await openDialog(container)
    click(document.body, '.attendee-picker__mode--guest')
    await typeInto(document.body, '.attendee-picker__guest-input', '李明（街道办）')
    await waitFor(() => expect(textOf(document.body, '.confirm-dialog__confirm')).toBe('确认登记来宾「李明（街道办）」'))
    await typeInto(document.body, '.confirm-dialog__reason', '街道办来宾')
    click(document.body, '.confirm-dialog__confirm')
    await waitFor(() => expect(names(container)).toContain('李明（街道办）'))
    expect(stub.calls.find((c) => c.event.action === 'addGuest')?.event).toEqual({ action: 'addGuest', lectureId: LECTURE, name: '李明（街道办）', reason: '街道办来宾' })
    const row = [...container.querySelectorAll('.attendance-row')].find((r) => r.textContent?.includes('李明（街道办）'))
    expect(row?.querySelector('.attendance-row__branch')?.textContent).toBe('来宾（未加入支部）')
  })
})
