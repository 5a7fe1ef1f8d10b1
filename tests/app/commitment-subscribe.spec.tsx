import { render, waitFor } from '@testing-library/react'
import { Current } from '@tarojs/runtime'
import MyCommitmentsPage from '@/packages/commitments/pages/my-plan/index'
import { click, stubCloud, textOf, type Answer } from '../support/app/cloud-stub'

interface SubscribeOptions {
  tmplIds: string[]
}

const Taro = jest.requireActual<{
  __subscribeRequests: () => SubscribeOptions[]
  __answerSubscribe: (fn: (options: SubscribeOptions) => unknown) => void
  __resetSubscribe: () => void
}>('@tarojs/taro')

const ASK = '.commitment-subscribe__ask'
const SAID = '.commitment-subscribe__answer'

function asPlatform(env: 'weapp' | 'h5', ids?: string) {
  process.env.TARO_ENV = env
  if (ids === undefined) delete process.env.TARO_APP_COMMITMENT_TEMPLATE_IDS
  else process.env.TARO_APP_COMMITMENT_TEMPLATE_IDS = ids
}

/** 我的承诺 with `mine` answered by `answer` (nothing saved for the month, unless said). */
function openMine(answer: () => Answer | Promise<Answer> = () => ({ ok: true, data: null })) {
  Current.router = { params: {}, path: '/packages/commitments/pages/my-plan/index' } as unknown as typeof Current.router
  stubCloud(() => answer())
  return render(<MyCommitmentsPage />).container
}

/** WeChat's answer: each template id with what the person chose. */
const answering = (choices: Record<string, string>) => () => ({ ...choices, errMsg: 'requestSubscribeMessage:ok' })

beforeEach(() => {
  asPlatform('weapp', 'tpl-commit, tpl-progress,tpl-result')
  Taro.__resetSubscribe()
})

afterEach(() => {
  asPlatform('h5')
  Current.router = null
})

