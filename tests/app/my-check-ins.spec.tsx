import { act, fireEvent, render, waitFor } from '@testing-library/react'
import type { MyCheckIn } from '@contracts'
import { CheckInRecord } from '@/components/check-in-record'
import MyCheckInsPage from '@/pages/my-check-ins/index'
import type { Answer } from '../support/app/cloud-stub'
import { click, deferred, stubCloud, textOf } from '../support/app/cloud-stub'
import { declaredStyle, loadStylesheet } from '../support/app/stylesheet'

const Taro = jest.requireActual<{
  __fire: (name: string) => unknown
  __navigations: () => Array<{ kind: string; url: string }>
  __resetNavigations: () => void
}>('@tarojs/taro')

/** The i-th newest check-in: lecture i, checked in at 19:25 Beijing (11:25Z) on day 30 - i. */
function checkIn(i: number, over: Partial<MyCheckIn> = {}): MyCheckIn {
  const day = String(30 - i).padStart(2, '0')
  return {
    lectureId: `L${String(i).padStart(10, '0')}`,
    lectureTitle: `党课 ${i}`,
    lectureStartAt: `2026-11-${day}T11:30:00.000Z`,
    at: `2026-11-${day}T11:25:00.000Z`,
    method: 'scan',
    flags: [],
    ...over,
  }
}

/** A server holding `rows` (newest first), paged by a numeric cursor as an opaque string. */
function server(rows: MyCheckIn[]) {
  return stubCloud((_fn, event) => {
    const start = Number(event.cursor ?? 0)
    const end = start + Number(event.limit)
    return { ok: true, data: { items: rows.slice(start, end), ...(end < rows.length ? { nextCursor: String(end) } : {}) } }
  })
}

const rowsOf = (container: HTMLElement) => container.querySelectorAll('.check-in-record')

beforeEach(() => Taro.__resetNavigations())

