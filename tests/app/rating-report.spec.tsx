import { act, render, waitFor } from '@testing-library/react'
import { Current } from '@tarojs/runtime'
import type { LectureDetail, LecturerReport, RatingProgress, RatingSummary } from '@contracts'
import LectureReportPage from '@/pages/lecture-report/index'
import LecturerReportPage from '@/packages/reports/pages/lecturer-report/index'
import type { Answer } from '../support/app/cloud-stub'
import { click, stubCloud, textOf } from '../support/app/cloud-stub'
import { LECTURE_ID, lectureUnderWay } from '../support/app/fixtures'

const Taro = jest.requireActual<{ __fire: (name: string) => Promise<unknown> | unknown }>('@tarojs/taro')

const LECTURE = LECTURE_ID

/** The published lecture of 22 November, 19:30–21:00 Beijing, with 6 check-ins, seen by its branch's secretary. */
function lecture(me: Partial<LectureDetail['me']> = {}): LectureDetail {
  return lectureUnderWay(
    {
      startAt: '2026-11-22T11:30:00.000Z',
      endAt: '2026-11-22T13:00:00.000Z',
      checkinOpensAt: '2026-11-22T11:00:00.000Z',
      checkinClosesAt: '2026-11-22T13:00:00.000Z',
      checkinCount: 6,
    },
    { canManage: true, canSeeAttendance: true, ...me },
  )
}

/** Four ratings: attitude 5,5,4,4 · content 5,4,4,3 · form 3,3,3,3 · effect 5,4,4,2. */
function summary(over: Partial<RatingSummary> = {}): RatingSummary {
  return {
    lectureId: LECTURE,
    lectureTitle: '学习贯彻党的二十届三中全会精神',
    startAt: '2026-11-22T11:30:00.000Z',
    count: 4,
    heldCount: 0,
    pendingChanges: 0,
    releaseAfter: 2,
    ratingClosed: false,
    ratingClosesAt: '2026-11-29T13:00:00.000Z',
    attendees: 6,
    responseRate: 0.667,
    overallAverage: 3.88,
    dimensions: {
      attitude: { average: 4.5, distribution: [0, 0, 0, 2, 2] },
      content: { average: 4, distribution: [0, 0, 1, 2, 1] },
      form: { average: 3, distribution: [0, 0, 4, 0, 0] },
      effect: { average: 3.75, distribution: [0, 1, 0, 2, 1] },
    },
    comments: ['希望多讲身边的例子', '联系实际，讲得很透'],
    notRated: [{ name: '王建国' }, { name: '赵桂兰' }],
    ...over,
  }
}

function progress(over: Partial<RatingProgress> = {}): RatingProgress {
  return { rated: 2, attendees: 6, notRated: [{ name: '王建国' }, { name: '赵桂兰' }, { name: '孙丽' }, { name: '周敏' }], threshold: 3, ...over }
}

const TOO_FEW: Answer = { ok: false, error: { code: 'RATING.TOO_FEW', message: '目前有 2 人评议，满 3 人后才显示结果——这样谁也无法从结果推断出某个人的评分' } }

function server(answerSummary: () => Answer, me: Partial<LectureDetail['me']> = {}, answerProgress: () => Answer = () => ({ ok: true, data: progress() })) {
  return stubCloud((fn, event) => {
    if (fn === 'lecture' && event.action === 'get') return { ok: true, data: lecture(me) }
    if (fn === 'rating' && event.action === 'summary') return answerSummary()
    if (fn === 'rating' && event.action === 'progress') return answerProgress()
    throw new Error(`unexpected ${fn}.${String(event.action)}`)
  })
}

function openPage(path: string, params: Record<string, string>) {
  Current.router = { params, path, onReady: '', onHide: '', onShow: '', shareAppMessage: '' } as unknown as typeof Current.router
}

afterEach(() => {
  Current.router = null
})

/** A bar's fill width in percent (drawn as `width: <n>%`). */
function fillPercent(bar: Element | null | undefined): number {
  const width = (bar?.querySelector('.score-bars__fill') as HTMLElement | null)?.style.width ?? ''
  expect(width).toMatch(/%$/)
  return parseFloat(width)
}

