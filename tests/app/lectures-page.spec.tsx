import { act, render, waitFor } from '@testing-library/react'
import type { LectureView } from '@contracts'
import LecturesPage from '@/pages/lectures/index'
import { lectureLive } from '@/features/lectures/rules/lecture-timing.rules'
import { resetWhoamiStore } from '@/features/members/whoami.store'
import { click, stubCloud, textOf } from '../support/app/cloud-stub'
import { whoamiAs } from '../support/app/fixtures'

const Taro = jest.requireActual<{ __fire: (name: string) => unknown }>('@tarojs/taro')

function lecture(i: number, over: Partial<LectureView> = {}): LectureView {
  return {
    id: `L${String(i).padStart(10, '0')}`,
    branchId: 'branch-1',
    branchName: '幸福里社区第一党支部',
    title: `党课 ${i}`,
    topic: '',
    speaker: { name: '王建国', openid: null },
    startAt: '2026-11-22T11:30:00.000Z',
    endAt: '2026-11-22T13:00:00.000Z',
    location: { name: '党群服务中心', latitude: null, longitude: null, radius: null },
    audience: 'branch',
    checkinMode: 'rotating',
    materials: [],
    checkinWindow: { opensBeforeMinutes: 30, closesAfterMinutes: 0 },
    checkinOpensAt: '2026-11-22T11:00:00.000Z',
    checkinClosesAt: '2026-11-22T13:00:00.000Z',
    status: 'published',
    cancelReason: null,
    checkinCount: 3,
    fromOtherBranch: false,
    ...over,
  }
}

function server(upcoming: LectureView[], past: LectureView[] = [], role: 'member' | 'secretary' = 'member') {
  return stubCloud((_fn, event) => {
    if (event.action === 'whoami') return { ok: true, data: whoamiAs(role) }
    const all = event.scope === 'past' ? past : upcoming
    const start = Number(event.cursor ?? 0)
    const end = start + Number(event.limit)
    return { ok: true, data: { items: all.slice(start, end), ...(end < all.length ? { nextCursor: String(end) } : {}) } }
  })
}

beforeEach(() => resetWhoamiStore())

const MIN = 60_000

/** A lecture starting `startIn` ms from now, lasting an hour, check-in from 30 minutes before to the end. */
function at(i: number, startIn: number, over: Partial<LectureView> = {}): LectureView {
  const start = Date.now() + startIn
  return lecture(i, {
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + 60 * MIN).toISOString(),
    checkinOpensAt: new Date(start - 30 * MIN).toISOString(),
    checkinClosesAt: new Date(start + 60 * MIN).toISOString(),
    ...over,
  })
}

describe('what is happening now', () => {
  const l = lecture(1) // 19:30–21:00 Beijing, check-in from 19:00
  const t = (iso: string) => Date.parse(iso)
  it.each([
    ['before check-in opens', '2026-11-22T10:59:59.999Z', null],
    ['check-in open, not started', '2026-11-22T11:00:00.000Z', 'checkingIn'],
    ['at the start', '2026-11-22T11:30:00.000Z', 'underway'],
    ['just before the end', '2026-11-22T12:59:59.999Z', 'underway'],
    ['at the end (check-in closes too)', '2026-11-22T13:00:00.000Z', null],
  ] as const)('%s → %s', (_label, now, expected) => {
    expect(lectureLive(l, t(now))).toBe(expected)
  })

  it('says 签到中 after the end while check-in stays open, and nothing for a lecture not published', () => {
    const late = lecture(1, { checkinClosesAt: '2026-11-22T13:15:00.000Z' })
    expect(lectureLive(late, t('2026-11-22T13:05:00.000Z'))).toBe('checkingIn')
    expect(lectureLive(lecture(1, { status: 'cancelled' }), t('2026-11-22T12:00:00.000Z'))).toBeNull()
    expect(lectureLive(lecture(1, { status: 'draft' }), t('2026-11-22T12:00:00.000Z'))).toBeNull()
  })
})