describe('签到记录 page', () => {
  it('shows loading, then my check-ins newest first: title, Beijing time, how', async () => {
    const answer = deferred<Answer>()
    const stub = stubCloud(() => answer.promise)
    const { container } = render(<MyCheckInsPage />)
    expect(textOf(container, '.loading-state__text')).toBe('正在加载签到记录…')

    // Just after Beijing midnight: still the day before in UTC (the process runs with TZ=UTC).
    answer.resolve({
      ok: true,
      data: {
        items: [
          checkIn(1, { lectureTitle: '学习党章', at: '2026-11-22T16:05:00.000Z', lectureStartAt: '2026-11-22T15:30:00.000Z' }),
          checkIn(2, { lectureTitle: '红色家书', method: 'manual' }),
        ],
      },
    })
    await waitFor(() => expect(rowsOf(container)).toHaveLength(2))
    expect(container.querySelector('.loading-state')).toBeNull()
    const [first, second] = Array.from(rowsOf(container))
    expect(first?.querySelector('.check-in-record__title')?.textContent).toBe('学习党章')
    expect(first?.querySelector('.check-in-record__at')?.textContent).toBe('签到时间：11月23日 00:05')
    expect(first?.querySelector('.check-in-record__lecture-time')?.textContent).toBe('党课时间：11月22日（周日）23:30')
    expect(first?.querySelector('.check-in-record__method')?.textContent).toBe('方式：扫码签到')
    expect(second?.querySelector('.check-in-record__title')?.textContent).toBe('红色家书')
    expect(second?.querySelector('.check-in-record__method')?.textContent).toBe('方式：书记补录')
    // A 补录 happened when the secretary entered it (often after the lecture): not a 签到时间.
    expect(second?.querySelector('.check-in-record__at')?.textContent).toBe('书记补录于 11月28日 19:25')
    expect(textOf(container, '.my-check-ins .paged-list-footer__end')).toBe('没有更多了')
    expect(container.querySelector('.my-check-ins .paged-list-footer__more')).toBeNull()
    expect(stub.calls.map((c) => c.event)).toEqual([{ action: 'myCheckIns', limit: 20 }])
  })

  it('pages by the server cursor with 加载更多 until 没有更多了, and loads the next page at the bottom', async () => {
    const stub = server(Array.from({ length: 45 }, (_, i) => checkIn(i)))
    const { container } = render(<MyCheckInsPage />)
    await waitFor(() => expect(rowsOf(container)).toHaveLength(20))
    expect(textOf(container, '.my-check-ins .paged-list-footer__more')).toBe('加载更多')
    expect(container.querySelector('.my-check-ins .paged-list-footer__end')).toBeNull()

    click(container, '.my-check-ins .paged-list-footer__more')
    await waitFor(() => expect(rowsOf(container)).toHaveLength(40))
    act(() => {
      Taro.__fire('useReachBottom')
    })
    await waitFor(() => expect(rowsOf(container)).toHaveLength(45))
    expect(textOf(container, '.my-check-ins .paged-list-footer__end')).toBe('没有更多了')
    expect(container.querySelector('.my-check-ins .paged-list-footer__more')).toBeNull()
    expect(Array.from(rowsOf(container), (r) => r.querySelector('.check-in-record__title')?.textContent)).toEqual(
      Array.from({ length: 45 }, (_, i) => `党课 ${i}`),
    )
    expect(stub.calls.map((c) => c.event.cursor)).toEqual([undefined, '20', '40'])

    act(() => {
      Taro.__fire('useReachBottom') // nothing left: no request
    })
    expect(stub.calls).toHaveLength(3)
  })

  it('keeps the rows when a further page fails, and 重试加载更多 gets it', async () => {
    let failMore = true
    const rows = Array.from({ length: 25 }, (_, i) => checkIn(i))
    stubCloud((_fn, event) => {
      if (event.cursor && failMore) return { ok: false, error: { code: 'COMMON.NETWORK', message: '网络不太稳定，请稍后重试' } }
      const start = Number(event.cursor ?? 0)
      return { ok: true, data: { items: rows.slice(start, start + 20), ...(start + 20 < rows.length ? { nextCursor: String(start + 20) } : {}) } }
    })
    const { container } = render(<MyCheckInsPage />)
    await waitFor(() => expect(rowsOf(container)).toHaveLength(20))
    click(container, '.my-check-ins .paged-list-footer__more')
    await waitFor(() => expect(textOf(container, '.my-check-ins .paged-list-footer__more-error')).toBe('网络不太稳定，请稍后重试'))
    expect(rowsOf(container)).toHaveLength(20)
    expect(textOf(container, '.my-check-ins .paged-list-footer__more')).toBe('重试加载更多')

    failMore = false
    click(container, '.my-check-ins .paged-list-footer__more')
    await waitFor(() => expect(rowsOf(container)).toHaveLength(25))
    expect(container.querySelector('.my-check-ins .paged-list-footer__more-error')).toBeNull()
    expect(textOf(container, '.my-check-ins .paged-list-footer__end')).toBe('没有更多了')
  })

  it('says how to get a first record when there is none, and 看看近期党课 opens the 党课 tab', async () => {
    server([])
    const { container } = render(<MyCheckInsPage />)
    await waitFor(() => expect(textOf(container, '.empty-state__title')).toBe('还没有签到记录'))
    expect(textOf(container, '.empty-state__hint')).toBe('参加党课时扫描现场二维码签到')
    expect(rowsOf(container)).toHaveLength(0)
    expect(container.querySelector('.my-check-ins .paged-list-footer__end')).toBeNull()

    expect(textOf(container, '.empty-state__actions .my-check-ins__to-lectures')).toBe('看看近期党课')
    click(container, '.my-check-ins__to-lectures')
    expect(Taro.__navigations()).toEqual([{ kind: 'switchTab', url: '/pages/lectures/index' }])
  })

  it('shows a failed load with 重试, and retrying loads the list', async () => {
    let fail = true
    const stub = stubCloud(() =>
      fail ? { ok: false, error: { code: 'COMMON.INTERNAL', message: '服务暂时出了点问题，请稍后重试' } } : { ok: true, data: { items: [checkIn(1)] } },
    )
    const { container } = render(<MyCheckInsPage />)
    await waitFor(() => expect(textOf(container, '.error-state__message')).toBe('服务暂时出了点问题，请稍后重试'))
    expect(container.querySelector('.empty-state')).toBeNull()

    fail = false
    click(container, '.error-state__retry')
    await waitFor(() => expect(rowsOf(container)).toHaveLength(1))
    expect(container.querySelector('.error-state')).toBeNull()
    expect(stub.actions()).toEqual(['myCheckIns', 'myCheckIns'])
  })

  it('reloads on pull-down refresh from the first page; a failed refresh keeps the rows and says so', async () => {
    let rows = [checkIn(2)]
    let fail = false
    const stub = stubCloud(() =>
      fail ? { ok: false, error: { code: 'COMMON.NETWORK', message: '网络不太稳定，请稍后重试' } } : { ok: true, data: { items: rows } },
    )
    const { container } = render(<MyCheckInsPage />)
    await waitFor(() => expect(rowsOf(container)).toHaveLength(1))

    rows = [checkIn(1, { lectureTitle: '刚签到的党课' }), checkIn(2)]
    act(() => {
      Taro.__fire('usePullDownRefresh')
    })
    await waitFor(() => expect(rowsOf(container)).toHaveLength(2))
    expect(textOf(container, '.check-in-record__title')).toBe('刚签到的党课')
    expect(stub.calls.map((c) => c.event.cursor)).toEqual([undefined, undefined])

    fail = true
    act(() => {
      Taro.__fire('usePullDownRefresh')
    })
    await waitFor(() => expect(textOf(container, '.my-check-ins__stale')).toBe('刷新没有成功：网络不太稳定，请稍后重试'))
    expect(rowsOf(container)).toHaveLength(2)
  })

  it('opens the lecture when a row is tapped', async () => {
    server([checkIn(1), checkIn(7)])
    const { container } = render(<MyCheckInsPage />)
    await waitFor(() => expect(rowsOf(container)).toHaveLength(2))
    const second = rowsOf(container)[1]
    if (!second) throw new Error('no second row')
    fireEvent.click(second)
    expect(Taro.__navigations()).toEqual([{ kind: 'navigateTo', url: '/pages/lecture-detail/index?id=L0000000007' }])
  })
})

