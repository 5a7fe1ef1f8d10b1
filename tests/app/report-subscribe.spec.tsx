import { render, waitFor } from '@testing-library/react'
import { Current } from '@tarojs/runtime'
import type { LectureDetail, LectureView, RatingSummary } from '@contracts'
import LectureDetailPage from '@/pages/lecture-detail/index'
import { canSubscribeReport } from '@/features/ratings/platform/subscribe-report'
import type { Answer } from '../support/app/cloud-stub'
import { click, deferred, stubCloud, textOf } from '../support/app/cloud-stub'
import { LECTURE_ID, lectureUnderWay } from '../support/app/fixtures'

interface SubscribeOptions {
  tmplIds: string[]
}
const Taro = jest.requireActual<{
  __subscribeRequests: () => SubscribeOptions[]
  __answerSubscribe: (fn: (options: SubscribeOptions) => unknown) => void
  __resetSubscribe: () => void
}>('@tarojs/taro')

const LECTURE = LECTURE_ID
const TEMPLATE = 'tmpl-rating-report-0001'
const MIN = 60_000
const ASK = '.report-subscribe__ask'
const SAID = '.report-subscribe__said'

/** A published lecture that started 10 minutes ago (rating is open); `me` is the speaker unless told. */
function lecture(over: Partial<LectureView> = {}, me: Partial<LectureDetail['me']> = {}): LectureDetail {
  return lectureUnderWay(over, { canSeeAttendance: true, isSpeaker: true, ...me })
}

const tooFew: Answer = { ok: false, error: { code: 'RATING.TOO_FEW', message: '目前有 1 人评议，满 3 人后才显示结果——这样谁也无法从结果推断出某个人的评分' } }

function readySummary(): RatingSummary {
  const d = { average: 4, distribution: [0, 0, 0, 3, 0] as [number, number, number, number, number] }
  return {
    lectureId: LECTURE,
    lectureTitle: '学习贯彻党的二十届三中全会精神',
    startAt: new Date().toISOString(),
    count: 3,
    heldCount: 0,
    pendingChanges: 0,
    releaseAfter: 3,
    ratingClosed: false,
    ratingClosesAt: new Date(Date.now() + 7 * 24 * 60 * 60_000).toISOString(),
    attendees: 11,
    responseRate: 0.273,
    overallAverage: 4,
    dimensions: { attitude: d, content: d, form: d, effect: d },
    comments: [],
  }
}

/** Opens 党课详情 with the cloud answering `lecture.get` with `data` and `rating.summary` with `summary`. */
function renderDetail(data: LectureDetail, summary: Answer = tooFew) {
  const cloud = stubCloud((fn, event) => (fn === 'rating' && event.action === 'summary' ? summary : { ok: true, data }))
  Current.router = { params: { id: LECTURE }, path: '/pages/lecture-detail/index', onReady: '', onHide: '', onShow: '', shareAppMessage: '' } as unknown as typeof Current.router
  const { container } = render(<LectureDetailPage />)
  return { container, cloud }
}

/** The page has drawn the lecture (and whatever it asked for alongside has been answered). */
async function shown(container: HTMLElement, cloud: ReturnType<typeof stubCloud>, calls: string[]) {
  await waitFor(() => expect(container.querySelector('.lecture-detail__title')).not.toBeNull())
  await waitFor(() => expect(cloud.calls.map((c) => `${c.fn}.${String(c.event.action)}`)).toEqual(calls))
}

function asPlatform(env: 'weapp' | 'h5', templateId: string | undefined) {
  process.env.TARO_ENV = env
  if (templateId === undefined) delete process.env.TARO_APP_RATING_REPORT_TEMPLATE_ID
  else process.env.TARO_APP_RATING_REPORT_TEMPLATE_ID = templateId
}

beforeEach(() => {
  asPlatform('weapp', TEMPLATE)
  Taro.__resetSubscribe()
})

afterEach(() => {
  asPlatform('h5', undefined)
  Current.router = null
})

