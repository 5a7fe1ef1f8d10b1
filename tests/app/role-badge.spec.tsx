import { render } from '@testing-library/react'
import { RoleBadge } from '@/components/role-badge'

describe('RoleBadge', () => {
  it.each([
    ['secretary', '书记'],
    ['member', '党员'],
    ['resident', '群众'],
  ] as const)('shows %s as %s, with a modifier class per role', (role, label) => {
    const { container } = render(<RoleBadge role={role} className='mine-page__role' />)
    const badge = container.querySelector('.role-badge')
    expect(badge?.textContent).toBe(label)
    expect(badge?.classList.contains(`role-badge--${role}`)).toBe(true)
    expect(badge?.classList.contains('mine-page__role')).toBe(true)
  })
})