/** The bars of one dimension, highest score first: [label, fill width %, value text]. */
function bars(container: HTMLElement, dimension: string): Array<[string, number, string]> {
  return [...container.querySelectorAll(`.rating-report__dimension--${dimension} .score-bars__bar`)].map((bar) => [
    bar.querySelector('.score-bars__label')?.textContent ?? '',
    fillPercent(bar),
    bar.querySelector('.score-bars__value')?.textContent ?? '',
  ])
}

describe('评议结果 page', () => {
  it('shows the averages, each distribution as bars, the response rate, the comments and who has not rated (secretary)', async () => {
    const stub = server(() => ({ ok: true, data: summary() }))
    openPage('/pages/lecture-report/index', { id: LECTURE })
    const { container } = render(<LectureReportPage />)
    await waitFor(() => expect(textOf(container, '.rating-report__overall-value')).toBe('3.88'))
    expect(stub.calls.map((c) => `${c.fn}.${String(c.event.action)}`).sort()).toEqual(['lecture.get', 'rating.summary'])

    expect(textOf(container, '.rating-report__count .rating-report__stat-value')).toBe('4 人')
    expect(textOf(container, '.rating-report__response .rating-report__stat-value')).toBe('4 / 6 人，67%')
    // 已签到 on the lecture page counts a speaker who sat in the room; this says why it can be one more.
    expect(textOf(container, '.rating-report__response .rating-report__response-note')).toBe('（到场者，不含主讲人）')
    const averages = [...container.querySelectorAll('.rating-report__dimension')].map((d) => [
      d.querySelector('.rating-report__dimension-label')?.textContent,
      d.querySelector('.rating-report__average')?.textContent,
    ])
    expect(averages).toEqual([
      ['授课态度', '4.50 分'],
      ['授课内容', '4.00 分'],
      ['授课形式', '3.00 分'],
      ['授课效果', '3.75 分'],
    ])
    expect(bars(container, 'attitude')).toEqual([
      ['5 分', 50, '2 人'],
      ['4 分', 50, '2 人'],
      ['3 分', 0, '0 人'],
      ['2 分', 0, '0 人'],
      ['1 分', 0, '0 人'],
    ])
    expect(bars(container, 'form')[2]).toEqual(['3 分', 100, '4 人'])
    expect(bars(container, 'effect').map((b) => b[1])).toEqual([25, 50, 0, 25, 0])
    expect(container.querySelectorAll('.rating-report__dimension--effect .score-bars__bar--zero')).toHaveLength(2)

    expect([...container.querySelectorAll('.rating-report__comment-text')].map((c) => c.textContent)).toEqual(['希望多讲身边的例子', '联系实际，讲得很透'])
    expect([...container.querySelectorAll('.rating-report__not-rated-name')].map((c) => c.textContent)).toEqual(['王建国', '赵桂兰'])
    // When rating closes: 7 days after 21:00 Beijing on 22 November.
    expect(textOf(container, '.rating-report__not-rated-hint')).toContain('11月29日 21:00 前评议')
    expect(textOf(container, '.lecture-report__to-trend')).toBe('刘老师主讲的历次党课评议')
    expect(container.querySelector('.rating-report__held')).toBeNull()
  })

  it.each<[string, boolean, number, number | null, string]>([
    ['open, others may still rate', false, 10, 1, '另有 2 份新评议，再有 1 份就一起计入结果'],
    ['open, everyone present has rated', false, 6, null, '另有 2 份新评议暂不计入：到场的人都已评议'],
    ['closed', true, 10, null, '另有 2 份评议不足 3 份，评议已截止，暂不计入结果'],
  ])('says how many new ratings wait and what happens to them (%s)', async (_label, ratingClosed, attendees, releaseAfter, text) => {
    server(() => ({ ok: true, data: summary({ heldCount: 2, ratingClosed, attendees, releaseAfter }) }))
    openPage('/pages/lecture-report/index', { id: LECTURE })
    const { container } = render(<LectureReportPage />)
    await waitFor(() => expect(textOf(container, '.rating-report__held')).toContain(text))
    expect(textOf(container, '.rating-report__count .rating-report__stat-value')).toBe('4 人')
  })

  it('after a rater is removed, keeps figures that add up and says when the removal will show', async () => {
    // 3 counted of 4 present as released; the removed 代签 is still among them until the next release.
    server(() => ({ ok: true, data: summary({ count: 3, attendees: 4, responseRate: 0.75, pendingChanges: 1, releaseAfter: null, notRated: [{ name: '王建国' }] }) }))
    openPage('/pages/lecture-report/index', { id: LECTURE })
    const { container } = render(<LectureReportPage />)
    await waitFor(() => expect(textOf(container, '.rating-report__pending')).toBe('有 1 项到场更正涉及已计入的评议，将在评议截止（11月29日 21:00，北京时间）后显示——这样谁也无法从前后变化推断某个人的评分。'))
    expect(textOf(container, '.rating-report__response .rating-report__stat-value')).toBe('3 / 4 人，75%')
    expect(textOf(container, '.rating-report__not-rated .app-card__title')).toBe('到场但还没评议（1 人）')
    expect(textOf(container, '.rating-report__tally')).toBe('到场 4 人（不含主讲人）：3 人的评议已计入，1 人还没评议。')
  })

  it('says the next ratings or the close will bring a removal in, whichever comes first', async () => {
    server(() => ({ ok: true, data: summary({ count: 4, heldCount: 1, attendees: 9, responseRate: 0.444, pendingChanges: 2, releaseAfter: 2, notRated: [{ name: '王建国' }, { name: '赵桂兰' }, { name: '孙丽' }, { name: '周敏' }] }) }))
    openPage('/pages/lecture-report/index', { id: LECTURE })
    const { container } = render(<LectureReportPage />)
    await waitFor(() => expect(textOf(container, '.rating-report__pending')).toBe('有 2 项到场更正涉及已计入的评议，将在再收到 2 份评议或评议截止（11月29日 21:00，北京时间）后显示。'))
    expect(textOf(container, '.rating-report__held')).toContain('另有 1 份新评议，再有 2 份就一起计入结果')
    expect(textOf(container, '.rating-report__tally')).toBe('到场 9 人（不含主讲人）：4 人的评议已计入，1 人的新评议待计入，4 人还没评议。')
  })

  it('lets the secretary publish a held comment, and asks before withholding one', async () => {
    const held = [
      { key: 'aaaaaaaaaaaaaaaa', text: '有问题请加微信' },
      { key: 'bbbbbbbbbbbbbbbb', text: '课后加我QQ' },
    ]
    let pending = held
    const stub = stubCloud((fn, event) => {
      if (fn === 'lecture' && event.action === 'get') return { ok: true, data: lecture() }
      if (fn === 'rating' && event.action === 'summary') return { ok: true, data: summary({ pendingComments: pending }) }
      if (fn === 'rating' && event.action === 'reviewComment') {
        pending = pending.filter((c) => c.key !== event.key)
        return { ok: true, data: { key: String(event.key), commentStatus: event.decision === 'pass' ? 'pass' : 'rejected' } }
      }
      throw new Error(`unexpected ${fn}.${String(event.action)}`)
    })
    openPage('/pages/lecture-report/index', { id: LECTURE })
    const { container } = render(<LectureReportPage />)
    await waitFor(() => expect(textOf(container, '.pending-comments .app-card__title')).toBe('待审核评语（2 条）'))
    expect([...container.querySelectorAll('.pending-comments__text')].map((t) => t.textContent)).toEqual(['有问题请加微信', '课后加我QQ'])

    click(container, '.pending-comments__item:nth-of-type(1) .pending-comments__pass')
    await waitFor(() => expect(textOf(container, '.pending-comments .app-card__title')).toBe('待审核评语（1 条）'))
    expect(stub.calls.find((c) => c.event.action === 'reviewComment')?.event).toEqual({ action: 'reviewComment', lectureId: LECTURE, key: 'aaaaaaaaaaaaaaaa', decision: 'pass' })

    // 不展示 first asks; nothing is sent until confirmed.
    click(container, '.pending-comments__reject')
    await waitFor(() => expect(document.body.querySelector('.confirm-dialog__confirm')).not.toBeNull())
    expect(stub.calls.filter((c) => c.event.action === 'reviewComment')).toHaveLength(1)
    click(document.body, '.confirm-dialog__confirm')
    await waitFor(() => expect(container.querySelector('.pending-comments')).toBeNull())
    expect(stub.calls.filter((c) => c.event.action === 'reviewComment').map((c) => c.event.decision)).toEqual(['pass', 'reject'])
  })

  it('shows the speaker no list of names, and offers their own history', async () => {
    server(() => ({ ok: true, data: summary({ notRated: undefined }) }), { canManage: false, canSeeAttendance: true, isSpeaker: true })
    openPage('/pages/lecture-report/index', { lectureId: LECTURE })
    const { container } = render(<LectureReportPage />)
    await waitFor(() => expect(textOf(container, '.rating-report__overall-value')).toBe('3.88'))
    expect(container.querySelector('.rating-report__not-rated')).toBeNull()
    expect(container.textContent).not.toContain('王建国')
    await waitFor(() => expect(textOf(container, '.lecture-report__to-trend')).toBe('我主讲的历次党课评议'))
  })

  it('explains that results appear from 3 ratings on, to keep raters anonymous (RATING.TOO_FEW)', async () => {
    const message = '目前有 2 人评议，满 3 人后才显示结果——这样谁也无法从结果推断出某个人的评分'
    server(() => ({ ok: false, error: { code: 'RATING.TOO_FEW', message } }))
    openPage('/pages/lecture-report/index', { id: LECTURE })
    const { container } = render(<LectureReportPage />)
    await waitFor(() => expect(container.querySelector('.lecture-report__too-few')).not.toBeNull())
    expect(textOf(container, '.lecture-report__too-few .empty-state__title')).toBe('满 3 人评议后显示结果，以保护评议人匿名')
    expect(textOf(container, '.lecture-report__too-few .empty-state__hint')).toBe(`${message}。人数够了以后，下拉或点“刷新”就能看到结果。`)
    expect(container.querySelector('.rating-report')).toBeNull()
    expect(container.querySelector('.score-bars')).toBeNull()
  })

  it('tells the secretary below 3 ratings how many have rated, how many more it takes, and who has not (names only)', async () => {
    const stub = server(() => TOO_FEW)
    openPage('/pages/lecture-report/index', { id: LECTURE })
    const { container } = render(<LectureReportPage />)
    await waitFor(() => expect(textOf(container, '.lecture-report__progress-count')).toBe('已有 2 人评议，还差 1 人出结果'))
    // The explanation stays; the list comes with it, asked once the summary was withheld.
    expect(container.querySelector('.lecture-report__too-few')).not.toBeNull()
    expect(stub.calls.map((c) => `${c.fn}.${String(c.event.action)}`).sort()).toEqual(['lecture.get', 'rating.progress', 'rating.summary'])
    expect(stub.calls.find((c) => c.event.action === 'progress')?.event).toEqual({ action: 'progress', lectureId: LECTURE })
    expect(textOf(container, '.lecture-report__progress-attendees')).toBe('到场 6 人（不含主讲人）。')
    expect(textOf(container, '.rating-report__not-rated .app-card__title')).toBe('到场但还没评议（4 人）')
    expect([...container.querySelectorAll('.rating-report__not-rated-name')].map((c) => c.textContent)).toEqual(['王建国', '赵桂兰', '孙丽', '周敏'])
    expect(textOf(container, '.rating-report__not-rated-hint')).toContain('11月29日 21:00 前评议')
    expect(container.querySelector('.rating-report')).toBeNull()
    expect(container.querySelector('.score-bars')).toBeNull()
  })

  it('says plainly when rating has closed with fewer than 3 counted, and asks nobody to wait or remind', async () => {
    const closedTooFew: Answer = { ok: false, error: { code: 'RATING.TOO_FEW_CLOSED', message: '评议已截止，计入结果的评议只有 2 份，不足 3 份，不显示结果——这样谁也无法从结果推断出某个人的评分' } }
    server(() => closedTooFew, {}, () => ({ ok: true, data: progress({ rated: 3, attendees: 4, notRated: [{ name: '王建国' }] }) }))
    openPage('/pages/lecture-report/index', { id: LECTURE })
    const { container } = render(<LectureReportPage />)
    await waitFor(() => expect(textOf(container, '.lecture-report__progress-count')).toBe('评议已截止，计入结果的评议不足 3 份，不显示结果'))
    expect(textOf(container, '.lecture-report__too-few .empty-state__title')).toBe('评议已截止，不足 3 份评议，不显示结果')
    expect(container.querySelector('.lecture-report__too-few')?.textContent).not.toContain('人数够了以后')
    expect(textOf(container, '.rating-report__not-rated-hint')).not.toContain('前评议')
  })

  it.each<[string, Partial<RatingProgress>, string, string]>([
    ['nobody has rated', { rated: 0 }, '已有 0 人评议，还差 3 人出结果', '到场 6 人（不含主讲人）。'],
    ['3 count but the newest wait for their batch', { rated: 3 }, '已有 3 人评议，新的评议满 3 份后一起出结果', '到场 6 人（不含主讲人）。'],
    ['fewer than 3 were there', { rated: 1, attendees: 2, notRated: [{ name: '王建国' }] }, '已有 1 人评议，还差 2 人出结果', '到场 2 人（不含主讲人），不足 3 人；补登到场的人后才可能出结果。'],
  ])('words the progress when %s', async (_label, over, count, attendees) => {
    server(() => TOO_FEW, {}, () => ({ ok: true, data: progress(over) }))
    openPage('/pages/lecture-report/index', { id: LECTURE })
    const { container } = render(<LectureReportPage />)
    await waitFor(() => expect(textOf(container, '.lecture-report__progress-count')).toBe(count))
    expect(textOf(container, '.lecture-report__progress-attendees')).toBe(attendees)
  })

  it('says when everyone there has rated, with nobody to remind', async () => {
    server(() => TOO_FEW, {}, () => ({ ok: true, data: progress({ rated: 2, attendees: 2, notRated: [] }) }))
    openPage('/pages/lecture-report/index', { id: LECTURE })
    const { container } = render(<LectureReportPage />)
    await waitFor(() => expect(textOf(container, '.rating-report__all-rated')).toBe('到场的人都已评议。'))
    expect(textOf(container, '.rating-report__not-rated-hint')).not.toContain('前评议')
  })

  it('shows the speaker below 3 ratings only the explanation, and does not ask who has not rated', async () => {
    const stub = server(() => TOO_FEW, { canManage: false, canSeeAttendance: true, isSpeaker: true })
    openPage('/pages/lecture-report/index', { lectureId: LECTURE })
    const { container } = render(<LectureReportPage />)
    await waitFor(() => expect(container.querySelector('.lecture-report__too-few')).not.toBeNull())
    await waitFor(() => expect(textOf(container, '.lecture-report__to-trend')).toBe('我主讲的历次党课评议'))
    expect(stub.calls.map((c) => `${c.fn}.${String(c.event.action)}`).sort()).toEqual(['lecture.get', 'rating.summary'])
    expect(container.querySelector('.lecture-report__progress')).toBeNull()
    expect(container.querySelector('.rating-report__not-rated')).toBeNull()
    expect(container.textContent).not.toContain('王建国')
  })

  it('keeps the explanation when the list could not be read', async () => {
    server(() => TOO_FEW, {}, () => ({ ok: false, error: { code: 'AUTH.FORBIDDEN', message: '只有本支部书记可以查看谁还没评议' } }))
    openPage('/pages/lecture-report/index', { id: LECTURE })
    const { container } = render(<LectureReportPage />)
    await waitFor(() => expect(textOf(container, '.lecture-report__progress-error')).toBe('没有读到谁还没评议：只有本支部书记可以查看谁还没评议'))
    expect(container.querySelector('.lecture-report__too-few')).not.toBeNull()
    expect(container.querySelector('.rating-report__not-rated')).toBeNull()
  })

  it('asks again who has not rated on 刷新, while it is still fewer than 3', async () => {
    let rated = 1
    const stub = server(() => TOO_FEW, {}, () => ({ ok: true, data: progress({ rated }) }))
    openPage('/pages/lecture-report/index', { id: LECTURE })
    const { container } = render(<LectureReportPage />)
    await waitFor(() => expect(textOf(container, '.lecture-report__progress-count')).toBe('已有 1 人评议，还差 2 人出结果'))
    rated = 2
    click(container, '.lecture-report__refresh')
    await waitFor(() => expect(textOf(container, '.lecture-report__progress-count')).toBe('已有 2 人评议，还差 1 人出结果'))
    expect(stub.calls.filter((c) => c.event.action === 'summary')).toHaveLength(2)
    expect(stub.calls.filter((c) => c.event.action === 'progress')).toHaveLength(2)
  })

  it('shows the results after a pull-down refresh once the third rating is in', async () => {
    let count = 2
    const stub = server(() =>
      count < 3 ? { ok: false, error: { code: 'RATING.TOO_FEW', message: `目前有 ${count} 人评议` } } : { ok: true, data: summary({ count: 3 }) },
    )
    openPage('/pages/lecture-report/index', { id: LECTURE })
    const { container } = render(<LectureReportPage />)
    await waitFor(() => expect(container.querySelector('.lecture-report__too-few')).not.toBeNull())
    count = 3
    await act(async () => {
      await Taro.__fire('usePullDownRefresh')
    })
    await waitFor(() => expect(textOf(container, '.rating-report__count .rating-report__stat-value')).toBe('3 人'))
    expect(stub.calls.filter((c) => c.event.action === 'summary')).toHaveLength(2)
    // The progress was the secretary's stand-in for the report: gone once the report is there.
    expect(container.querySelector('.lecture-report__progress')).toBeNull()
    expect([...container.querySelectorAll('.rating-report__not-rated-name')].map((c) => c.textContent)).toEqual(['王建国', '赵桂兰'])
  })

  it('tells anyone else the report is for the secretary and the speaker (AUTH.FORBIDDEN)', async () => {
    server(() => ({ ok: false, error: { code: 'AUTH.FORBIDDEN', message: '只有本支部书记和主讲人可以查看评议结果' } }), { canManage: false, canSeeAttendance: false })
    openPage('/pages/lecture-report/index', { id: LECTURE })
    const { container } = render(<LectureReportPage />)
    await waitFor(() => expect(textOf(container, '.lecture-report__denied .empty-state__title')).toBe('只有本支部书记和主讲人可以查看评议结果'))
    expect(container.querySelector('.lecture-report__to-trend')).toBeNull()
  })

  it('offers 重试 when the report did not load', async () => {
    server(() => ({ status: 500, body: '<html>bad gateway</html>' }))
    openPage('/pages/lecture-report/index', { id: LECTURE })
    const { container } = render(<LectureReportPage />)
    await waitFor(() => expect(textOf(container, '.error-state__message')).toBe('网络不太好，没有提交成功，请稍后重试'))
    expect(container.querySelector('.error-state__retry')).not.toBeNull()
  })
})