describe('canSubscribeReport', () => {
  it('is true only in the mini-program with a template id', () => {
    expect(canSubscribeReport()).toBe(true)
    asPlatform('weapp', '')
    expect(canSubscribeReport()).toBe(false)
    asPlatform('weapp', '   ')
    expect(canSubscribeReport()).toBe(false)
    asPlatform('weapp', undefined)
    expect(canSubscribeReport()).toBe(false)
    asPlatform('h5', TEMPLATE)
    expect(canSubscribeReport()).toBe(false)
  })
})

describe('党课详情: 评议满 3 人时通知我', () => {
  it('offers the speaker the button while the report is not ready, and asks nothing until tapped', async () => {
    const { container } = renderDetail(lecture())
    await waitFor(() => expect(textOf(container, ASK)).toBe('评议满 3 人时通知我'))
    expect(textOf(container, '.report-subscribe .app-card__title')).toBe('评议结果通知')
    expect(container.querySelector(SAID)).toBeNull()
    expect(Taro.__subscribeRequests()).toEqual([])
  })

  it('asks WeChat for the template from the tap itself, then says the speaker will be told', async () => {
    const { container } = renderDetail(lecture())
    await waitFor(() => expect(container.querySelector(ASK)).not.toBeNull())
    click(container, ASK)
    // Made inside the tap, before anything is awaited: WeChat refuses the request otherwise.
    expect(Taro.__subscribeRequests()).toEqual([{ tmplIds: [TEMPLATE] }])
    await waitFor(() => expect(textOf(container, SAID)).toBe('好的，评议满 3 人时会通过微信通知你'))
    expect(container.querySelector(`${SAID}--accepted`)).not.toBeNull()
    expect(container.querySelector(ASK)).toBeNull()
  })

  it('says the speaker did not allow it and keeps the button, so they can change their mind', async () => {
    Taro.__answerSubscribe((o) => ({ [o.tmplIds[0] ?? '']: 'reject', errMsg: 'requestSubscribeMessage:ok' }))
    const { container } = renderDetail(lecture())
    await waitFor(() => expect(container.querySelector(ASK)).not.toBeNull())
    click(container, ASK)
    await waitFor(() => expect(textOf(container, SAID)).toBe('你没有允许通知，可以随时在这里查看评议结果'))
    expect(textOf(container, ASK)).toBe('评议满 3 人时通知我')
  })

  it('counts subscribe messages switched off in WeChat’s settings (errCode 20004) as not allowed', async () => {
    Taro.__answerSubscribe(() => Promise.reject({ errCode: 20004, errMsg: 'requestSubscribeMessage:fail main switch is off' }))
    const { container } = renderDetail(lecture())
    await waitFor(() => expect(container.querySelector(ASK)).not.toBeNull())
    click(container, ASK)
    await waitFor(() => expect(textOf(container, SAID)).toBe('你没有允许通知，可以随时在这里查看评议结果'))
  })

  it('on a failure says so and lets the speaker try again', async () => {
    Taro.__answerSubscribe(() => Promise.reject({ errCode: 10002, errMsg: 'requestSubscribeMessage:fail network error' }))
    const { container } = renderDetail(lecture())
    await waitFor(() => expect(container.querySelector(ASK)).not.toBeNull())
    click(container, ASK)
    await waitFor(() => expect(textOf(container, SAID)).toBe('没能打开微信的通知设置，请再点一次试试'))
    expect(container.querySelector(`${SAID}--failed`)).not.toBeNull()

    Taro.__resetSubscribe()
    click(container, ASK)
    await waitFor(() => expect(textOf(container, SAID)).toBe('好的，评议满 3 人时会通过微信通知你'))
    expect(Taro.__subscribeRequests()).toEqual([{ tmplIds: [TEMPLATE] }])
  })

  it('treats a template WeChat will not use (ban) or no answer for it as a failure to retry', async () => {
    Taro.__answerSubscribe((o) => ({ [o.tmplIds[0] ?? '']: 'ban', errMsg: 'requestSubscribeMessage:ok' }))
    const banned = renderDetail(lecture()).container
    await waitFor(() => expect(banned.querySelector(ASK)).not.toBeNull())
    click(banned, ASK)
    await waitFor(() => expect(textOf(banned, SAID)).toBe('没能打开微信的通知设置，请再点一次试试'))

    Taro.__answerSubscribe(() => ({ errMsg: 'requestSubscribeMessage:ok' }))
    const silent = renderDetail(lecture()).container
    await waitFor(() => expect(silent.querySelector(ASK)).not.toBeNull())
    click(silent, ASK)
    await waitFor(() => expect(textOf(silent, SAID)).toBe('没能打开微信的通知设置，请再点一次试试'))
  })

  it('asks once however often the button is tapped while WeChat’s dialog is open', async () => {
    const answer = deferred<unknown>()
    Taro.__answerSubscribe(() => answer.promise)
    const { container } = renderDetail(lecture())
    await waitFor(() => expect(container.querySelector(ASK)).not.toBeNull())
    click(container, ASK)
    await waitFor(() => expect(textOf(container, ASK)).toBe('正在请求…'))
    click(container, ASK)
    click(container, ASK)
    expect(Taro.__subscribeRequests()).toHaveLength(1)
    answer.resolve({ [TEMPLATE]: 'accept', errMsg: 'requestSubscribeMessage:ok' })
    await waitFor(() => expect(textOf(container, SAID)).toBe('好的，评议满 3 人时会通过微信通知你'))
  })

  it('offers nothing once the report is ready (the message has had its moment)', async () => {
    const { container, cloud } = renderDetail(lecture(), { ok: true, data: readySummary() })
    await shown(container, cloud, ['lecture.get', 'rating.summary'])
    expect(container.querySelector(ASK)).toBeNull()
    expect(textOf(container, '.lecture-detail__to-report')).toBe('评议结果')
  })

  it('offers nothing, and asks nothing, after the rating window, for a draft or a cancelled lecture', async () => {
    const past = Date.now() - 9 * 24 * 60 * MIN
    for (const l of [
      lecture({ startAt: new Date(past).toISOString(), endAt: new Date(past + 60 * MIN).toISOString() }),
      lecture({ status: 'draft' }),
      lecture({ status: 'cancelled', cancelReason: '场地临时有变' }),
    ]) {
      const { container, cloud } = renderDetail(l)
      await shown(container, cloud, ['lecture.get'])
      expect(container.querySelector(ASK)).toBeNull()
    }
  })

  it('is not shown in the browser build, which cannot ask WeChat, and asks the server nothing', async () => {
    asPlatform('h5', TEMPLATE)
    const { container, cloud } = renderDetail(lecture())
    await shown(container, cloud, ['lecture.get'])
    expect(textOf(container, '.lecture-detail__to-report')).toBe('评议结果')
    expect(container.querySelector(ASK)).toBeNull()
    expect(container.querySelector('.report-subscribe')).toBeNull()
  })

  it('is not shown when no template id was built in', async () => {
    for (const id of [undefined, '']) {
      asPlatform('weapp', id)
      const { container, cloud } = renderDetail(lecture())
      await shown(container, cloud, ['lecture.get'])
      expect(container.querySelector(ASK)).toBeNull()
    }
  })

  it('is never shown to anyone but the speaker: the secretary, someone who was there, someone who was not', async () => {
    for (const me of [
      { isSpeaker: false, canManage: true, canSeeAttendance: true },
      { isSpeaker: false, canSeeAttendance: false, checkedIn: true, checkedInAt: new Date().toISOString() },
      { isSpeaker: false, canSeeAttendance: false },
    ]) {
      const { container, cloud } = renderDetail(lecture({}, me))
      await shown(container, cloud, ['lecture.get'])
      expect(container.querySelector(ASK)).toBeNull()
    }
    expect(Taro.__subscribeRequests()).toEqual([])
  })
})
