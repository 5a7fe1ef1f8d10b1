import { act, render, waitFor } from '@testing-library/react'
import { Current } from '@tarojs/runtime'
import type { LectureDetail, SecretaryAttendancePage, SpeakerAttendancePage, SpeakerAttendanceRow } from '@contracts'
import LectureAttendancePage from '@/packages/secretary/pages/lecture-attendance/index'
import { stubCloud, textOf, typeInto } from '../support/app/cloud-stub'
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
    for (const selector of ['.attendance-row__remove', '.attendance-row__restore', '.attendance-row__flag', '.attendance-row__reason', '.attendance-row__removed', '.lecture-attendance__tools', '.lecture-attendance__add', '.lecture-attendance__export']) {
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
})
