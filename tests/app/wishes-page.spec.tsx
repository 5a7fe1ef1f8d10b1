import { render, waitFor } from '@testing-library/react'
import WishesPage from '@/pages/wishes/index'
import WishReviewPage from '@/packages/secretary/pages/wish-review/index'
import { resetWhoamiStore } from '@/features/members/whoami.store'
import { click, deferred, stubCloud, textOf, type Answer } from '../support/app/cloud-stub'
import { whoamiAs } from '../support/app/fixtures'
import { wishDetail, wishView } from '../support/app/wish-fixtures'

beforeEach(() => resetWhoamiStore())

type Role = Parameters<typeof whoamiAs>[0]

function server(role: Role, answer: (event: Record<string, unknown>) => Answer | Promise<Answer>) {
  return stubCloud((_fn, event) => (event.action === 'whoami' ? { ok: true, data: whoamiAs(role) } : answer(event)))
}

describe('心愿 tab', () => {
  it('shows 正在加载 while the first page is on its way, then the open wishes', async () => {
    const page = deferred<Answer>()
    server('member', () => page.promise)
    const { container } = render(<WishesPage />)
    await waitFor(() => expect(textOf(container, '.loading-state')).toContain('正在加载心愿'))
    page.resolve({ ok: true, data: { items: [wishView(1), wishView(2, { fromOtherBranch: true, branchName: '示范社区第二党支部' })] } })
    await waitFor(() => expect(container.querySelectorAll('.wish-card')).toHaveLength(2))
    expect(textOf(container, '.wish-card__who')).toBe('心愿人：赵**（幸福小区）')
    expect(container.querySelectorAll('.wish-card')[1]?.querySelector('.wish-card__branch')?.textContent).toBe('来自「示范社区第二党支部」')
  })

  it('asks again by category from the chips, and says when a category has none', async () => {
    const stub = server('member', (event) => ({ ok: true, data: { items: event.category ? [] : [wishView(1)] } }))
    const { container } = render(<WishesPage />)
    await waitFor(() => expect(container.querySelectorAll('.wish-card')).toHaveLength(1))
    click(container, '.wishes-page__categories .option-group__option--study')
    await waitFor(() => expect(textOf(container, '.empty-state__title')).toBe('没有「学习用品」类的心愿'))
    expect(stub.calls.filter((c) => c.event.action === 'list').map((c) => c.event.category)).toEqual([undefined, 'study'])
  })

  it('offers 重试 when the list fails, and shows the wishes once it works', async () => {
    let fail = true
    server('member', () => (fail ? { ok: false, error: { code: 'NETWORK.FAILED', message: '网络不太好，请检查网络后重试' } } : { ok: true, data: { items: [wishView(1)] } }))
    const { container } = render(<WishesPage />)
    await waitFor(() => expect(container.querySelector('.error-state')).not.toBeNull())
    fail = false
    click(container, '.error-state .app-button')
    await waitFor(() => expect(container.querySelectorAll('.wish-card')).toHaveLength(1))
  })

  it('invites a resident to post and shows them the 圆梦墙 (not the open list)', async () => {
    const stub = server('resident', () => ({
      ok: true,
      data: {
        items: [
          {
            id: 'Wdemo000009',
            title: '想要一本新字典',
            category: 'study',
            branchName: '幸福里社区第一党支部',
            beneficiaryName: '孙**',
            claimerName: '李**',
            fulfilledAt: '2026-11-20T02:00:00.000Z',
            confirmedAt: '2026-11-21T02:00:00.000Z',
            satisfaction: 'satisfied',
            thanks: '谢谢！',
            proofPhoto: null,
          },
        ],
      },
    }))
    const { container } = render(<WishesPage />)
    await waitFor(() => expect(container.querySelectorAll('.wish-card--wall')).toHaveLength(1))
    expect(textOf(container, '.wishes-page__post')).toBe('我要许愿')
    expect(container.querySelector('.wishes-page__scopes')).toBeNull()
    expect(textOf(container, '.wish-card--wall .wish-card__who')).toBe('孙** 的心愿，由 李** 帮助实现')
    expect(stub.actions()).not.toContain('list')
  })

  it('says when the wall is empty', async () => {
    server('resident', () => ({ ok: true, data: { items: [] } }))
    const { container } = render(<WishesPage />)
    await waitFor(() => expect(textOf(container, '.empty-state__title')).toBe('圆梦墙上还没有心愿'))
  })
})

describe('心愿审核 (secretary)', () => {
  it('approves a wish open to every branch after the dialog, and takes it off the queue', async () => {
    const stub = server('secretary', (event) =>
      event.action === 'list' ? { ok: true, data: { items: [wishView(1, { status: 'pending' })] } } : { ok: true, data: wishDetail({ id: 'W0000000001', status: 'open' }) },
    )
    const { container } = render(<WishReviewPage />)
    await waitFor(() => expect(container.querySelector('.wish-review__approve')).not.toBeNull())
    click(container, '.wish-review__approve')
    await waitFor(() => expect(document.body.querySelector('.wish-review__approve-dialog .wish-review__audience')).not.toBeNull())
    click(document.body, '.wish-review__audience .option-group__option--all')
    click(document.body, '.wish-review__approve-dialog .confirm-dialog__confirm')
    await waitFor(() => expect(textOf(container, '.empty-state__title')).toBe('没有等待审核的心愿'))
    expect(stub.calls.find((c) => c.event.action === 'review')?.event).toEqual({ action: 'review', wishId: 'W0000000001', decision: 'approve', openToAll: true })
  })

  it('asks for a reason before rejecting', async () => {
    const stub = server('secretary', () => ({ ok: true, data: { items: [wishView(1, { status: 'pending' })] } }))
    const { container } = render(<WishReviewPage />)
    await waitFor(() => expect(container.querySelector('.wish-review__reject')).not.toBeNull())
    click(container, '.wish-review__reject')
    await waitFor(() => expect(document.body.querySelector('.wish-review__reject-dialog .confirm-dialog__confirm')).not.toBeNull())
    click(document.body, '.wish-review__reject-dialog .confirm-dialog__confirm')
    await waitFor(() => expect(textOf(document.body, '.wish-review__reject-dialog .confirm-dialog__field-error')).toBe('请填写不通过的原因'))
    expect(stub.actions()).not.toContain('review')
  })
})
