import { render, waitFor } from '@testing-library/react'
import MinePage from '@/pages/mine/index'
import JoinRequestsPage from '@/packages/secretary/pages/join-requests/index'
import { resetWhoamiStore } from '@/features/members/whoami.store'
import { click, stubCloud, textOf, typeInto } from '../support/app/cloud-stub'
import { applicant, guest, whoamiAs } from '../support/app/fixtures'
import { wishStats } from '../support/app/wish-fixtures'

const Taro = jest.requireActual<{
  __navigations: () => Array<{ kind: string; url: string }>
  __resetNavigations: () => void
}>('@tarojs/taro')

beforeEach(() => {
  resetWhoamiStore()
  Taro.__resetNavigations()
})

describe('我的: a request to join as 党员', () => {
  it('says 待书记确认 after a member code, what it means, and no join form', async () => {
    stubCloud((_fn, event) => (event.action === 'whoami' ? { ok: true, data: guest } : { ok: true, data: applicant() }))
    const { container } = render(<MinePage />)
    await waitFor(() => expect(container.querySelector('.join-form')).not.toBeNull())
    expect(textOf(container, '.join-form .app-card__hint')).toContain('党员邀请码要等支部书记确认')
    await typeInto(container, '.join-form__name', '王建国')
    await typeInto(container, '.join-form__code', 'demom1')
    click(container, '.join-form__submit')

    await waitFor(() => expect(textOf(container, '.join-request-card__status')).toBe('待书记确认'))
    expect(textOf(container, '.mine-page__intro-title')).toBe('等待支部书记确认')
    expect(textOf(container, '.join-request-card .app-card__title')).toBe('已申请以党员身份加入「幸福里社区第一党支部」')
    expect(textOf(container, '.join-request-card__meaning')).toContain('还没有加入支部')
    expect(container.querySelector('.join-form')).toBeNull()
    expect(container.querySelector('.mine-page__role')).toBeNull()
  })

  it('withdraws after confirming, and offers the join form again', async () => {
    const stub = stubCloud((_fn, event) => (event.action === 'whoami' ? { ok: true, data: applicant() } : { ok: true, data: guest }))
    const { container } = render(<MinePage />)
    await waitFor(() => expect(container.querySelector('.join-request-card__withdraw')).not.toBeNull())
    click(container, '.join-request-card__withdraw')
    await waitFor(() => expect(textOf(document.body, '.confirm-dialog__message')).toContain('撤回后书记不会再看到这条申请'))
    expect(stub.actions()).toEqual(['whoami'])
    click(document.body, '.confirm-dialog__confirm')
    await waitFor(() => expect(container.querySelector('.join-form')).not.toBeNull())
    expect(stub.actions()).toEqual(['whoami', 'withdrawJoinRequest'])
    expect(container.querySelector('.join-request-card')).toBeNull()
  })

  it('shows a decline with the secretary’s reason, and the form to ask again', async () => {
    stubCloud(() => ({ ok: true, data: applicant(null, { status: 'declined', reason: '请先转接组织关系', decidedAt: '2026-06-02T02:00:00.000Z' }) }))
    const { container } = render(<MinePage />)
    await waitFor(() => expect(textOf(container, '.join-request-card__summary')).toContain('原因：请先转接组织关系'))
    expect(container.querySelector('.join-form')).not.toBeNull()
    expect(container.querySelector('.join-request-card__withdraw')).toBeNull()
  })

  it('keeps a 群众 who asked to be 党员 a 群众, with the request beside', async () => {
    stubCloud((_fn, event) => (event.action === 'stats' ? { ok: true, data: wishStats(0) } : { ok: true, data: applicant('resident') }))
    const { container } = render(<MinePage />)
    await waitFor(() => expect(textOf(container, '.mine-page__role')).toBe('群众'))
    expect(textOf(container, '.join-request-card__meaning')).toContain('仍是本支部群众')
  })

  it('shows a secretary how many wait, and opens the queue', async () => {
    stubCloud((fn, event) =>
      fn === 'commitment'
        ? { ok: true, data: { items: [] } }
        : event.action === 'stats'
          ? { ok: true, data: wishStats(0) }
          : { ok: true, data: { ...whoamiAs('secretary'), pendingJoinRequests: 2 } },
    )
    const { container } = render(<MinePage />)
    await waitFor(() => expect(textOf(container, '.mine-page__join-badge')).toBe('2'))
    expect(textOf(container, '.mine-page__to-join-requests')).toBe('党员身份确认（2 个待确认）')
    click(container, '.mine-page__to-join-requests')
    expect(Taro.__navigations()).toEqual([{ kind: 'navigateTo', url: '/packages/secretary/pages/join-requests/index' }])
  })

  it('shows no badge when nothing waits', async () => {
    stubCloud((fn, event) =>
      fn === 'commitment' ? { ok: true, data: { items: [] } } : event.action === 'stats' ? { ok: true, data: wishStats(0) } : { ok: true, data: whoamiAs('secretary') },
    )
    const { container } = render(<MinePage />)
    await waitFor(() => expect(textOf(container, '.mine-page__to-join-requests')).toBe('党员身份确认'))
    expect(container.querySelector('.mine-page__join-badge')).toBeNull()
  })
})

