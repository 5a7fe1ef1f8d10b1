import { act, renderHook, waitFor } from '@testing-library/react'
import type { AttendanceRow } from '@contracts'
import { placeAttendanceRow } from '@/features/lectures/rules/attendance-order.rules'
import { useAttendance, type UseAttendance } from '@/features/lectures/hooks/use-attendance'
import { stubCloud } from '../support/app/cloud-stub'
import { attendanceRow as row } from '../support/app/fixtures'

const LECTURE = 'Labc1234567'

const ids = (rows: readonly AttendanceRow[]) => rows.map((r) => r.openid)
/** The secretary's rows the hook holds, by openid (none if it took the list for a speaker's). */
const listed = (att: UseAttendance) => (att.rows.view === 'secretary' ? ids(att.rows.items) : [])

describe('placeAttendanceRow: the server order (check-in time, then `<lectureId>_<openid>` in code units)', () => {
  const rows = [row('demo-a'), row('demo-c'), row('demo-e')]

  it('inserts a new row where a reload would list it', () => {
    expect(ids(placeAttendanceRow(rows, row('demo-b'), true))).toEqual(['demo-a', 'demo-b', 'demo-c', 'demo-e'])
    expect(ids(placeAttendanceRow(rows, row('demo-0'), true))).toEqual(['demo-0', 'demo-a', 'demo-c', 'demo-e'])
    expect(ids(placeAttendanceRow(rows, row('demo-z'), true))).toEqual(['demo-a', 'demo-c', 'demo-e', 'demo-z'])
    // Upper case sorts before lower case, as the database compares (not the locale's order).
    expect(ids(placeAttendanceRow(rows, row('demo-B'), true))).toEqual(['demo-B', 'demo-a', 'demo-c', 'demo-e'])
  })

  it('orders by check-in time first, the openid only between rows of the same moment', () => {
    const timed = [row('demo-z', { at: '2026-11-22T11:20:00.000Z' }), row('demo-a', { at: '2026-11-22T11:30:00.000Z' })]
    expect(ids(placeAttendanceRow(timed, row('demo-m', { at: '2026-11-22T11:25:00.000Z' }), true))).toEqual(['demo-z', 'demo-m', 'demo-a'])
    expect(ids(placeAttendanceRow(timed, row('demo-0', { at: '2026-11-22T11:40:00.000Z' }), true))).toEqual(['demo-z', 'demo-a', 'demo-0'])
    expect(ids(placeAttendanceRow(timed, row('demo-0', { at: '2026-11-22T11:40:00.000Z' }), false))).toEqual(['demo-z', 'demo-a'])
  })

  it('replaces a row already listed in place', () => {
    const placed = placeAttendanceRow(rows, row('demo-c', { present: false, reason: '代签' }), true)
    expect(ids(placed)).toEqual(['demo-a', 'demo-c', 'demo-e'])
    expect(placed[1]).toMatchObject({ present: false, reason: '代签' })
  })

  it('leaves out a row that belongs to a page not loaded yet', () => {
    expect(ids(placeAttendanceRow(rows, row('demo-z'), false))).toEqual(['demo-a', 'demo-c', 'demo-e'])
    expect(ids(placeAttendanceRow(rows, row('demo-b'), false))).toEqual(['demo-a', 'demo-b', 'demo-c', 'demo-e'])
  })
})

