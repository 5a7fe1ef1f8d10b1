import { render, waitFor } from '@testing-library/react'
import { Current } from '@tarojs/runtime'
import type { CheckInResult, WhoamiOutput } from '@contracts'
import CheckInPage from '@/pages/check-in/index'
import { checkInReducer, initialCheckIn, type CheckInState } from '@/features/lectures/hooks/use-check-in'
import { sceneFromText } from '@contracts/rules'
import { sceneFromScan } from '@/features/lectures/platform/scan-check-in'
import type { Answer } from '../support/app/cloud-stub'
import { click, deferred, stubCloud, textOf, typeInto } from '../support/app/cloud-stub'
import { applicant, guest, whoamiAs } from '../support/app/fixtures'
import { resetWhoamiStore } from '@/features/members/whoami.store'

const LECTURE = 'Labc1234567'
const TOKEN = 'Xy7Kp2QmZa'
const SCENE = `${LECTURE}.${TOKEN}`

function result(over: Partial<CheckInResult> = {}): CheckInResult {
  // 19:25 in Beijing (the test process runs with TZ=UTC).
  return { checkedInAt: '2026-11-22T11:25:00.000Z', already: false, flags: [], lectureTitle: '学习贯彻党的二十届三中全会精神', ...over }
}

function openWith(params: Record<string, string>) {
  Current.router = { params, path: '/pages/check-in/index', onReady: '', onHide: '', onShow: '', shareAppMessage: '' } as unknown as typeof Current.router
}

afterEach(() => {
  Current.router = null
})

describe('check-in state machine', () => {
  const submitting: CheckInState = { status: 'submitting' }

  it('reaches done only from an ok envelope', () => {
    expect(checkInReducer(initialCheckIn, { type: 'submit' })).toEqual(submitting)
    expect(checkInReducer(submitting, { type: 'answer', answer: { ok: true, data: result() } })).toEqual({ status: 'done', result: result() })
    const failed = checkInReducer(submitting, { type: 'answer', answer: { ok: false, error: { code: 'NETWORK.FAILED', message: '网络不太好' } } })
    expect(failed).toEqual({ status: 'failed', error: { code: 'NETWORK.FAILED', message: '网络不太好' } })
  })

  it('treats an ok envelope without a check-in record as a failure, never a success', () => {
    const odd = { ok: true as const, data: {} as unknown as CheckInResult }
    expect(checkInReducer(submitting, { type: 'answer', answer: odd }).status).toBe('failed')
  })

  it('ignores an answer nobody is waiting for', () => {
    const done: CheckInState = { status: 'done', result: result() }
    expect(checkInReducer(done, { type: 'answer', answer: { ok: false, error: { code: 'X', message: 'x' } } })).toBe(done)
    expect(checkInReducer(initialCheckIn, { type: 'answer', answer: { ok: true, data: result() } })).toBe(initialCheckIn)
    expect(checkInReducer(submitting, { type: 'submit' })).toBe(submitting)
  })

  it('goes from failed back to submitting on 重试', () => {
    const failed: CheckInState = { status: 'failed', error: { code: 'NETWORK.FAILED', message: '' } }
    expect(checkInReducer(failed, { type: 'submit' })).toEqual(submitting)
  })
})

describe('check-in scene', () => {
  it('reads the scene from a bare scene, an H5 link, an in-app link and a mini-program code path', () => {
    const want = { lectureId: LECTURE, token: TOKEN }
    expect(sceneFromText(SCENE)).toEqual(want)
    expect(sceneFromText(`http://127.0.0.1:8080/#/pages/check-in/index?scene=${encodeURIComponent(SCENE)}`)).toEqual(want)
    expect(sceneFromText(`zbhd://check-in?scene=${SCENE}`)).toEqual(want)
    expect(sceneFromText(encodeURIComponent(SCENE).replace('.', '%2E'))).toEqual(want)
    // A mini-program code's options.scene arrives URL-encoded (sometimes twice).
    expect(sceneFromText(encodeURIComponent(encodeURIComponent(SCENE)))).toEqual(want)
    expect(sceneFromScan({ result: '', path: `pages/check-in/index?scene=${encodeURIComponent(SCENE)}` })).toEqual(want)
    expect(sceneFromScan({ result: 'DEMOM1' })).toBeNull()
    expect(sceneFromText('https://example.org/?scene=%E0%A4%A')).toBeNull()
  })
})