describe('党员身份确认 (secretary)', () => {
  const rows = [
    { openid: 'demo-a', name: '马晓红', phone: '', currentRole: null, requestedAt: '2026-06-01T02:00:00.000Z' },
    { openid: 'demo-b', name: '赵桂兰', phone: '13800138004', currentRole: 'resident', requestedAt: '2026-06-01T03:00:00.000Z' },
  ]

  function server(decide: (event: Record<string, unknown>) => { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } }) {
    return stubCloud((_fn, event) => {
      if (event.action === 'whoami') return { ok: true, data: { ...whoamiAs('secretary'), pendingJoinRequests: 2 } }
      if (event.action === 'listJoinRequests') return { ok: true, data: { items: rows } }
      return decide(event)
    })
  }

  it('lists who waits and what they are now; confirms one after the dialog and takes the row away', async () => {
    const stub = server((event) => ({ ok: true, data: { openid: event.openid, status: 'approved', member: null } }))
    const { container } = render(<JoinRequestsPage />)
    await waitFor(() => expect(container.querySelectorAll('.join-request-row')).toHaveLength(2))
    expect(Array.from(container.querySelectorAll('.join-request-row__now')).map((e) => e.textContent)).toEqual(['现在：未加入支部', '现在：本支部群众'])

    click(container, '.join-request-row__approve')
    await waitFor(() => expect(textOf(document.body, '.confirm-dialog__message')).toContain('确认后，马晓红成为本支部党员'))
    expect(stub.actions()).not.toContain('decideJoinRequest')
    click(document.body, '.confirm-dialog__confirm')
    await waitFor(() => expect(container.querySelectorAll('.join-request-row')).toHaveLength(1))
    expect(stub.calls.find((c) => c.event.action === 'decideJoinRequest')?.event).toEqual({ action: 'decideJoinRequest', openid: 'demo-a', decision: 'approve' })
  })

  it('declines with an optional reason the person will see', async () => {
    const stub = server((event) => ({ ok: true, data: { openid: event.openid, status: 'declined', member: null } }))
    const { container } = render(<JoinRequestsPage />)
    await waitFor(() => expect(container.querySelectorAll('.join-request-row')).toHaveLength(2))
    click(container, '.join-request-row__decline')
    await waitFor(() => expect(document.body.querySelector('.confirm-dialog__reason')).not.toBeNull())
    await typeInto(document.body, '.confirm-dialog__reason', '请先转接组织关系')
    click(document.body, '.confirm-dialog__confirm')
    await waitFor(() => expect(container.querySelectorAll('.join-request-row')).toHaveLength(1))
    expect(stub.calls.find((c) => c.event.action === 'decideJoinRequest')?.event).toEqual({
      action: 'decideJoinRequest',
      openid: 'demo-a',
      decision: 'decline',
      reason: '请先转接组织关系',
    })
  })

  it('keeps the dialog open with the server’s word when another secretary decided first', async () => {
    server(() => ({ ok: false, error: { code: 'MEMBER.JOIN_REQUEST_DECIDED', message: '这条申请已经处理过了（已确认），请刷新列表' } }))
    const { container } = render(<JoinRequestsPage />)
    await waitFor(() => expect(container.querySelectorAll('.join-request-row')).toHaveLength(2))
    click(container, '.join-request-row__approve')
    await waitFor(() => expect(document.body.querySelector('.confirm-dialog__confirm')).not.toBeNull())
    click(document.body, '.confirm-dialog__confirm')
    await waitFor(() => expect(textOf(document.body, '.confirm-dialog__error')).toBe('这条申请已经处理过了（已确认），请刷新列表'))
  })
})