describe('我的承诺: 每月提醒我', () => {
  it('asks for the three reminders from the tap, says they were agreed, and the page goes on as before', async () => {
    const container = openMine()
    await waitFor(() => expect(container.querySelector('.commitment-draft-form__item--0')).not.toBeNull())
    expect(textOf(container, ASK)).toBe('每月提醒我')
    expect(textOf(container, '.commitment-subscribe .app-card__hint')).toContain('15 日提醒晒进度')
    click(container, ASK)
    // Made inside the tap, before anything is awaited: WeChat refuses the request otherwise.
    expect(Taro.__subscribeRequests()).toEqual([{ tmplIds: ['tpl-commit', 'tpl-progress', 'tpl-result'] }])
    await waitFor(() => expect(textOf(container, SAID)).toBe('好的，已同意填写承诺、晒进度、晒业绩提醒，到时微信会通知您。'))
    expect(container.querySelector(`${SAID}--agreed`)).not.toBeNull()
    expect(container.querySelector(ASK)).toBeNull()
    expect(container.querySelector('.commitment-draft-form__item--0')).not.toBeNull()
  })

  it('says which were agreed and which not, and lets the member ask again', async () => {
    Taro.__answerSubscribe(answering({ 'tpl-commit': 'accept', 'tpl-progress': 'reject', 'tpl-result': 'acceptWithAudio' }))
    const container = openMine()
    await waitFor(() => expect(container.querySelector(ASK)).not.toBeNull())
    click(container, ASK)
    await waitFor(() => expect(textOf(container, SAID)).toBe('已同意填写承诺、晒业绩提醒；没有同意晒进度提醒。'))
    expect(textOf(container, ASK)).toBe('再试一次：每月提醒我')

    Taro.__answerSubscribe(answering({ 'tpl-commit': 'accept', 'tpl-progress': 'accept', 'tpl-result': 'accept' }))
    click(container, ASK)
    await waitFor(() => expect(textOf(container, SAID)).toBe('好的，已同意填写承诺、晒进度、晒业绩提醒，到时微信会通知您。'))
    expect(Taro.__subscribeRequests()).toHaveLength(2)
  })

  it('says so when the member declines every reminder, or has switched subscribe messages off, or the request fails', async () => {
    Taro.__answerSubscribe(answering({ 'tpl-commit': 'reject', 'tpl-progress': 'reject', 'tpl-result': 'reject' }))
    const declined = openMine()
    await waitFor(() => expect(declined.querySelector(ASK)).not.toBeNull())
    click(declined, ASK)
    await waitFor(() => expect(textOf(declined, SAID)).toBe('您没有同意，不会收到微信提醒。需要时可以再点一次。'))
    expect(declined.querySelector(`${SAID}--agreed`)).toBeNull()
    expect(textOf(declined, ASK)).toBe('再试一次：每月提醒我')
    declined.remove()

    Taro.__answerSubscribe(() => Promise.reject({ errCode: 20004, errMsg: 'requestSubscribeMessage:fail main switch is off' }))
    const off = openMine()
    await waitFor(() => expect(off.querySelector(ASK)).not.toBeNull())
    click(off, ASK)
    await waitFor(() => expect(textOf(off, SAID)).toBe('您关闭了本小程序的订阅消息，请在右上角“···”→ 设置 → 订阅消息中打开后再试。'))
    off.remove()

    for (const failure of [() => Promise.reject({ errCode: 10002, errMsg: 'requestSubscribeMessage:fail network error' }), answering({ 'tpl-commit': 'ban' })]) {
      Taro.__answerSubscribe(failure)
      const failed = openMine()
      await waitFor(() => expect(failed.querySelector(ASK)).not.toBeNull())
      click(failed, ASK)
      await waitFor(() => expect(textOf(failed, SAID)).toBe('没能打开提醒设置，请稍后再试。'))
      expect(failed.querySelector(ASK)).not.toBeNull()
      failed.remove()
    }
  })

  it('asks once however often the button is tapped while WeChat’s dialog is open', async () => {
    let answer: (value: unknown) => void = () => undefined
    Taro.__answerSubscribe(() => new Promise((resolve) => (answer = resolve)))
    const container = openMine()
    await waitFor(() => expect(container.querySelector(ASK)).not.toBeNull())
    click(container, ASK)
    await waitFor(() => expect(textOf(container, ASK)).toBe('正在请求…'))
    click(container, ASK)
    click(container, ASK)
    expect(Taro.__subscribeRequests()).toHaveLength(1)
    answer({ 'tpl-commit': 'accept', 'tpl-progress': 'accept', 'tpl-result': 'accept', errMsg: 'requestSubscribeMessage:ok' })
    await waitFor(() => expect(container.querySelector(`${SAID}--agreed`)).not.toBeNull())
  })

  it('asks only for the reminders configured, keeping their names', async () => {
    asPlatform('weapp', 'tpl-commit,,tpl-result')
    Taro.__answerSubscribe(answering({ 'tpl-commit': 'reject', 'tpl-result': 'accept' }))
    const container = openMine()
    await waitFor(() => expect(container.querySelector(ASK)).not.toBeNull())
    click(container, ASK)
    expect(Taro.__subscribeRequests()).toEqual([{ tmplIds: ['tpl-commit', 'tpl-result'] }])
    await waitFor(() => expect(textOf(container, SAID)).toBe('已同意晒业绩提醒；没有同意填写承诺提醒。'))
  })

  it('never waits on the page: offered while the month loads and when it fails to load', async () => {
    const loading = openMine(() => new Promise<Answer>(() => undefined))
    expect(loading.querySelector(ASK)).not.toBeNull()
    loading.remove()

    const failed = openMine(() => ({ ok: false, error: { code: 'COMMON.INTERNAL', message: '服务暂时不可用，请稍后再试' } }))
    await waitFor(() => expect(failed.querySelector('.error-state')).not.toBeNull())
    expect(failed.querySelector(ASK)).not.toBeNull()
  })

  it('offers nothing in the browser, nor in a build without the templates', async () => {
    asPlatform('h5', 'tpl-commit,tpl-progress,tpl-result')
    const browser = openMine()
    await waitFor(() => expect(browser.querySelector('.commitment-draft-form__item--0')).not.toBeNull())
    expect(browser.querySelector('.commitment-subscribe')).toBeNull()
    browser.remove()

    asPlatform('weapp')
    const bare = openMine()
    await waitFor(() => expect(bare.querySelector('.commitment-draft-form__item--0')).not.toBeNull())
    expect(bare.querySelector('.commitment-subscribe')).toBeNull()
  })
})
