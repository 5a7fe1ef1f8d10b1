import { act, render, waitFor } from '@testing-library/react'
import { Current } from '@tarojs/runtime'
import { qrDataUrl } from '@/components/qr-image'
import BoardDisplayPage from '@/packages/commitments/pages/board-display/index'
import BoardPrintPage from '@/packages/commitments/pages/board-print/index'
import { boardLink } from '@/features/commitments/board-format'
import { PLANS_PER_SCREEN, SCREEN_SECONDS, screensOf } from '@/features/commitments/rules/board-screens.rules'
import { stubCloud, textOf } from '../support/app/cloud-stub'
import { BRANCH_ID, MONTH, board, figures, planSummary } from '../support/app/commitment-admin-fixtures'

afterEach(() => {
  Current.router = null
})

function open(path: string, params: Record<string, string> = { branchId: BRANCH_ID, month: MONTH }) {
  Current.router = { params, path } as unknown as typeof Current.router
}

/** A published board of `n` members, answered a first page of 4 and then by `plans` 4 at a time. */
function boardServer(n: number, over: Parameters<typeof board>[0] = {}) {
  const plans = Array.from({ length: n }, (_, i) => planSummary(i + 1, { status: 'published' }))
  const page = (from: number) => ({ items: plans.slice(from, from + 4), ...(from + 4 < n ? { nextCursor: String(from + 4) } : {}) })
  return stubCloud((_fn, event) => {
    if (event.action === 'board') return { ok: true, data: board({ plans: page(0), ...over }) }
    if (event.action === 'plans') return { ok: true, data: page(Number(event.cursor)) }
    return { ok: false, error: { code: 'COMMON.UNKNOWN_ACTION', message: '?' } }
  })
}

const LINK = `http://localhost/#/packages/commitments/pages/board/index?branchId=${BRANCH_ID}&month=${MONTH}`

describe('board screens', () => {
  it('cuts the plans into screens of six, in order, and one empty screen when there are none', () => {
    expect(PLANS_PER_SCREEN).toBe(6)
    expect(screensOf([1, 2, 3, 4, 5, 6, 7, 8])).toEqual([[1, 2, 3, 4, 5, 6], [7, 8]])
    expect(screensOf([1, 2, 3, 4, 5, 6])).toEqual([[1, 2, 3, 4, 5, 6]])
    expect(screensOf([])).toEqual([[]])
  })

  it('links the code to the public board of the branch and month', () => {
    expect(boardLink(BRANCH_ID, MONTH, { origin: 'https://zb.example.cn', pathname: '/' })).toBe(
      `https://zb.example.cn/#/packages/commitments/pages/board/index?branchId=${BRANCH_ID}&month=${MONTH}`,
    )
    expect(boardLink(BRANCH_ID, MONTH, null)).toBe(`zbhd://commitment-board?branchId=${BRANCH_ID}&month=${MONTH}`)
  })
})

