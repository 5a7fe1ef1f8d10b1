import { render, waitFor } from '@testing-library/react'
import IndexPage from '@/pages/index/index'
import { resetWhoamiStore } from '@/features/members/whoami.store'
import { click, stubCloud, textOf } from '../support/app/cloud-stub'
import { guest, whoamiAs } from '../support/app/fixtures'

const Taro = jest.requireActual<{
  __navigations: () => Array<{ kind: string; url: string }>
  __resetNavigations: () => void
}>('@tarojs/taro')

beforeEach(() => {
  resetWhoamiStore()
  Taro.__resetNavigations()
})

describe('首页', () => {
  it('invites someone without a branch to join via 我的', async () => {
    stubCloud(() => ({ ok: true, data: guest }))
    const { container } = render(<IndexPage />)
    await waitFor(() => expect(container.querySelector('.home-page__to-join')).not.toBeNull())
    expect(textOf(container, '.home-page__branch')).toBe('支部活动')
    expect(container.querySelector('.home-page__to-members')).toBeNull()
  })

  it('welcomes a member by name with the branch, and offers only what exists', async () => {
    stubCloud(() => ({ ok: true, data: whoamiAs('member') }))
    const { container } = render(<IndexPage />)
    await waitFor(() => expect(textOf(container, '.home-page__branch')).toBe('幸福里社区第一党支部'))
    expect(textOf(container, '.home-page__greeting')).toBe('王建国，您好')
    expect(textOf(container, '.home-page__role')).toBe('党员')
    expect(container.querySelector('.home-page__to-mine')).not.toBeNull()
    expect(container.querySelector('.home-page__to-members')).toBeNull()
  })

  it('says what works now (签到, 评议, 微心愿, 公开承诺), with nothing left to announce', async () => {
    stubCloud(() => ({ ok: true, data: whoamiAs('member') }))
    const { container } = render(<IndexPage />)
    await waitFor(() => expect(textOf(container, '.home-page__branch')).toBe('幸福里社区第一党支部'))
    const now = textOf(container, '.home-page__about-now')
    expect(now).toContain('扫码签到')
    expect(now).toContain('评议')
    expect(now).toContain('微心愿')
    expect(now).toContain('公开承诺')
    expect(container.querySelector('.home-page__about-soon')).toBeNull()
    expect(container.querySelector('.home-page')?.textContent).not.toContain('陆续上线')
  })

  it('opens this month\'s 承诺榜 of the branch for anyone in it, and offers nothing to someone without one', async () => {
    stubCloud(() => ({ ok: true, data: guest }))
    const first = render(<IndexPage />)
    await waitFor(() => expect(first.container.querySelector('.home-page__to-join')).not.toBeNull())
    expect(first.container.querySelector('.home-page__to-commitments')).toBeNull()
    first.unmount()

    resetWhoamiStore()
    stubCloud(() => ({ ok: true, data: whoamiAs('resident') }))
    const { container } = render(<IndexPage />)
    await waitFor(() => expect(textOf(container, '.home-page__to-commitments')).toBe('看承诺榜'))
    click(container, '.home-page__to-commitments')
    expect(Taro.__navigations()).toEqual([{ kind: 'navigateTo', url: '/packages/commitments/pages/board/index' }])
  })

  it('tells a resident they can post a wish, and a member that wishes wait to be claimed', async () => {
    stubCloud(() => ({ ok: true, data: whoamiAs('resident') }))
    const first = render(<IndexPage />)
    await waitFor(() => expect(textOf(first.container, '.home-page__to-post-wish')).toBe('我要许愿'))
    expect(first.container.querySelector('.home-page__to-wishes')).toBeNull()
    first.unmount()

    resetWhoamiStore()
    stubCloud(() => ({ ok: true, data: whoamiAs('member') }))
    const { container } = render(<IndexPage />)
    await waitFor(() => expect(textOf(container, '.home-page__to-wishes')).toBe('去看心愿'))
    expect(textOf(container, '.home-page__wishes .app-card__title')).toBe('群众的心愿在等您认领')
    expect(container.querySelector('.home-page__to-post-wish')).toBeNull()
  })

  it('gives a secretary the way to 成员管理 and 邀请码', async () => {
    stubCloud(() => ({ ok: true, data: whoamiAs('secretary') }))
    const { container } = render(<IndexPage />)
    await waitFor(() => expect(textOf(container, '.home-page__to-members')).toBe('成员管理'))
    expect(textOf(container, '.home-page__to-invite-codes')).toBe('邀请码与二维码')
  })
})
