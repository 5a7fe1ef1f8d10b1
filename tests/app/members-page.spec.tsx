import { render, waitFor } from '@testing-library/react'
import MembersPage from '@/packages/secretary/pages/members/index'
import { resetWhoamiStore } from '@/features/members/whoami.store'
import { click, stubCloud, textOf } from '../support/app/cloud-stub'
import { memberRows, whoamiAs } from '../support/app/fixtures'

beforeEach(() => resetWhoamiStore())

function server(total: number) {
  const rows = memberRows(total)
  return stubCloud((_fn, event) => {
    switch (event.action) {
      case 'whoami':
        return { ok: true, data: whoamiAs('secretary') }
      case 'listMembers': {
        const list = rows.filter((r) => !event.role || r.role === event.role)
        const start = Number(event.cursor ?? 0)
        const end = start + Number(event.limit)
        return { ok: true, data: { items: list.slice(start, end), nextCursor: end < list.length ? String(end) : undefined } }
      }
      case 'setRole': {
        const row = rows.find((r) => r.openid === event.openid)
        if (!row) return { ok: false, error: { code: 'MEMBER.NOT_FOUND', message: '没有找到这个成员' } }
        row.role = event.role as typeof row.role
        return { ok: true, data: { ...row } }
      }
      default:
        return { ok: false, error: { code: 'COMMON.UNKNOWN_ACTION', message: '?' } }
    }
  })
}

describe('成员管理 page', () => {
  it('lists members a page at a time with 加载更多, then says it reached the end', async () => {
    server(25)
    const { container } = render(<MembersPage />)
    await waitFor(() => expect(container.querySelectorAll('.member-row')).toHaveLength(20))
    expect(textOf(container, '.members-page .paged-list-footer__more')).toBe('加载更多')
    click(container, '.members-page .paged-list-footer__more')
    await waitFor(() => expect(container.querySelectorAll('.member-row')).toHaveLength(25))
    expect(container.querySelector('.members-page .paged-list-footer__more')).toBeNull()
    expect(textOf(container, '.members-page .paged-list-footer__end')).toContain('共 25 人')
  })

  it('filters by role and shows an empty state that says what to do', async () => {
    const stub = server(3)
    const { container } = render(<MembersPage />)
    await waitFor(() => expect(container.querySelectorAll('.member-row')).toHaveLength(3))
    const resident = [...container.querySelectorAll('.members-page__filter')].find((el) => el.textContent === '群众')
    if (!resident) throw new Error('no 群众 filter')
    click(resident as HTMLElement, '.members-page__filter-text')
    await waitFor(() => expect(textOf(container, '.empty-state__title')).toBe('还没有身份为群众的成员'))
    expect(stub.calls.filter((c) => c.event.action === 'listMembers').map((c) => c.event.role)).toEqual([undefined, 'resident'])
  })

  it('changes a role only after choosing and confirming in the dialog', async () => {
    const stub = server(2)
    const { container } = render(<MembersPage />)
    await waitFor(() => expect(container.querySelectorAll('.member-row')).toHaveLength(2))
    click(container, '.member-row__change')
    await waitFor(() => expect(container.querySelector('.role-dialog__option--resident')).not.toBeNull())
    expect(stub.actions()).not.toContain('setRole')

    click(container, '.role-dialog__option--resident')
    await waitFor(() => expect(textOf(container, '.role-dialog__summary')).toContain('从党员改为群众'))
    click(container, '.role-dialog .confirm-dialog__confirm')
    await waitFor(() => expect(textOf(container, '.member-row .role-badge')).toBe('群众'))
    expect(stub.calls.find((c) => c.event.action === 'setRole')?.event).toEqual({
      action: 'setRole',
      openid: 'demo-u0',
      role: 'resident',
    })
  })

  it('tells a non-secretary the page is not for them, without asking for the list', async () => {
    const stub = stubCloud(() => ({ ok: true, data: whoamiAs('member') }))
    const { container } = render(<MembersPage />)
    await waitFor(() => expect(textOf(container, '.empty-state__title')).toBe('只有支部书记可以管理成员'))
    expect(stub.actions()).toEqual(['whoami'])
  })
})
