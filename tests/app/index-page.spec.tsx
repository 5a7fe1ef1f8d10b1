import { render, waitFor } from '@testing-library/react'
import IndexPage from '@/pages/index/index'
import { resetWhoamiStore } from '@/features/members/whoami.store'
import { stubCloud, textOf } from '../support/app/cloud-stub'
import { guest, whoamiAs } from '../support/app/fixtures'

beforeEach(() => resetWhoamiStore())

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

  it('says what works now (签到, 评议) and what is still coming (微心愿, 公开承诺)', async () => {
    stubCloud(() => ({ ok: true, data: whoamiAs('member') }))
    const { container } = render(<IndexPage />)
    await waitFor(() => expect(textOf(container, '.home-page__branch')).toBe('幸福里社区第一党支部'))
    const now = textOf(container, '.home-page__about-now')
    const soon = textOf(container, '.home-page__about-soon')
    expect(now).toContain('扫码签到')
    expect(now).toContain('评议')
    expect(soon).toContain('微心愿')
    expect(soon).toContain('公开承诺')
    expect(soon).not.toContain('评议')
    expect(container.querySelector('.home-page')?.textContent).not.toContain('陆续上线')
  })

  it('gives a secretary the way to 成员管理 and 邀请码', async () => {
    stubCloud(() => ({ ok: true, data: whoamiAs('secretary') }))
    const { container } = render(<IndexPage />)
    await waitFor(() => expect(textOf(container, '.home-page__to-members')).toBe('成员管理'))
    expect(textOf(container, '.home-page__to-invite-codes')).toBe('邀请码与二维码')
  })
})
