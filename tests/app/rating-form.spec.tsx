import { fireEvent, render, waitFor } from '@testing-library/react'
import { Current } from '@tarojs/runtime'
import type { LectureDetail, LectureView, MyRating } from '@contracts'
import { COMMENT_MAX, RATING_DIMENSIONS } from '@contracts/rules'
import LectureRatePage from '@/pages/lecture-rate/index'
import LectureDetailPage from '@/pages/lecture-detail/index'
import { checkRatingDraft, ratingErrorsFromServer } from '@/features/ratings/rules/rating-form.rules'
import type { Answer } from '../support/app/cloud-stub'
import { click, deferred, stubCloud, textOf } from '../support/app/cloud-stub'
import { LECTURE_ID, lectureUnderWay } from '../support/app/fixtures'

const LECTURE = LECTURE_ID
const MIN = 60_000

/** A published lecture that started 10 minutes ago (rating is open), attended by the caller (checked in 12 minutes ago). */
function lecture(over: Partial<LectureView> = {}, me: Partial<LectureDetail['me']> = {}): LectureDetail {
  return lectureUnderWay(over, { checkedIn: true, checkedInAt: new Date(Date.now() - 12 * MIN).toISOString(), ...me })
}

function myRating(over: Partial<MyRating> = {}): MyRating {
  return {
    lectureId: LECTURE,
    scores: { attitude: 5, content: 4, form: 3, effect: 4 },
    comment: '联系实际，讲得很透',
    commentStatus: 'pass',
    updatedAt: new Date().toISOString(),
    editableUntil: '2026-11-29T13:00:00.000Z',
    ...over,
  }
}

function openPage(path: string, params: Record<string, string>) {
  Current.router = { params, path, onReady: '', onHide: '', onShow: '', shareAppMessage: '' } as unknown as typeof Current.router
}

afterEach(() => {
  Current.router = null
})

/** The n-th star of a row: NutUI's Rate draws one `.nut-rate-item` per star, in order. */
const star = (d: string, n: number) => `.rating-row--${d} .nut-rate-item:nth-child(${n})`

/** How many stars of a row are filled: NutUI marks the others `.nut-rate-item-icon-disabled`. */
const filled = (container: HTMLElement, d: string) =>
  container.querySelectorAll(`.rating-row--${d} .nut-rate-item-icon:not(.nut-rate-item-icon-disabled)`).length

/** The score a row shows: its filled stars, and the number its value text starts with. */
function scoreOf(container: HTMLElement, d: string): { stars: number; text: string | null } {
  return { stars: filled(container, d), text: textOf(container, `.rating-row--${d} .rating-row__value`) }
}

function submitButton(container: HTMLElement): Element {
  const el = container.querySelector('.rating-form__submit')
  if (!el) throw new Error('no submit button')
  return el
}

const isDisabled = (el: Element) => el.getAttribute('disabled') === 'true' || el.getAttribute('disabled') === ''

/** Type into the comment (H5: a real <textarea> inside Taro's `taro-textarea-core`). */
async function typeComment(container: HTMLElement, value: string): Promise<void> {
  const area = await waitFor(() => {
    const el = container.querySelector<HTMLTextAreaElement>('.rating-form__comment textarea')
    if (!el) throw new Error('no textarea yet')
    return el
  })
  area.value = value
  fireEvent.input(area)
}

function commentValue(container: HTMLElement): string | undefined {
  return container.querySelector<HTMLTextAreaElement>('.rating-form__comment textarea')?.value
}

describe('rating form rules', () => {
  it('names every dimension still without a score', () => {
    expect(checkRatingDraft({ scores: { attitude: 4, form: 2 }, comment: '' })).toEqual({
      ok: false,
      errors: { content: '请点星打分（1 到 5 颗星）', effect: '请点星打分（1 到 5 颗星）' },
    })
  })

  it('sends the comment trimmed and maps the server’s field paths onto the form', () => {
    expect(checkRatingDraft({ scores: { attitude: 4, content: 5, form: 3, effect: 4 }, comment: '  好  ' })).toEqual({
      ok: true,
      value: { scores: { attitude: 4, content: 5, form: 3, effect: 4 }, comment: '好' },
    })
    expect(ratingErrorsFromServer({ 'scores.form': '请打 1 到 5 分', comment: '请修改评语后再提交', other: 'x' })).toEqual({
      form: '请打 1 到 5 分',
      comment: '请修改评语后再提交',
    })
  })
})

