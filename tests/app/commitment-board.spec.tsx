import { act, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import CommitmentBoardPage from '@/packages/commitments/pages/board/index'
import { resetWhoamiStore } from '@/features/members/whoami.store'
import { click, deferred, stubCloud, textOf, type Answer } from '../support/app/cloud-stub'
import { guest, whoamiAs } from '../support/app/fixtures'
import { board, monthSummary, planSummary } from '../support/app/commitment-fixtures'

type TaroTest = typeof Taro & { __fire: (name: string) => unknown; __navigations: () => Array<{ kind: string; url: string }>; __resetNavigations: () => void }
const taro = Taro as TaroTest

function openBoard(params: Record<string, string>, answer: (event: Record<string, unknown>) => Answer | Promise<Answer>) {
  Current.router = { params, path: '/packages/commitments/pages/board/index' } as unknown as typeof Current.router
  const stub = stubCloud((_fn, event) => answer(event))
  const { container, unmount } = render(<CommitmentBoardPage />)
  return { container, unmount, stub }
}

const months = { ok: true as const, data: { items: [monthSummary('2026-11'), monthSummary('2026-10')] } }

beforeEach(() => {
  resetWhoamiStore()
  taro.__resetNavigations()
})
afterEach(() => {
  Current.router = null
})

describe('承诺榜', () => {
  it('says it is loading, then shows the branch, the figures, 亮职责 and every published plan', async () => {
    const answer = deferred<Answer>()
    const { container } = openBoard({}, (e) => (e.action === 'whoami' ? { ok: true, data: whoamiAs('member') } : e.action === 'months' ? months : answer.promise))
    await waitFor(() => expect(textOf(container, '.loading-state')).toContain('正在加载承诺榜'))
    answer.resolve({ ok: true, data: board() })
    await waitFor(() => expect(textOf(container, '.commitment-board__title')).toBe('2026年12月 党员承诺榜'))
    expect(textOf(container, '.commitment-board__branch')).toBe('幸福里社区第一党支部')
    expect(textOf(container, '.commitment-figures__fulfilment')).toBe('30%')
    expect(textOf(container, '.commitment-figures__satisfaction')).toBe('100%')
    expect(textOf(container, '.commitment-panel__hotline')).toBe('服务热线：0571-88888888')
    expect([...container.querySelectorAll('.commitment-member-card__name')].map((n) => n.textContent)).toEqual(['党员1', '党员2'])
  })

  it('asks for my own branch\'s board when opened without a link, and for the linked one otherwise', async () => {
    const own = openBoard({}, (e) => (e.action === 'whoami' ? { ok: true, data: whoamiAs('member') } : e.action === 'months' ? months : { ok: true, data: board() }))
    await waitFor(() => expect(own.container.querySelector('.commitment-plan-card')).not.toBeNull())
    expect(own.stub.calls.find((c) => c.event.action === 'board')?.event).toEqual({ action: 'board', branchId: 'branch-1', limit: 10 })
    own.unmount()

    resetWhoamiStore()
    const linked = openBoard({ branchId: 'branch-9', month: '2026-11' }, (e) =>
      e.action === 'whoami' ? { ok: true, data: guest } : e.action === 'months' ? { ok: true, data: { items: [] } } : { ok: true, data: board({ branchId: 'branch-9', month: '2026-11', viewer: { inBranch: false, secretary: false, canPublish: false, canClose: false } }) },
    )
    await waitFor(() => expect(textOf(linked.container, '.commitment-board__title')).toBe('2026年11月 党员承诺榜'))
    expect(linked.stub.calls.find((c) => c.event.action === 'board')?.event).toEqual({ action: 'board', branchId: 'branch-9', month: '2026-11', limit: 10 })
    // A resident with no branch reads it, but is not offered 写承诺.
    expect(linked.container.querySelector('.commitment-board__to-mine')).toBeNull()
  })

  it('tells someone with no branch and no link how to find a board', async () => {
    const { container, stub } = openBoard({}, () => ({ ok: true, data: guest }))
    await waitFor(() => expect(textOf(container, '.empty-state__title')).toBe('还不知道看哪个支部'))
    expect(stub.actions()).toEqual(['whoami'])
  })

  it('says the month is not published yet and offers a member 写承诺', async () => {
    const { container } = openBoard({}, (e) =>
      e.action === 'whoami' ? { ok: true, data: whoamiAs('member') } : e.action === 'months' ? months : { ok: true, data: board({ status: 'unpublished', plans: { items: [] } }) },
    )
    await waitFor(() => expect(textOf(container, '.empty-state__title')).toBe('本月承诺还没有公示'))
    expect(textOf(container, '.empty-state__hint')).toContain('写下您本月的承诺')
    click(container, '.commitment-board__to-mine')
    expect(taro.__navigations()).toEqual([{ kind: 'navigateTo', url: '/packages/commitments/pages/my-plan/index' }])
  })

  it('marks 已修改 N 次 and shows a shortfall (未兑现) on the plan\'s row', async () => {
    const plan = planSummary(1, {
      items: [
        { itemId: 'item01', text: '每周走访 3 户', category: 'service', revisions: 2, percent: 100, outcome: null },
        { itemId: 'item02', text: '学习党章', category: 'study', revisions: 0, percent: 30, outcome: { outcome: 'unkept', evidence: '只学了一半', photos: [], reason: '住院两周', at: '2027-01-02T02:00:00.000Z' } },
      ],
    })
    const { container } = openBoard({}, (e) => (e.action === 'whoami' ? { ok: true, data: whoamiAs('resident') } : e.action === 'months' ? months : { ok: true, data: board({ plans: { items: [plan] } }) }))
    await waitFor(() => expect(textOf(container, '.commitment-plan-card__revised')).toBe('已修改 2 次'))
    expect(textOf(container, '.commitment-plan-card__outcome--unkept')).toBe('未兑现')
    click(container, '.commitment-plan-card')
    expect(taro.__navigations()).toEqual([{ kind: 'navigateTo', url: `/packages/commitments/pages/plan/index?id=${plan.planId}` }])
  })

  it('loads more plans at the bottom of the page, by the server\'s cursor', async () => {
    const { container, stub } = openBoard({}, (e) =>
      e.action === 'whoami'
        ? { ok: true, data: whoamiAs('member') }
        : e.action === 'months'
          ? months
          : e.action === 'plans'
            ? { ok: true, data: { items: [planSummary(3)] } }
            : { ok: true, data: board({ plans: { items: [planSummary(1), planSummary(2)], nextCursor: 'c2' } }) },
    )
    await waitFor(() => expect(container.querySelectorAll('.commitment-plan-card')).toHaveLength(2))
    act(() => void taro.__fire('useReachBottom'))
    await waitFor(() => expect(container.querySelectorAll('.commitment-plan-card')).toHaveLength(3))
    expect(stub.calls.find((c) => c.event.action === 'plans')?.event).toEqual({ action: 'plans', branchId: 'branch-1', month: '2026-12', cursor: 'c2', limit: 10 })
  })

  it('opens an earlier month in place, and comes back to this month', async () => {
    const { container, stub } = openBoard({}, (e) =>
      e.action === 'whoami' ? { ok: true, data: whoamiAs('member') } : e.action === 'months' ? months : { ok: true, data: board(e.month ? { month: String(e.month), status: 'closed' } : {}) },
    )
    await waitFor(() => expect(container.querySelectorAll('.commitment-board__month')).toHaveLength(2))
    expect(textOf(container, '.commitment-board__month--2026-11')).toContain('兑现率 83%')
    click(container, '.commitment-board__month--2026-11')
    await waitFor(() => expect(textOf(container, '.commitment-board__title')).toBe('2026年11月 党员承诺榜'))
    expect(textOf(container, '.commitment-board__status')).toBe('已结账')
    expect(stub.calls.filter((c) => c.event.action === 'board').map((c) => c.event.month)).toEqual([undefined, '2026-11'])
  })

  it('shows a failed load with 重试, and pull-down asks again', async () => {
    let fail = true
    const { container, stub } = openBoard({}, (e) =>
      e.action === 'whoami'
        ? { ok: true, data: whoamiAs('member') }
        : e.action === 'months'
          ? months
          : fail
            ? { ok: false, error: { code: 'NETWORK.FAILED', message: '网络不太好，请稍后重试' } }
            : { ok: true, data: board() },
    )
    await waitFor(() => expect(container.querySelector('.commitment-board--error')?.textContent).toContain('网络不太好'))
    fail = false
    click(container, '.error-state__retry')
    await waitFor(() => expect(container.querySelectorAll('.commitment-plan-card')).toHaveLength(2))
    act(() => void taro.__fire('usePullDownRefresh'))
    await waitFor(() => expect(stub.calls.filter((c) => c.event.action === 'board')).toHaveLength(3))
  })
})