describe('承诺榜大屏', () => {
  afterEach(() => {
    jest.useRealTimers()
  })

  it('shows the figures, the code to the public board and six members, then turns to the rest', async () => {
    jest.useFakeTimers()
    const stub = boardServer(8, { figures: figures({ fulfilmentRate: 75, satisfactionRate: 90 }) })
    open('/packages/commitments/pages/board-display/index')
    const { container } = render(<BoardDisplayPage />)
    await waitFor(() => expect(container.querySelectorAll('.board-display__plan')).toHaveLength(6))
    // Every page of plans was read: the first with the board, the rest by cursor.
    expect(stub.calls.map((c) => [c.event.action, c.event.cursor ?? null])).toEqual([
      ['board', null],
      ['plans', '4'],
    ])
    expect(textOf(container, '.board-display__title')).toBe('幸福里社区第一党支部')
    expect(textOf(container, '.board-display__fulfilment')).toBe('75%')
    expect(textOf(container, '.board-display__satisfaction')).toBe('90%')
    expect(container.querySelector('.board-display__qr img, .board-display__qr .qr-image__img')?.getAttribute('src')).toBe(qrDataUrl(LINK))
    expect(textOf(container, '.board-display__screen')).toBe('第 1 / 2 屏 · 共 8 名党员')
    expect(textOf(container, '.board-display__name')).toBe('党员1')

    await act(async () => {
      jest.advanceTimersByTime(SCREEN_SECONDS * 1000)
    })
    expect(container.querySelectorAll('.board-display__plan')).toHaveLength(2)
    expect(textOf(container, '.board-display__screen')).toBe('第 2 / 2 屏 · 共 8 名党员')
    expect(textOf(container, '.board-display__name')).toBe('党员7')
  })

  it('marks what was not kept in red words (晒问题) and how often an item was changed', async () => {
    const shown = planSummary(1, {
      status: 'published',
      items: [
        { itemId: 'aaaaa1', text: '每周走访独居老人两户', category: 'service', revisions: 2, percent: 100, outcome: { outcome: 'kept', evidence: '走访 8 户', photos: [], reason: null, at: '2026-12-30T02:00:00.000Z' } },
        { itemId: 'aaaaa2', text: '组织一次义诊', category: 'service', revisions: 0, percent: 40, outcome: { outcome: 'unkept', evidence: '医生临时有事', photos: [], reason: '改到下月', at: '2026-12-30T02:00:00.000Z' } },
        { itemId: 'aaaaa3', text: '读完一本书', category: 'study', revisions: 0, percent: 60, outcome: null },
      ],
    })
    stubCloud(() => ({ ok: true, data: board({ plans: { items: [shown] } }) }))
    open('/packages/commitments/pages/board-display/index')
    const { container } = render(<BoardDisplayPage />)
    await waitFor(() => expect(container.querySelectorAll('.board-display__mark')).toHaveLength(3))
    const marks = [...container.querySelectorAll('.board-display__mark')].map((m) => [m.textContent, m.className.split(' ').pop()])
    expect(marks).toEqual([
      ['已兑现 · 改2次', 'board-display__mark--kept'],
      ['未兑现', 'board-display__mark--unkept'],
      ['60%', 'board-display__mark--progress'],
    ])
    expect(container.querySelector('.board-display__screen')).toBeNull()
  })

  it('says the board is not published yet instead of showing an empty screen', async () => {
    stubCloud(() => ({ ok: true, data: board({ status: 'unpublished', plans: { items: [] } }) }))
    open('/packages/commitments/pages/board-display/index')
    const { container } = render(<BoardDisplayPage />)
    await waitFor(() => expect(textOf(container, '.board-display__unpublished .empty-state__title')).toBe('2026年12月承诺榜还没有公示'))
  })

  it('says what is missing when opened without a branch', async () => {
    stubCloud(() => ({ ok: true, data: board() }))
    open('/packages/commitments/pages/board-display/index', {})
    const { container } = render(<BoardDisplayPage />)
    await waitFor(() => expect(container.textContent).toContain('链接里缺少支部编号'))
  })
})

describe('承诺公示栏 (print)', () => {
  it('prints 亮职责, every member with items and states, the figures and the code to the public board', async () => {
    const stub = boardServer(5, { status: 'closed', closedAt: '2027-01-05T16:00:00.000Z' })
    open('/packages/commitments/pages/board-print/index')
    const { container } = render(<BoardPrintPage />)
    await waitFor(() => expect(container.querySelectorAll('.board-print__row:not(.board-print__row--head)')).toHaveLength(5))
    expect(stub.actions()).toEqual(['board', 'plans'])
    expect(textOf(container, '.board-print__subtitle')).toBe('2026年12月党员公开承诺公示栏（已结账）')
    expect(textOf(container, '.board-print__panel-responsibilities')).toBe('职责清单：宣传贯彻党的路线方针政策；联系服务群众')
    expect(textOf(container, '.board-print__panel-process')).toBe('服务流程：1. 来电来访登记；2. 三日内答复')
    expect(textOf(container, '.board-print__hotline')).toBe('服务热线：010-12345678')
    expect(textOf(container, '.board-print__item')).toBe('1.【服务群众】每周走访独居老人两户')
    expect(textOf(container, '.board-print__state')).toBe('进度 0%')
    expect(container.querySelector('.board-print__qr .qr-image__img')?.getAttribute('src')).toBe(qrDataUrl(LINK))
    expect(textOf(container, '.board-print__dated')).toContain('结账')
    expect(container.querySelector('.board-print__print')).not.toBeNull()
  })

  it('prints a phone only when its owner chose to show it', async () => {
    const plans = [
      planSummary(1, { status: 'published', card: { name: '李秀英', post: '楼栋长', photo: null, avatar: '', role: 'member', phone: '13600136001' } }),
      planSummary(2, { status: 'published' }),
    ]
    stubCloud(() => ({ ok: true, data: board({ plans: { items: plans } }) }))
    open('/packages/commitments/pages/board-print/index')
    const { container } = render(<BoardPrintPage />)
    await waitFor(() => expect(container.querySelectorAll('.board-print__name')).toHaveLength(2))
    expect([...container.querySelectorAll('.board-print__phone')].map((p) => p.textContent)).toEqual(['13600136001'])
  })
})
