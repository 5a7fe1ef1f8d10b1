import { render, waitFor } from '@testing-library/react'
import type { SpokenLecture } from '@contracts'
import MinePage from '@/pages/mine/index'
import MyLecturesPage from '@/packages/reports/pages/my-lectures/index'
import { resetWhoamiStore } from '@/features/members/whoami.store'
import { click, stubCloud, textOf } from '../support/app/cloud-stub'
import { whoamiAs } from '../support/app/fixtures'
import { wishStats } from '../support/app/wish-fixtures'

const Taro = jest.requireActual<{
  __navigations: () => Array<{ kind: string; url: string }>
  __resetNavigations: () => void
}>('@tarojs/taro')

/** The i-th newest lecture I gave: 19:30 Beijing (11:30Z) on day 28 - i. */
function spoken(i: number): SpokenLecture {
  const day = String(28 - i).padStart(2, '0')
  return {
    lectureId: `L${String(i).padStart(10, '0')}`,
    title: `党课 ${i}`,
    branchName: '幸福里社区第一党支部',
    startAt: `2026-11-${day}T11:30:00.000Z`,
    endAt: `2026-11-${day}T13:00:00.000Z`,
    checkinCount: 10 + i,
  }
}

beforeEach(() => {
  resetWhoamiStore()
  Taro.__resetNavigations()
})

describe('我的 → 我主讲的党课', () => {
  it.each(['member', 'secretary'] as const)('is offered to a %s and opens the list', async (role) => {
    stubCloud((fn, event) =>
      fn === 'commitment' ? { ok: true, data: { items: [] } } : event.action === 'stats' ? { ok: true, data: wishStats(0) } : { ok: true, data: whoamiAs(role) },
    )
    const { container } = render(<MinePage />)
    await waitFor(() => expect(textOf(container, '.mine-page__to-my-lectures')).toBe('主讲记录与评议'))
    click(container, '.mine-page__to-my-lectures')
    expect(Taro.__navigations()).toEqual([{ kind: 'navigateTo', url: '/packages/reports/pages/my-lectures/index' }])
  })

  it('is not offered to a 群众 (who cannot be linked as a speaker)', async () => {
    stubCloud(() => ({ ok: true, data: whoamiAs('resident') }))
    const { container } = render(<MinePage />)
    await waitFor(() => expect(textOf(container, '.mine-page__role')).toBe('群众'))
    expect(container.querySelector('.mine-page__to-my-lectures')).toBeNull()
  })
})

describe('我主讲的党课 page', () => {
  function server(rows: SpokenLecture[]) {
    return stubCloud((_fn, event) => {
      const start = Number(event.cursor ?? 0)
      const end = start + Number(event.limit)
      return { ok: true, data: { items: rows.slice(start, end), ...(end < rows.length ? { nextCursor: String(end) } : {}) } }
    })
  }

  it('lists my lectures a page at a time; a row opens its report', async () => {
    const stub = server(Array.from({ length: 13 }, (_, i) => spoken(i)))
    const { container } = render(<MyLecturesPage />)
    await waitFor(() => expect(container.querySelectorAll('.my-lectures__row')).toHaveLength(10))
    expect(textOf(container, '.my-lectures__row-title')).toBe('党课 0')
    expect(textOf(container, '.my-lectures__row-when')).toContain('幸福里社区第一党支部')
    click(container, '.paged-list-footer__more')
    await waitFor(() => expect(container.querySelectorAll('.my-lectures__row')).toHaveLength(13))
    expect(stub.calls.map((c) => c.event)).toEqual([
      { action: 'mySpokenLectures', limit: 10 },
      { action: 'mySpokenLectures', cursor: '10', limit: 10 },
    ])

    click(container, '.my-lectures__row')
    expect(Taro.__navigations()).toEqual([{ kind: 'navigateTo', url: '/pages/lecture-report/index?id=L0000000000' }])
    click(container, '.my-lectures__trend')
    expect(Taro.__navigations()[1]).toEqual({ kind: 'navigateTo', url: '/packages/reports/pages/lecturer-report/index' })
  })

  it('says how a lecture gets here when there is none', async () => {
    server([])
    const { container } = render(<MyLecturesPage />)
    await waitFor(() => expect(textOf(container, '.empty-state__title')).toBe('还没有主讲的党课'))
    expect(container.querySelector('.my-lectures__trend')).toBeNull()
  })
})