describe('历次党课评议 page', () => {
  const report: LecturerReport = {
    speakerName: '刘老师',
    lectures: [
      { lectureId: 'Lnew0000001', title: '党史学习（二）', startAt: '2026-11-22T11:30:00.000Z', count: 2, averages: null },
      {
        lectureId: 'Lold0000001',
        title: '党史学习（一）',
        startAt: '2026-10-18T11:30:00.000Z',
        count: 5,
        averages: { attitude: 4.8, content: 4.4, form: 4, effect: 4.2, overall: 4.35 },
      },
    ],
  }

  it('lists each lecture with its averages as a bar, or 评议不足 3 人', async () => {
    const stub = stubCloud(() => ({ ok: true, data: report }))
    openPage('/packages/reports/pages/lecturer-report/index', {})
    const { container } = render(<LecturerReportPage />)
    await waitFor(() => expect(container.querySelectorAll('.lecturer-report__lecture')).toHaveLength(2))
    // A speaker asks about themself: no openid is sent.
    expect(stub.calls[0]?.event).toEqual({ action: 'lecturerReport' })
    expect(textOf(container, '.lecturer-report__title')).toBe('主讲人：刘老师')
    const [newer, older] = [...container.querySelectorAll('.lecturer-report__lecture')]
    expect(newer?.querySelector('.lecturer-report__too-few')?.textContent).toBe('评议不足 3 人，暂不显示分数')
    expect(newer?.querySelector('.score-bars')).toBeNull()
    expect(older?.querySelector('.score-bars__value')?.textContent).toBe('4.35 分')
    expect(fillPercent(older)).toBe(87)
    expect(older?.querySelector('.lecturer-report__dimension--attitude .lecturer-report__dimension-value')?.textContent).toBe('4.80')
    // One rated lecture: its mean is the summary, and there is nothing earlier to compare it with.
    expect(textOf(container, '.lecturer-report__summary-value')).toBe('4.35 分')
    expect(container.querySelector('.lecturer-report__change')).toBeNull()
  })

  it('asks about the named speaker for the secretary', async () => {
    const stub = stubCloud(() => ({ ok: true, data: report }))
    openPage('/packages/reports/pages/lecturer-report/index', { speaker: 'demo-speaker' })
    render(<LecturerReportPage />)
    await waitFor(() => expect(stub.calls[0]?.event).toEqual({ action: 'lecturerReport', speakerOpenid: 'demo-speaker' }))
  })
})
