import { render, waitFor } from '@testing-library/react'
import { Current } from '@tarojs/runtime'
import CommitmentPlanPage from '@/packages/commitments/pages/plan/index'
import { resetWhoamiStore } from '@/features/members/whoami.store'
import { click, stubCloud, textOf, type Answer } from '../support/app/cloud-stub'
import { whoamiAs } from '../support/app/fixtures'
import { typeArea } from '../support/app/commitment-forms'
import { ITEM_A, ITEM_B, PLAN_ID, card, item, planDetail, rating, revisedItem } from '../support/app/commitment-fixtures'

function openPlan(answer: (event: Record<string, unknown>) => Answer | Promise<Answer>, role: 'member' | 'resident' | 'secretary' = 'resident') {
  Current.router = { params: { id: PLAN_ID }, path: '/packages/commitments/pages/plan/index' } as unknown as typeof Current.router
  const stub = stubCloud((_fn, event) => (event.action === 'whoami' ? { ok: true, data: whoamiAs(role) } : answer(event)))
  const { container, unmount } = render(<CommitmentPlanPage />)
  return { container, unmount, stub }
}

const noRatings = { ok: true as const, data: { items: [] } }

beforeEach(() => resetWhoamiStore())
afterEach(() => {
  Current.router = null
})

describe('一位党员的承诺', () => {
  it('shows the card with a phone only when its owner shows it, and each item with its measure and progress', async () => {
    const plan = planDetail({ card: card({ phone: '13900139000' }), items: [item(ITEM_A, { percent: 60, progress: [{ at: '2026-12-09T02:00:00.000Z', percent: 60, note: '走访了 5 户', photos: [] }] })] })
    const first = openPlan((e) => (e.action === 'plan' ? { ok: true, data: plan } : noRatings))
    const { container } = first
    await waitFor(() => expect(textOf(container, '.commitment-member-card__name')).toBe('李秀英'))
    expect(textOf(container, '.commitment-member-card__phone')).toBe('电话：13900139000')
    expect(textOf(container, '.commitment-item__measure')).toBe('衡量标准：全月走访 8 户')
    expect(textOf(container, '.commitment-item__percent')).toBe('进度 60%')
    expect(textOf(container, '.commitment-item__note-text')).toBe('走访了 5 户')

    first.unmount()
    resetWhoamiStore()
    const hidden = openPlan((e) => (e.action === 'plan' ? { ok: true, data: planDetail() } : noRatings))
    await waitFor(() => expect(textOf(hidden.container, '.commitment-member-card__name')).toBe('李秀英'))
    expect(hidden.container.querySelector('.commitment-member-card__phone')).toBeNull()
  })

  it('keeps a published item\'s earlier text one tap away behind 已修改 N 次', async () => {
    const { container } = openPlan((e) => (e.action === 'plan' ? { ok: true, data: planDetail({ items: [revisedItem(ITEM_A)] }) } : noRatings))
    await waitFor(() => expect(textOf(container, '.commitment-item__revised')).toBe('已修改 1 次 · 查看修改记录'))
    expect(container.querySelector('.commitment-item__history')).toBeNull()
    click(container, '.commitment-item__revised')
    await waitFor(() => expect(container.querySelectorAll('.commitment-item__version')).toHaveLength(2))
    const texts = [...container.querySelectorAll('.commitment-item__version-text')].map((n) => n.textContent)
    expect(texts).toEqual(['【服务群众】每周走访 3 户独居老人', '【服务群众】每周走访 2 户独居老人'])
    expect(textOf(container, '.commitment-item__version-reason')).toBe('修改原因：新搬来两户老人')
  })

  it('shows 未兑现 and 逾期未晒 with their reasons (晒问题)', async () => {
    const plan = planDetail({
      items: [
        item(ITEM_A, { outcome: { outcome: 'unkept', evidence: '只走访了 3 户', photos: [], reason: '住院两周', at: '2027-01-02T02:00:00.000Z' } }),
        item(ITEM_B, { outcome: { outcome: 'overdue', evidence: '', photos: [], reason: '到期未晒业绩', at: '2027-01-06T00:00:00.000Z' } }),
      ],
    })
    const { container } = openPlan((e) => (e.action === 'plan' ? { ok: true, data: plan } : noRatings))
    await waitFor(() => expect(container.querySelectorAll('.commitment-item__outcome')).toHaveLength(2))
    expect([...container.querySelectorAll('.commitment-item__outcome-label')].map((n) => n.textContent)).toEqual(['未兑现', '逾期未晒'])
    expect([...container.querySelectorAll('.commitment-item__outcome-reason')].map((n) => n.textContent)).toEqual(['原因：住院两周', '原因：到期未晒业绩'])
  })

  it('lists ratings with their replies, a masked name and a held comment said to wait', async () => {
    const ratings = [
      rating('aaaaaaaaaaaa', { replies: [{ at: '2026-12-11T02:00:00.000Z', by: 'member', text: '谢谢您，下周再来' }] }),
      rating('bbbbbbbbbbbb', { satisfaction: 'basic', comment: '希望多来几次', commentHeld: true, mine: true }),
    ]
    const { container, stub } = openPlan((e) => (e.action === 'plan' ? { ok: true, data: planDetail() } : { ok: true, data: { items: ratings } }))
    await waitFor(() => expect(container.querySelectorAll('.commitment-ratings__row')).toHaveLength(2))
    expect(textOf(container, '.commitment-ratings__row--satisfied .commitment-ratings__who')).toContain('赵**（群众）')
    expect(textOf(container, '.commitment-ratings__reply')).toBe('党员回复：谢谢您，下周再来')
    expect(textOf(container, '.commitment-ratings__row--basic .commitment-ratings__held')).toBe('意见正在等待书记审核，审核后公开。')
    // A resident who is neither the member nor the secretary is not offered 回复.
    expect(container.querySelector('.commitment-ratings__to-reply')).toBeNull()
    expect(stub.calls.find((c) => c.event.action === 'ratings')?.event).toEqual({ action: 'ratings', planId: PLAN_ID, limit: 10 })
  })

  it('asks a resident of the branch to choose before rating, then sends the rating and shows it', async () => {
    const before = planDetail({ actions: ['rate'] })
    const after = planDetail({ actions: ['rate'], myRating: { satisfaction: 'unsatisfied', comment: '没见到人' } })
    let rated = false
    const { container, stub } = openPlan((e) => {
      if (e.action === 'rate') {
        rated = true
        return { ok: true, data: after }
      }
      if (e.action === 'ratings') return { ok: true, data: { items: rated ? [rating('cccccccccccc', { satisfaction: 'unsatisfied', comment: '没见到人', mine: true })] : [] } }
      return { ok: true, data: before }
    })
    await waitFor(() => expect(container.querySelector('.commitment-rate-form__submit')).not.toBeNull())
    click(container, '.commitment-rate-form__submit')
    await waitFor(() => expect(textOf(container, '.commitment-rate-form .form-field__error')).toBe('请选一项：满意、基本满意或不满意'))
    expect(stub.actions()).not.toContain('rate')

    click(container, '.commitment-rate-form__satisfaction .option-group__option--unsatisfied')
    await typeArea(container, '.commitment-rate-form__comment', '没见到人')
    click(container, '.commitment-rate-form__submit')
    await waitFor(() => expect(textOf(container, '.commitment-ratings__who')).toContain('我的评议'))
    expect(stub.calls.find((c) => c.event.action === 'rate')?.event).toEqual({ action: 'rate', planId: PLAN_ID, satisfaction: 'unsatisfied', comment: '没见到人' })
    expect(textOf(container, '.commitment-rate-form .app-card__title')).toBe('修改我的评议')
    expect(textOf(container, '.commitment-rate-form__sent')).toBe('评议已提交，谢谢您！')
  })

  it('keeps the choice when the function refuses a rating, and says why', async () => {
    const { container } = openPlan((e) =>
      e.action === 'rate'
        ? { ok: false, error: { code: 'COMMITMENT.NOT_IN_BRANCH', message: '只有本支部的群众和党员可以评议' } }
        : e.action === 'ratings'
          ? noRatings
          : { ok: true, data: planDetail({ actions: ['rate'] }) },
    )
    await waitFor(() => expect(container.querySelector('.commitment-rate-form__submit')).not.toBeNull())
    click(container, '.commitment-rate-form__satisfaction .option-group__option--satisfied')
    click(container, '.commitment-rate-form__submit')
    await waitFor(() => expect(textOf(container, '.commitment-rate-form__error')).toBe('只有本支部的群众和党员可以评议'))
    expect(container.querySelector('.commitment-rate-form__satisfaction .option-group__option--satisfied.option-group__option--selected')).not.toBeNull()
  })

  it('lets the branch secretary reply to a comment', async () => {
    const r = rating('aaaaaaaaaaaa')
    const { container, stub } = openPlan(
      (e) =>
        e.action === 'reply'
          ? { ok: true, data: { ...r, replies: [{ at: '2026-12-12T02:00:00.000Z', by: 'secretary', text: '已转告' }] } }
          : e.action === 'ratings'
            ? { ok: true, data: { items: [r] } }
            : { ok: true, data: planDetail() },
      'secretary',
    )
    await waitFor(() => expect(container.querySelector('.commitment-ratings__to-reply')).not.toBeNull())
    click(container, '.commitment-ratings__to-reply')
    click(container, '.commitment-ratings__send')
    await waitFor(() => expect(textOf(container, '.commitment-ratings .form-field__error')).toBe('请写下回复的内容'))
    await typeArea(container, '.commitment-ratings__reply-text', '已转告')
    click(container, '.commitment-ratings__send')
    await waitFor(() => expect(textOf(container, '.commitment-ratings__reply')).toBe('书记回复：已转告'))
    expect(stub.calls.find((c) => c.event.action === 'reply')?.event).toEqual({ action: 'reply', planId: PLAN_ID, ratingId: 'aaaaaaaaaaaa', text: '已转告' })
  })

  it('says the plan is not there when the function answers not found', async () => {
    const { container } = openPlan(() => ({ ok: false, error: { code: 'COMMITMENT.NOT_FOUND', message: '没有找到这份承诺，可能还没有公示' } }))
    await waitFor(() => expect(textOf(container, '.empty-state__title')).toBe('没有找到这份承诺'))
    expect(textOf(container, '.empty-state__hint')).toBe('没有找到这份承诺，可能还没有公示')
  })
})