describe('useAttendance: 补录', () => {
  /** A server that keeps its check-ins in openid order and pages by the last openid, as the real one does. */
  function server(initial: string[], pageSize: number) {
    const stored = initial.map((id) => row(id))
    const stub = stubCloud((_fn, event) => {
      if (event.action === 'markAttendance') {
        const added = row(String(event.openid), { method: 'manual', reason: String(event.reason) })
        stored.push(added)
        stored.sort((a, b) => (a.openid < b.openid ? -1 : a.openid > b.openid ? 1 : 0))
        return { ok: true, data: added }
      }
      const after = typeof event.cursor === 'string' ? event.cursor : ''
      const rest = stored.filter((r) => r.openid > after)
      const page = rest.slice(0, pageSize)
      const last = page[page.length - 1]
      return { ok: true, data: { view: 'secretary', items: page, checkinCount: stored.length, ...(rest.length > pageSize && last ? { nextCursor: last.openid } : {}) } }
    })
    return { stub, stored }
  }

  it('shows a person added by hand where the list will have them after a reload', async () => {
    const { stored } = server(['demo-a', 'demo-c', 'demo-e'], 30)
    const { result } = renderHook(() => useAttendance(LECTURE))
    await waitFor(() => expect(result.current.status).toBe('ready'))
    await act(async () => {
      await result.current.mark('demo-b', true, '手机没电，现场核实')
    })
    expect(listed(result.current)).toEqual(['demo-a', 'demo-b', 'demo-c', 'demo-e'])
    expect(result.current.count).toBe(4)

    await act(async () => {
      await result.current.refresh()
    })
    expect(listed(result.current)).toEqual(ids(stored))
    expect(listed(result.current)).toEqual(['demo-a', 'demo-b', 'demo-c', 'demo-e'])
  })

  it('lets a person who sorts after the loaded rows arrive with their page, once', async () => {
    server(['demo-a', 'demo-c', 'demo-e', 'demo-g'], 2)
    const { result } = renderHook(() => useAttendance(LECTURE, { pageSize: 2 }))
    await waitFor(() => expect(result.current.status).toBe('ready'))
    expect(listed(result.current)).toEqual(['demo-a', 'demo-c'])
    await act(async () => {
      await result.current.mark('demo-f', true, '现场核实')
    })
    expect(listed(result.current)).toEqual(['demo-a', 'demo-c'])
    await act(async () => {
      await result.current.loadMore()
    })
    await act(async () => {
      await result.current.loadMore()
    })
    expect(listed(result.current)).toEqual(['demo-a', 'demo-c', 'demo-e', 'demo-f', 'demo-g'])
  })

  it('by name, asks the server for the list again to place a person added by hand (only it knows the pinyin order)', async () => {
    // A server whose name order is not the openids' (王 wang < 张 zhang; demo-z < demo-a would be wrong).
    const stored = [row('demo-z', { name: '王芳' }), row('demo-a', { name: '张三' })]
    const stub = stubCloud((_fn, event) => {
      if (event.action === 'markAttendance') {
        const at = stored.findIndex((r) => r.openid === event.openid)
        const marked = { ...(stored[at] ?? row(String(event.openid), { name: '李雷', method: 'manual' })), present: event.present === true, reason: String(event.reason) }
        if (at === -1) stored.unshift(marked)
        else stored[at] = marked
        return { ok: true, data: marked }
      }
      return { ok: true, data: { view: 'secretary', items: [...stored], checkinCount: stored.filter((r) => r.present).length } }
    })
    const { result } = renderHook(() => useAttendance(LECTURE, { order: 'name' }))
    await waitFor(() => expect(result.current.status).toBe('ready'))
    expect(listed(result.current)).toEqual(['demo-z', 'demo-a'])
    await act(async () => {
      await result.current.mark('demo-m', true, '手机没电，现场核实')
    })
    await waitFor(() => expect(listed(result.current)).toEqual(['demo-m', 'demo-z', 'demo-a']))
    expect(stub.calls.filter((c) => c.event.action === 'attendance').map((c) => c.event)).toEqual([
      { action: 'attendance', lectureId: LECTURE, limit: 30, order: 'name' },
      { action: 'attendance', lectureId: LECTURE, limit: 30, order: 'name' },
    ])
    // Removing someone listed changes their row in place, with no second ask.
    await act(async () => {
      await result.current.mark('demo-z', false, '代签')
    })
    expect(stub.calls.filter((c) => c.event.action === 'attendance')).toHaveLength(2)
    expect(listed(result.current)).toEqual(['demo-m', 'demo-z', 'demo-a'])
    expect(result.current.rows.items.map((r) => ('present' in r ? r.present : null))).toEqual([true, false, true])
  })
})