describe('党课 tab', () => {
  it('marks a lecture under way 进行中 and one whose check-in is open 签到中, and no other', async () => {
    server([
      at(1, -10 * MIN),
      at(2, 20 * MIN),
      at(3, 2 * 24 * 60 * MIN),
      at(4, -10 * MIN, { status: 'cancelled', cancelReason: '场地维修' }),
    ])
    const { container } = render(<LecturesPage />)
    await waitFor(() => expect(container.querySelectorAll('.lecture-card')).toHaveLength(4))
    const cards = [...container.querySelectorAll('.lecture-card')]
    expect(cards.map((c) => c.querySelector('.lecture-card__live')?.textContent ?? null)).toEqual(['进行中', '签到中', null, null])
    expect(cards[0]?.querySelector('.lecture-card__live--underway')).not.toBeNull()
    expect(cards[1]?.querySelector('.lecture-card__live--checkingIn')).not.toBeNull()
  })

  it('lists upcoming lectures a page at a time, in Beijing time, with who each is for', async () => {
    const rows = Array.from({ length: 13 }, (_, i) => lecture(i))
    rows[1] = lecture(1, { audience: 'open', fromOtherBranch: true, branchName: '示范社区第二党支部' })
    rows[2] = lecture(2, { status: 'cancelled', cancelReason: '场地维修' })
    const stub = server(rows)
    const { container } = render(<LecturesPage />)
    await waitFor(() => expect(container.querySelectorAll('.lecture-card')).toHaveLength(10))
    expect(textOf(container, '.lecture-card__time')).toMatch(/19:30–21:00$/)
    const cards = container.querySelectorAll('.lecture-card')
    expect(cards[0]?.querySelector('.audience-badge')?.textContent).toBe('本支部')
    expect(cards[1]?.querySelector('.audience-badge')?.textContent).toBe('开放党课来自「示范社区第二党支部」')
    expect(cards[2]?.querySelector('.lecture-status-badge')?.textContent).toBe('已取消')
    expect(cards[2]?.querySelector('.lecture-card__cancel-reason')?.textContent).toBe('取消原因：场地维修')
    expect(container.querySelector('.lectures-page__create')).toBeNull()

    click(container, '.lectures-page .paged-list-footer__more')
    await waitFor(() => expect(container.querySelectorAll('.lecture-card')).toHaveLength(13))
    expect(textOf(container, '.lectures-page .paged-list-footer__end')).toBe('已经到底了，共 13 场')
    expect(stub.calls.filter((c) => c.event.action === 'list').map((c) => c.event.cursor)).toEqual([undefined, '10'])
  })

  it('says when nothing is coming up, and switches to past lectures', async () => {
    const stub = server([], [lecture(90, { title: '往期的党课' })])
    const { container } = render(<LecturesPage />)
    await waitFor(() => expect(textOf(container, '.empty-state__title')).toBe('近期没有安排党课'))
    click(container, '.lectures-page__to-past')
    await waitFor(() => expect(textOf(container, '.lecture-card__title')).toBe('往期的党课'))
    expect(textOf(container, '.lecture-card__count')).toBe('签到 3 人')
    expect(stub.calls.filter((c) => c.event.action === 'list').map((c) => c.event.scope)).toEqual(['upcoming', 'past'])
  })

  it('offers a secretary 发布新党课 and reloads on pull-down', async () => {
    const stub = server([lecture(1)], [], 'secretary')
    const { container } = render(<LecturesPage />)
    await waitFor(() => expect(textOf(container, '.lectures-page__create')).toBe('+ 发布新党课'))
    act(() => {
      Taro.__fire('usePullDownRefresh')
    })
    await waitFor(() => expect(stub.calls.filter((c) => c.event.action === 'list')).toHaveLength(2))
  })

  it('asks someone without a branch to join one first', async () => {
    stubCloud((_fn, event) =>
      event.action === 'whoami'
        ? { ok: true, data: { openid: 'x', profile: null, branch: null, inviteCodes: null, isAdmin: false } }
        : { ok: false, error: { code: 'AUTH.NO_PROFILE', message: '请先在「我的」页面用邀请码加入支部' } },
    )
    const { container } = render(<LecturesPage />)
    await waitFor(() => expect(textOf(container, '.lectures-page__to-join')).toBe('去“我的”加入支部'))
  })
})