describe('签到 page', () => {
  it('says 签到成功 only after the server answered ok, with the lecture title and the Beijing time', async () => {
    const answer = deferred<Answer>()
    const stub = stubCloud(() => answer.promise)
    openWith({ scene: encodeURIComponent(SCENE) })
    const { container } = render(<CheckInPage />)

    await waitFor(() => expect(stub.calls).toHaveLength(1))
    expect(textOf(container, '.check-in-panel__title')).toBe('正在签到…')
    expect(container.textContent).not.toContain('签到成功')
    // In the browser no location is asked for or sent.
    expect(stub.calls[0]?.event).toEqual({ action: 'checkIn', lectureId: LECTURE, token: TOKEN })

    answer.resolve({ ok: true, data: result() })
    await waitFor(() => expect(textOf(container, '.check-in-panel__title')).toBe('签到成功'))
    expect(container.querySelector('.check-in-panel--done')).not.toBeNull()
    expect(textOf(container, '.check-in-page__lecture .check-in-panel__value')).toBe('学习贯彻党的二十届三中全会精神')
    expect(textOf(container, '.check-in-page__time .check-in-panel__value')).toMatch(/11月22日 19:25$/)
  })

  it('on a network failure says nothing was recorded, and 重试 sends it again', async () => {
    let offline = true
    const stub = stubCloud(() => {
      if (offline) throw new TypeError('Failed to fetch')
      return { ok: true, data: result() }
    })
    openWith({ scene: SCENE })
    const { container } = render(<CheckInPage />)

    await waitFor(() => expect(textOf(container, '.check-in-panel__message')).toBe('没有签到成功（网络问题），请重试'))
    expect(container.querySelector('.check-in-panel--failed')).not.toBeNull()
    expect(container.textContent).not.toContain('签到成功，')
    expect(textOf(container, '.check-in-page__retry')).toBe('重试')

    offline = false
    click(container, '.check-in-page__retry')
    await waitFor(() => expect(textOf(container, '.check-in-panel__title')).toBe('签到成功'))
    expect(stub.calls).toHaveLength(2)
  })

  it('says 已签到 with the earlier time when the server answers already', async () => {
    stubCloud(() => ({ ok: true, data: result({ already: true, checkedInAt: '2026-11-22T11:02:00.000Z' }) }))
    openWith({ scene: SCENE })
    const { container } = render(<CheckInPage />)
    await waitFor(() => expect(textOf(container, '.check-in-panel__title')).toBe('已签到'))
    expect(container.querySelector('.check-in-panel--already')).not.toBeNull()
    expect(textOf(container, '.check-in-panel__message')).toContain('19:02')
    expect(textOf(container, '.check-in-page__time .check-in-panel__value')).toMatch(/19:02$/)
  })

  it('tells what to do for an expired code, with no 重试 of the same code', async () => {
    const Taro = jest.requireActual<{ __navigations: () => Array<{ kind: string; url: string }>; __resetNavigations: () => void }>('@tarojs/taro')
    Taro.__resetNavigations()
    stubCloud(() => ({ ok: false, error: { code: 'CHECKIN.TOKEN_EXPIRED', message: '二维码已过期，请重新扫描大屏上的二维码' } }))
    openWith({ scene: SCENE })
    const { container } = render(<CheckInPage />)
    await waitFor(() => expect(textOf(container, '.check-in-panel__message')).toBe('二维码已过期，请重新扫描大屏上的二维码'))
    // The title does not say the message again; it says what it means.
    expect(textOf(container, '.check-in-panel__title')).toBe('这次没有签到成功')
    expect(textOf(container, '.check-in-page__hint')).toBe('大屏上的二维码会定时更换。请用手机相机或微信“扫一扫”对准会场大屏，重新扫描正在显示的二维码。')
    expect(container.querySelector('.check-in-page__retry')).toBeNull()
    expect(textOf(container, '.check-in-page__to-lectures')).toBe('看看其他党课')

    expect(textOf(container, '.check-in-page__to-lecture')).toBe('查看这场党课')
    click(container, '.check-in-page__to-lecture')
    expect(Taro.__navigations()).toEqual([{ kind: 'redirectTo', url: `/pages/lecture-detail/index?id=${LECTURE}` }])
  })

  it("shows the server's own words for an expired code", async () => {
    const message = '二维码已更换，请扫描大屏上正在显示的二维码'
    stubCloud(() => ({ ok: false, error: { code: 'CHECKIN.TOKEN_EXPIRED', message } }))
    openWith({ scene: SCENE })
    const { container } = render(<CheckInPage />)
    await waitFor(() => expect(textOf(container, '.check-in-panel__message')).toBe(message))
  })

  it("shows the server's reason for an audience refusal", async () => {
    const message = '本场党课仅限「示范社区第一党支部」成员参加；欢迎关注其他开放党课'
    stubCloud(() => ({ ok: false, error: { code: 'CHECKIN.AUDIENCE', message } }))
    openWith({ scene: SCENE })
    const { container } = render(<CheckInPage />)
    await waitFor(() => expect(textOf(container, '.check-in-panel__message')).toBe(message))
  })

  describe('someone in no branch', () => {
    const Taro = jest.requireActual<{ __navigations: () => Array<{ kind: string; url: string }>; __resetNavigations: () => void }>('@tarojs/taro')
    beforeEach(() => {
      resetWhoamiStore()
      Taro.__resetNavigations()
    })
    const notInBranch: Answer = { ok: false, error: { code: 'AUTH.NO_PROFILE', message: '请先在「我的」页面用邀请码加入支部' } }

    /** The check-in answers `checkIns` in turn; whoami says who they are; joinBranch answers `joined`. */
    function door(checkIns: Answer[], joined: WhoamiOutput, before: WhoamiOutput = guest) {
      let n = 0
      return stubCloud((_fn, event) => {
        if (event.action === 'whoami') return { ok: true, data: before }
        if (event.action === 'joinBranch') return { ok: true, data: joined }
        const answer = checkIns[Math.min(n, checkIns.length - 1)]
        n += 1
        return answer ?? notInBranch
      })
    }

    async function joinWith(container: HTMLElement, code: string) {
      await waitFor(() => expect(container.querySelector('.check-in-page .join-form')).not.toBeNull())
      await typeInto(container, '.join-form__name', '李秀英')
      await typeInto(container, '.join-form__code', code)
      click(container, '.join-form__submit')
    }

    it('joins on the page and checks in with the same code when it is still valid', async () => {
      const stub = door([notInBranch, { ok: true, data: result() }], whoamiAs('resident'))
      openWith({ scene: SCENE })
      const { container } = render(<CheckInPage />)
      await waitFor(() => expect(textOf(container, '.check-in-panel__title')).toBe('请先加入支部'))
      expect(textOf(container, '.check-in-panel__message')).toContain('加入后接着为你签到')
      await joinWith(container, 'demor1')
      await waitFor(() => expect(textOf(container, '.check-in-panel__title')).toBe('已加入支部，签到成功'))
      const checkIns = stub.calls.filter((c) => c.event.action === 'checkIn').map((c) => c.event)
      expect(checkIns).toEqual([
        { action: 'checkIn', lectureId: LECTURE, token: TOKEN },
        { action: 'checkIn', lectureId: LECTURE, token: TOKEN },
      ])
    })

    it('asks to scan the current code when the scanned one changed while joining, with the lecture a tap away', async () => {
      door([notInBranch, { ok: false, error: { code: 'CHECKIN.TOKEN_EXPIRED', message: '二维码已过期，请重新扫描大屏上的二维码' } }], whoamiAs('member'))
      openWith({ scene: SCENE })
      const { container } = render(<CheckInPage />)
      await joinWith(container, 'demor1')
      await waitFor(() => expect(textOf(container, '.check-in-panel__title')).toBe('已加入支部，请重新扫码签到'))
      expect(textOf(container, '.check-in-panel__message')).toContain('请扫描会场大屏上正在显示的二维码')
      click(container, '.check-in-page__to-lecture')
      expect(Taro.__navigations()).toEqual([{ kind: 'redirectTo', url: `/pages/lecture-detail/index?id=${LECTURE}` }])
    })

    it('says a 党员 request must be confirmed first, and what to do at the door', async () => {
      const stub = door([notInBranch], applicant())
      openWith({ scene: SCENE })
      const { container } = render(<CheckInPage />)
      await joinWith(container, 'demom1')
      await waitFor(() => expect(textOf(container, '.check-in-panel__title')).toBe('等待书记确认后才能签到'))
      expect(textOf(container, '.check-in-panel__message')).toContain('请他在“我的 → 党员身份确认”里确认，然后重新扫描')
      expect(container.querySelector('.join-form')).toBeNull()
      // Nothing was sent again: the request does not put them in a branch.
      expect(stub.calls.filter((c) => c.event.action === 'checkIn')).toHaveLength(1)
    })

    it('tells someone already waiting for the secretary so, without a join form', async () => {
      door([notInBranch], guest, applicant())
      openWith({ scene: SCENE })
      const { container } = render(<CheckInPage />)
      await waitFor(() => expect(textOf(container, '.check-in-panel__title')).toBe('等待书记确认后才能签到'))
      expect(container.querySelector('.join-form')).toBeNull()
    })
  })

  it('sends nothing for a link without a valid scene', async () => {
    const stub = stubCloud(() => ({ ok: true, data: result() }))
    openWith({ scene: 'not-a-scene' })
    const { container } = render(<CheckInPage />)
    await waitFor(() => expect(textOf(container, '.check-in-panel__title')).toBe('没有读到签到码'))
    expect(stub.calls).toHaveLength(0)
  })
})