describe('党课评议 page', () => {
  it('keeps submit disabled until all four dimensions are scored, and says how many are left', async () => {
    const stub = stubCloud((_fn, event) => (event.action === 'get' ? { ok: true, data: lecture() } : { ok: true, data: null }))
    openPage('/pages/lecture-rate/index', { id: LECTURE })
    const { container } = render(<LectureRatePage />)
    await waitFor(() => expect(container.querySelectorAll('.rating-row')).toHaveLength(4))
    expect([...container.querySelectorAll('.rating-row__label')].map((e) => e.textContent)).toEqual(['授课态度', '授课内容', '授课形式', '授课效果'])
    expect(stub.actions().sort()).toEqual(['get', 'mine'])

    expect(isDisabled(submitButton(container))).toBe(true)
    expect(textOf(container, '.rating-form__left')).toBe('还有 4 项没有打分，打完分才能提交。')
    click(container, star('attitude', 4))
    click(container, star('content', 5))
    click(container, star('form', 3))
    expect(isDisabled(submitButton(container))).toBe(true)
    expect(textOf(container, '.rating-form__left')).toBe('还有 1 项没有打分，打完分才能提交。')
    // The 4th star gives 4 分: four stars filled and the words spelled out; the unscored row has none.
    expect(scoreOf(container, 'attitude')).toEqual({ stars: 4, text: '4 分 · 满意' })
    expect(scoreOf(container, 'effect')).toEqual({ stars: 0, text: '请点星打分' })
    expect(container.querySelector('.rating-row--attitude [role="group"]')?.getAttribute('aria-label')).toBe('授课态度')

    click(container, star('effect', 2))
    expect(isDisabled(submitButton(container))).toBe(false)
    expect(container.querySelector('.rating-form__left')).toBeNull()
    // Nothing was sent while filling in.
    expect(stub.calls).toHaveLength(2)
  })

  it('keeps every score and the comment after a refused comment, shows the server’s words beside it, then saves the fix', async () => {
    let reject = true
    const stub = stubCloud((_fn, event) => {
      if (event.action === 'get') return { ok: true, data: lecture() }
      if (event.action === 'mine') return { ok: true, data: null }
      if (reject) {
        return {
          ok: false,
          error: { code: 'RATING.COMMENT_REJECTED', message: '评语中含有不适宜公开的内容，请修改后再提交', fields: { comment: '请修改评语后再提交' } },
        }
      }
      return { ok: true, data: myRating({ scores: event.scores as MyRating['scores'], comment: String(event.comment) }) }
    })
    openPage('/pages/lecture-rate/index', { id: LECTURE })
    const { container } = render(<LectureRatePage />)
    await waitFor(() => expect(container.querySelectorAll('.rating-row')).toHaveLength(4))
    click(container, star('attitude', 5))
    click(container, star('content', 4))
    click(container, star('form', 4))
    click(container, star('effect', 3))
    await typeComment(container, 'local-risky 的评语')
    expect(textOf(container, '.rating-form__counter')).toBe(`15/${COMMENT_MAX}`)

    click(container, '.rating-form__submit')
    await waitFor(() => expect(textOf(container, '.rating-form__comment-error')).toBe('评语中含有不适宜公开的内容，请修改后再提交'))
    expect(stub.calls.find((c) => c.event.action === 'submit')?.event).toEqual({
      action: 'submit',
      lectureId: LECTURE,
      scores: { attitude: 5, content: 4, form: 4, effect: 3 },
      comment: 'local-risky 的评语',
    })
    expect(container.querySelector('.rating-form__comment--invalid')).not.toBeNull()
    expect(container.textContent).not.toContain('评议已提交')
    // Everything entered is still there.
    expect(commentValue(container)).toBe('local-risky 的评语')
    for (const [d, n] of [['attitude', 5], ['content', 4], ['form', 4], ['effect', 3]] as const) {
      expect(filled(container, d)).toBe(n)
    }
    expect(isDisabled(submitButton(container))).toBe(false)

    reject = false
    await typeComment(container, '讲得很实在')
    click(container, '.rating-form__submit')
    await waitFor(() => expect(textOf(container, '.check-in-panel__title')).toBe('评议已提交'))
    expect(stub.calls.filter((c) => c.event.action === 'submit').at(-1)?.event.comment).toBe('讲得很实在')
    expect(textOf(container, '.lecture-rate__back')).toBe('返回')
  })

  it('on a network failure says nothing was saved and keeps the form as it was', async () => {
    const stub = stubCloud((_fn, event) => {
      if (event.action === 'submit') throw new TypeError('Failed to fetch')
      return event.action === 'get' ? { ok: true, data: lecture() } : { ok: true, data: null }
    })
    openPage('/pages/lecture-rate/index', { id: LECTURE })
    const { container } = render(<LectureRatePage />)
    await waitFor(() => expect(container.querySelectorAll('.rating-row')).toHaveLength(4))
    for (const d of RATING_DIMENSIONS) click(container, star(d, 4))
    await typeComment(container, '很好')
    click(container, '.rating-form__submit')
    await waitFor(() => expect(textOf(container, '.rating-form__error .error-note__text')).toBe('网络不太好，没有提交成功，请稍后重试'))
    expect(stub.calls.filter((c) => c.event.action === 'submit')).toHaveLength(1)
    expect(commentValue(container)).toBe('很好')
    for (const d of RATING_DIMENSIONS) expect(scoreOf(container, d)).toEqual({ stars: 4, text: '4 分 · 满意' })
    expect(container.querySelector('.rating-form__comment-error')).toBeNull()
  })

  it('shows 正在提交… and sends once however often submit is tapped', async () => {
    const answer = deferred<Answer>()
    const stub = stubCloud((_fn, event) => {
      if (event.action === 'submit') return answer.promise
      return event.action === 'get' ? { ok: true, data: lecture() } : { ok: true, data: null }
    })
    openPage('/pages/lecture-rate/index', { id: LECTURE })
    const { container } = render(<LectureRatePage />)
    await waitFor(() => expect(container.querySelectorAll('.rating-row')).toHaveLength(4))
    for (const d of RATING_DIMENSIONS) click(container, star(d, 5))
    click(container, '.rating-form__submit')
    click(container, '.rating-form__submit')
    await waitFor(() => expect(textOf(container, '.rating-form__submit')).toBe('正在提交…'))
    answer.resolve({ ok: true, data: myRating() })
    await waitFor(() => expect(textOf(container, '.check-in-panel__title')).toBe('评议已提交'))
    expect(stub.calls.filter((c) => c.event.action === 'submit')).toHaveLength(1)
  })

  it('loads one’s earlier rating to revise it', async () => {
    stubCloud((_fn, event) => (event.action === 'get' ? { ok: true, data: lecture({}, { rated: true }) } : { ok: true, data: myRating() }))
    openPage('/pages/lecture-rate/index', { id: LECTURE })
    const { container } = render(<LectureRatePage />)
    await waitFor(() => expect(textOf(container, '.rating-form__submit')).toBe('提交修改'))
    expect(container.querySelector('.lecture-rate--editing')).not.toBeNull()
    expect(scoreOf(container, 'attitude')).toEqual({ stars: 5, text: '5 分 · 很满意' })
    expect(scoreOf(container, 'form')).toEqual({ stars: 3, text: '3 分 · 一般' })
    await waitFor(() => expect(commentValue(container)).toBe('联系实际，讲得很透'))
    expect(isDisabled(submitButton(container))).toBe(false)
  })

  it('tells someone who was not there why they cannot rate, and sends nothing', async () => {
    const stub = stubCloud((_fn, event) => (event.action === 'get' ? { ok: true, data: lecture({}, { checkedIn: false, checkedInAt: null }) } : { ok: true, data: null }))
    openPage('/pages/lecture-rate/index', { id: LECTURE })
    const { container } = render(<LectureRatePage />)
    await waitFor(() => expect(textOf(container, '.empty-state__title')).toBe('只有到场签到的人才能评议'))
    expect(container.querySelector('.rating-form')).toBeNull()
    expect(stub.actions()).not.toContain('submit')
  })

  it('tells the speaker they do not rate their own lecture, and shows no form', async () => {
    const stub = stubCloud((_fn, event) => (event.action === 'get' ? { ok: true, data: lecture({}, { isSpeaker: true, canSeeAttendance: true }) } : { ok: true, data: null }))
    openPage('/pages/lecture-rate/index', { id: LECTURE })
    const { container } = render(<LectureRatePage />)
    await waitFor(() => expect(textOf(container, '.empty-state__title')).toBe('主讲人不为自己的党课评议'))
    expect(container.querySelector('.rating-form')).toBeNull()
    expect(stub.actions()).not.toContain('submit')
  })

  it('says rating opens at the start of a lecture that has not begun', async () => {
    const start = Date.now() + 20 * MIN
    stubCloud((_fn, event) =>
      event.action === 'get'
        ? { ok: true, data: lecture({ startAt: new Date(start).toISOString(), endAt: new Date(start + 60 * MIN).toISOString() }) }
        : { ok: true, data: null },
    )
    openPage('/pages/lecture-rate/index', { id: LECTURE })
    const { container } = render(<LectureRatePage />)
    await waitFor(() => expect(textOf(container, '.empty-state__title')).toBe('党课开始后才能评议'))
  })
})