describe('CheckInRecord', () => {
  beforeAll(() => loadStylesheet('src/components/check-in-record/check-in-record.scss'))

  it('says how I checked in as a plain line under the time, not as a pill that looks like a button', () => {
    const { container } = render(<CheckInRecord record={checkIn(1)} atText='11月29日 19:25' lectureTimeText='11月29日（周日）19:30' onOpen={() => undefined} />)
    const method = container.querySelector('.check-in-record__method')
    if (!method) throw new Error('no method line')
    expect(method.textContent).toBe('方式：扫码签到')
    expect(method.previousElementSibling?.classList.contains('check-in-record__at')).toBe(true)
    const look = declaredStyle(method, '.check-in-record')
    expect(look).toMatchObject({ display: 'block' })
    for (const prop of ['border', 'border-radius', 'background']) expect(look).not.toHaveProperty(prop)
  })

  it('says what a flag means in words', () => {
    const { container } = render(
      <CheckInRecord record={checkIn(1, { flags: ['far', 'unknown-flag'] })} atText='11月29日 19:25' lectureTimeText='11月29日（周日）19:30' onOpen={() => undefined} />,
    )
    expect(Array.from(container.querySelectorAll('.check-in-record__flag'), (f) => f.textContent)).toEqual(['签到时离会场较远', '这次签到有待核实'])
  })
})
