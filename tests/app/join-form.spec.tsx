import { render, waitFor } from '@testing-library/react'
import { JoinForm } from '@/features/members/join-form'
import { getWhoamiSnapshot, resetWhoamiStore } from '@/features/members/whoami.store'
import { click, stubCloud, textOf, typeInto } from '../support/app/cloud-stub'
import { whoamiAs } from '../support/app/fixtures'

beforeEach(() => resetWhoamiStore())

describe('JoinForm', () => {
  it('checks the fields before sending anything', async () => {
    const stub = stubCloud(() => ({ ok: true, data: whoamiAs('resident') }))
    const { container } = render(<JoinForm />)
    click(container, '.join-form__submit')
    await waitFor(() => expect(textOf(container, '.join-form__name-field .form-field__error')).toBe('请填写姓名'))
    expect(textOf(container, '.join-form__code-field .form-field__error')).toBe('请填写邀请码')

    await typeInto(container, '.join-form__name', '李秀英')
    await typeInto(container, '.join-form__code', 'ab1')
    click(container, '.join-form__submit')
    await waitFor(() => expect(textOf(container, '.join-form__code-field .form-field__error')).toMatch(/6 到 8 位/))
    expect(container.querySelector('.join-form__name-field .form-field__error')).toBeNull()
    expect(stub.calls).toHaveLength(0)
  })

  it('upper-cases the code as it is typed and sends { code, name } to member.joinBranch', async () => {
    const stub = stubCloud(() => ({ ok: true, data: whoamiAs('resident') }))
    const onJoined = jest.fn()
    const { container } = render(<JoinForm onJoined={onJoined} />)
    await typeInto(container, '.join-form__name', ' 李秀英 ')
    await typeInto(container, '.join-form__code', 'demor1')
    await waitFor(() => expect(container.querySelector<HTMLInputElement>('.join-form__code input')?.value).toBe('DEMOR1'))
    click(container, '.join-form__submit')

    await waitFor(() => expect(onJoined).toHaveBeenCalledWith(whoamiAs('resident')))
    expect(stub.calls.map((c) => c.event)).toEqual([{ action: 'joinBranch', code: 'DEMOR1', name: '李秀英' }])
    // Every page sees the new membership at once.
    expect(getWhoamiSnapshot().data?.profile?.role).toBe('resident')
  })

  it("shows the server's message near the form when joining is refused", async () => {
    stubCloud(() => ({ ok: false, error: { code: 'MEMBER.INVITE_INVALID', message: '邀请码不对或已失效，请向支部书记确认' } }))
    const onJoined = jest.fn()
    const { container } = render(<JoinForm onJoined={onJoined} />)
    await typeInto(container, '.join-form__name', '李秀英')
    await typeInto(container, '.join-form__code', 'WRONG1')
    click(container, '.join-form__submit')

    await waitFor(() => expect(textOf(container, '.join-form__error')).toContain('邀请码不对或已失效，请向支部书记确认'))
    expect(onJoined).not.toHaveBeenCalled()
    expect(container.querySelector('.sign-in-hint__link')).toBeNull()
  })

  it('says the network failed rather than pretending, and offers sign-in in H5 on AUTH.REQUIRED', async () => {
    stubCloud(() => {
      throw new TypeError('Failed to fetch')
    })
    const { container } = render(<JoinForm />)
    await typeInto(container, '.join-form__name', '李秀英')
    await typeInto(container, '.join-form__code', 'DEMOR1')
    click(container, '.join-form__submit')
    await waitFor(() => expect(textOf(container, '.join-form__error')).toContain('网络不太好'))

    stubCloud(() => ({ status: 401, body: { ok: false, error: { code: 'AUTH.REQUIRED', message: '请先登录后再操作' } } }))
    click(container, '.join-form__submit')
    await waitFor(() => expect(textOf(container, '.join-form__error')).toContain('请先登录后再操作'))
    expect(textOf(container, '.sign-in-hint__link')).toBe('去登录')
  })
})