describe('党课详情: the way to rate and to the report', () => {
  function renderDetail(data: LectureDetail) {
    stubCloud(() => ({ ok: true, data }))
    openPage('/pages/lecture-detail/index', { id: LECTURE })
    return render(<LectureDetailPage />).container
  }

  it('offers 去评议 to someone who was there once the lecture has started', async () => {
    const container = renderDetail(lecture())
    await waitFor(() => expect(textOf(container, '.lecture-detail__rate')).toBe('去评议'))
    expect(container.querySelector('.lecture-detail__to-report')).toBeNull()
  })

  it('says 已评议（可修改） after rating', async () => {
    const container = renderDetail(lecture({}, { rated: true }))
    await waitFor(() => expect(textOf(container, '.lecture-detail__rate')).toBe('已评议（可修改）'))
    expect(container.querySelector('.lecture-detail__rate--done')).not.toBeNull()
  })

  it('offers nothing to rate to someone who did not check in, nor before the start or after the window', async () => {
    const absent = renderDetail(lecture({}, { checkedIn: false, checkedInAt: null }))
    await waitFor(() => expect(absent.querySelector('.lecture-detail__title')).not.toBeNull())
    expect(absent.querySelector('.lecture-detail__rate')).toBeNull()

    const later = Date.now() + 20 * MIN
    const early = renderDetail(lecture({ startAt: new Date(later).toISOString(), endAt: new Date(later + 60 * MIN).toISOString() }))
    await waitFor(() => expect(textOf(early, '.lecture-detail__rate-note')).toBe('党课开始后，可以在这里为党课评议。'))
    expect(early.querySelector('.lecture-detail__rate')).toBeNull()

    const past = Date.now() - 9 * 24 * 60 * MIN
    const closed = renderDetail(lecture({ startAt: new Date(past).toISOString(), endAt: new Date(past + 60 * MIN).toISOString() }, { rated: true }))
    await waitFor(() => expect(textOf(closed, '.lecture-detail__rate-note')).toMatch(/^你已评议，评议已于 .+ 截止。$/))
    expect(closed.querySelector('.lecture-detail__rate')).toBeNull()
  })

  it('offers the speaker, who sat in the room, the report instead of 去评议', async () => {
    const container = renderDetail(lecture({}, { isSpeaker: true, canSeeAttendance: true }))
    await waitFor(() => expect(textOf(container, '.lecture-detail__rate-note--speaker')).toBe('你是这场党课的主讲人，不为自己评议；满 3 人评议后可以在「评议结果」查看。'))
    expect(container.querySelector('.lecture-detail__rate')).toBeNull()
    expect(textOf(container, '.lecture-detail__to-report')).toBe('评议结果')
  })

  it('gives the secretary and the speaker 评议结果', async () => {
    const container = renderDetail(lecture({}, { checkedIn: false, checkedInAt: null, canSeeAttendance: true }))
    await waitFor(() => expect(textOf(container, '.lecture-detail__to-report')).toBe('评议结果'))
  })
})
