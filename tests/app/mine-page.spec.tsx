import { act, render, waitFor } from '@testing-library/react'
import MinePage from '@/pages/mine/index'
import { resetWhoamiStore } from '@/features/members/whoami.store'
import { signInUrl } from '@/features/session'
import type { Answer } from '../support/app/cloud-stub'
import { click, deferred, stubCloud, textOf, typeInto } from '../support/app/cloud-stub'
import { guest, profile, whoamiAs } from '../support/app/fixtures'
import { planSummary } from '../support/app/commitment-admin-fixtures'
import { wishStats } from '../support/app/wish-fixtures'

const Taro = jest.requireActual<{
  __fire: (name: string) => unknown
  __navigations: () => Array<{ kind: string; url: string }>
  __resetNavigations: () => void
}>('@tarojs/taro')

beforeEach(() => {
  resetWhoamiStore()
  Taro.__resetNavigations()
})

describe('我的 page', () => {
  it('shows loading, then the person: name, role, branch, own phone, post', async () => {
    const answer = deferred<Answer>()
    stubCloud(() => answer.promise)
    const { container } = render(<MinePage />)
    expect(container.querySelector('.loading-state')).not.toBeNull()

    answer.resolve({ ok: true, data: whoamiAs('member') })
    await waitFor(() => expect(textOf(container, '.mine-page__role')).toBe('党员'))
    expect(textOf(container, '.mine-page__name')).toBe('王建国')
    expect(textOf(container, '.mine-page__branch')).toBe('幸福里社区第一党支部')
    expect(textOf(container, '.mine-page__phone')).toBe('13800138000')
    expect(textOf(container, '.mine-page__post')).toBe('社区党委委员')
    expect(container.querySelector('.loading-state')).toBeNull()
    // Secretary tools are not offered to a member.
    expect(container.querySelector('.mine-page__to-members')).toBeNull()
  })

  it('offers a resident 我的心愿, and a member 我登记的心愿 and 我认领的, each opening its list', async () => {
    stubCloud(() => ({ ok: true, data: whoamiAs('resident') }))
    const first = render(<MinePage />)
    await waitFor(() => expect(textOf(first.container, '.mine-page__to-my-wishes')).toBe('我的心愿'))
    expect(first.container.querySelector('.mine-page__to-my-claims')).toBeNull()
    first.unmount()

    resetWhoamiStore()
    stubCloud(() => ({ ok: true, data: whoamiAs('member') }))
    const { container } = render(<MinePage />)
    await waitFor(() => expect(textOf(container, '.mine-page__to-my-claims')).toBe('我认领的'))
    expect(textOf(container, '.mine-page__to-my-wishes')).toBe('我登记的心愿')
    click(container, '.mine-page__to-my-claims')
    expect(Taro.__navigations()).toEqual([{ kind: 'navigateTo', url: '/packages/wishes/pages/my-wishes/index?kind=claims' }])
    expect(container.querySelector('.mine-page__to-wish-review')).toBeNull()
  })

  it('offers anyone in a branch 签到记录, which opens their check-in history', async () => {
    stubCloud(() => ({ ok: true, data: whoamiAs('resident') }))
    const { container } = render(<MinePage />)
    await waitFor(() => expect(textOf(container, '.mine-page__to-check-ins')).toBe('签到记录'))
    click(container, '.mine-page__to-check-ins')
    expect(Taro.__navigations()).toEqual([{ kind: 'navigateTo', url: '/pages/my-check-ins/index' }])
  })

  it('offers a secretary 成员管理 and 邀请码 with both codes, and 心愿审核 and 承诺审核 with how many wait', async () => {
    stubCloud((fn, event) =>
      fn === 'commitment'
        ? { ok: true, data: { items: [planSummary(1), planSummary(2), planSummary(3)] } }
        : event.action === 'stats'
          ? { ok: true, data: wishStats(2) }
          : { ok: true, data: whoamiAs('secretary') },
    )
    const { container } = render(<MinePage />)
    await waitFor(() => expect(textOf(container, '.mine-page__role')).toBe('书记'))
    expect(textOf(container, '.mine-page__to-members')).toBe('成员管理')
    expect(textOf(container, '.mine-page__code--member')).toBe('DEMOM1')
    expect(textOf(container, '.mine-page__code--resident')).toBe('DEMOR1')
    await waitFor(() => expect(textOf(container, '.mine-page__to-wish-review')).toBe('心愿审核（2 个待审核）'))
    expect(textOf(container, '.mine-page__to-wish-figures')).toBe('心愿统计')
    await waitFor(() => expect(textOf(container, '.mine-page__to-commitment-review')).toBe('承诺审核（3 份待审核）'))
    click(container, '.mine-page__to-commitment-review')
    expect(Taro.__navigations()).toEqual([{ kind: 'navigateTo', url: '/packages/secretary/pages/commitment-review/index' }])
  })

  it("says 50+ when the queue's first page is not all of it", async () => {
    stubCloud((fn, event) =>
      fn === 'commitment'
        ? { ok: true, data: { items: Array.from({ length: 50 }, (_, i) => planSummary(i)), nextCursor: 'next' } }
        : event.action === 'stats'
          ? { ok: true, data: wishStats(0) }
          : { ok: true, data: whoamiAs('secretary') },
    )
    const { container } = render(<MinePage />)
    await waitFor(() => expect(textOf(container, '.mine-page__to-commitment-review')).toBe('承诺审核（50+ 份待审核）'))
    expect(textOf(container, '.mine-page__to-wish-review')).toBe('心愿审核')
  })

  it('shows the join card to someone without a branch, and the new role after joining', async () => {
    stubCloud((_fn, event) =>
      event.action === 'whoami'
        ? { ok: true, data: guest }
        : { ok: true, data: { ...whoamiAs('resident'), profile: profile('resident', { name: '李秀英' }) } },
    )
    const { container } = render(<MinePage />)
    await waitFor(() => expect(container.querySelector('.join-form')).not.toBeNull())
    expect(container.querySelector('.mine-page__role')).toBeNull()
    expect(container.querySelector('.mine-page__to-check-ins')).toBeNull()

    await typeInto(container, '.join-form__name', '李秀英')
    await typeInto(container, '.join-form__code', 'demor1')
    click(container, '.join-form__submit')
    await waitFor(() => expect(textOf(container, '.mine-page__role')).toBe('群众'))
    expect(textOf(container, '.mine-page__branch')).toBe('幸福里社区第一党支部')
    expect(textOf(container, '.mine-page__notice')).toContain('加入成功')
  })

  it('shows the error with 重试, and retrying loads the page', async () => {
    let fail = true
    stubCloud(() =>
      fail ? { ok: false, error: { code: 'COMMON.INTERNAL', message: '服务暂时出了点问题，请稍后重试' } } : { ok: true, data: whoamiAs('member') },
    )
    const { container } = render(<MinePage />)
    await waitFor(() => expect(textOf(container, '.error-state__message')).toBe('服务暂时出了点问题，请稍后重试'))
    expect(container.querySelector('.sign-in-hint__link')).toBeNull()

    fail = false
    click(container, '.error-state__retry')
    await waitFor(() => expect(textOf(container, '.mine-page__role')).toBe('党员'))
  })

  it('asks a browser visitor to sign in when the server answers AUTH.REQUIRED', async () => {
    stubCloud(() => ({ status: 401, body: { ok: false, error: { code: 'AUTH.REQUIRED', message: '请先登录后再操作' } } }))
    const { container } = render(<MinePage />)
    await waitFor(() => expect(textOf(container, '.error-state__title')).toBe('请先登录'))
    expect(textOf(container, '.sign-in-hint__link')).toBe('去登录')
  })

  it('reloads on pull-down refresh', async () => {
    let role: 'member' | 'secretary' = 'member'
    const stub = stubCloud((fn, event) =>
      fn === 'commitment' ? { ok: true, data: { items: [] } } : event.action === 'stats' ? { ok: true, data: wishStats(0) } : { ok: true, data: whoamiAs(role) },
    )
    const { container } = render(<MinePage />)
    await waitFor(() => expect(textOf(container, '.mine-page__role')).toBe('党员'))

    role = 'secretary'
    act(() => {
      Taro.__fire('usePullDownRefresh')
    })
    await waitFor(() => expect(textOf(container, '.mine-page__role')).toBe('书记'))
    // A secretary now: the counts of wishes and plans waiting for review are asked too (the member was not asked).
    await waitFor(() => expect([...stub.actions()].sort()).toEqual(['queue', 'stats', 'whoami', 'whoami']))
  })

  it('saves an edited profile and shows it', async () => {
    const stub = stubCloud((_fn, event) =>
      event.action === 'whoami'
        ? { ok: true, data: whoamiAs('member') }
        : { ok: true, data: profile('member', { phone: '13912345678', post: '楼栋长' }) },
    )
    const { container } = render(<MinePage />)
    await waitFor(() => expect(container.querySelector('.mine-page__edit')).not.toBeNull())
    click(container, '.mine-page__edit')
    await typeInto(container, '.profile-form__phone', '1391234')
    click(container, '.profile-form__submit')
    await waitFor(() => expect(textOf(container, '.profile-form__phone-field .form-field__error')).toBe('请填写 11 位手机号'))

    await typeInto(container, '.profile-form__phone', '13912345678')
    await typeInto(container, '.profile-form__post', '楼栋长')
    click(container, '.profile-form__submit')
    await waitFor(() => expect(textOf(container, '.mine-page__phone')).toBe('13912345678'))
    expect(textOf(container, '.mine-page__post')).toBe('楼栋长')
    expect(stub.calls[1]?.event).toEqual({ action: 'updateProfile', name: '王建国', phone: '13912345678', post: '楼栋长' })
  })
})

describe('signInUrl', () => {
  it('asks the dev sign-in page to come back to the current hash route', () => {
    expect(signInUrl({ pathname: '/', search: '', hash: '#/pages/mine/index' })).toBe('/dev/sign-in?next=%2F%23%2Fpages%2Fmine%2Findex')
  })
})
