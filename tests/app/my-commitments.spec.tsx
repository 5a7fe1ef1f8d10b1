import { render, waitFor } from '@testing-library/react'
import { Current } from '@tarojs/runtime'
import { addMonths, beijingMonthOf } from '@contracts/rules'
import MyCommitmentsPage from '@/packages/commitments/pages/my-plan/index'
import { click, stubCloud, textOf, typeInto, type Answer } from '../support/app/cloud-stub'
import { ITEM_A, PLAN_ID, item, planDetail, rating } from '../support/app/commitment-fixtures'
import { areaValue, typeArea } from '../support/app/commitment-forms'

function openMine(answer: (event: Record<string, unknown>) => Answer | Promise<Answer>, params: Record<string, string> = {}) {
  Current.router = { params, path: '/packages/commitments/pages/my-plan/index' } as unknown as typeof Current.router
  const stub = stubCloud((_fn, event) => answer(event))
  return { container: render(<MyCommitmentsPage />).container, stub }
}

afterEach(() => {
  Current.router = null
})

const thisMonth = beijingMonthOf(Date.now())
const invalid = (fields: Record<string, string>, message = '请检查填写的内容'): Answer => ({ ok: false, error: { code: 'COMMON.INVALID_INPUT', message, fields } })

async function fillFirstItem(container: HTMLElement) {
  await typeArea(container, '.commitment-draft-form__text', '每周走访 2 户独居老人')
  click(container, '.commitment-draft-form__item--0 .option-group__option--service')
  await typeInto(container, '.commitment-draft-form__measure', '全月走访 8 户')
}

describe('我的承诺: drafting and submitting', () => {
  it('offers an empty item to write when nothing was saved for this month, and checks it before sending', async () => {
    const { container, stub } = openMine(() => ({ ok: true, data: null }))
    await waitFor(() => expect(container.querySelector('.commitment-draft-form__item--0')).not.toBeNull())
    expect(stub.calls[0]?.event).toEqual({ action: 'mine', month: thisMonth })
    expect(textOf(container, '.my-commitments__status')).toContain('还没有写承诺')
    click(container, '.commitment-draft-form__submit')
    await waitFor(() => expect(textOf(container, '.commitment-draft-form__text-field .form-field__error')).toBe('请写下这条承诺要做什么'))
    expect(textOf(container, '.commitment-draft-form__category-field .form-field__error')).toBe('请选择承诺类别')
    expect(stub.actions()).toEqual(['mine'])
  })

  it('saves the draft as typed, then submits it for review', async () => {
    const submitted = planDetail({ status: 'submitted', actions: [] })
    const { container, stub } = openMine((e) =>
      e.action === 'mine' ? { ok: true, data: null } : e.action === 'saveDraft' ? { ok: true, data: planDetail({ status: 'draft', actions: ['edit', 'submit'] }) } : { ok: true, data: submitted },
    )
    await waitFor(() => expect(container.querySelector('.commitment-draft-form__item--0')).not.toBeNull())
    await fillFirstItem(container)
    click(container, '.commitment-draft-form__submit')
    await waitFor(() => expect(textOf(container, '.my-commitments__next')).toBe('已提交，等待书记审核。审核通过后会在承诺榜上公示。'))
    expect(stub.actions()).toEqual(['mine', 'saveDraft', 'submit'])
    expect(stub.calls[1]?.event).toEqual({ action: 'saveDraft', month: thisMonth, items: [{ text: '每周走访 2 户独居老人', category: 'service', measure: '全月走访 8 户' }] })
    expect(stub.calls[2]?.event).toEqual({ action: 'submit', month: thisMonth })
  })

  it('keeps everything typed when the function refuses, with the message on the item it names', async () => {
    const { container } = openMine((e) => (e.action === 'mine' ? { ok: true, data: null } : invalid({ 'items.0.measure': '衡量标准请写得具体一些' })))
    await waitFor(() => expect(container.querySelector('.commitment-draft-form__item--0')).not.toBeNull())
    await fillFirstItem(container)
    click(container, '.commitment-draft-form__submit')
    await waitFor(() => expect(textOf(container, '.commitment-draft-form__measure-field .form-field__error')).toBe('衡量标准请写得具体一些'))
    expect(textOf(container, '.commitment-draft-form__error')).toBe('请检查填写的内容')
    expect(areaValue(container, '.commitment-draft-form__text')).toBe('每周走访 2 户独居老人')
    expect(container.querySelector<HTMLInputElement>('.commitment-draft-form__measure input')?.value).toBe('全月走访 8 户')
    expect(container.querySelector('.commitment-draft-form__item--0 .option-group__option--service.option-group__option--selected')).not.toBeNull()
  })

  it('shows a returned plan\'s reason above its items, ready to edit', async () => {
    const returned = planDetail({ status: 'returned', returnReason: '衡量标准不够具体', actions: ['edit', 'submit'], items: [item(ITEM_A)] })
    const { container } = openMine(() => ({ ok: true, data: returned }))
    await waitFor(() => expect(textOf(container, '.my-commitments__returned .my-commitments__notice-text')).toBe('原因：衡量标准不够具体。请按意见修改后再提交。'))
    await waitFor(() => expect(areaValue(container, '.commitment-draft-form__text')).toBe('每周走访 2 户独居老人'))
  })

  it('lets a member add items up to five and remove one', async () => {
    const { container } = openMine(() => ({ ok: true, data: null }))
    await waitFor(() => expect(container.querySelector('.commitment-draft-form__add')).not.toBeNull())
    for (let i = 0; i < 4; i++) click(container, '.commitment-draft-form__add')
    await waitFor(() => expect(container.querySelectorAll('.commitment-draft-form__item')).toHaveLength(5))
    expect(container.querySelector('.commitment-draft-form__add')).toBeNull()
    click(container, '.commitment-draft-form__item--4 .commitment-draft-form__remove')
    await waitFor(() => expect(container.querySelectorAll('.commitment-draft-form__item')).toHaveLength(4))
  })

  it('asks for next month\'s plan when next month is chosen', async () => {
    const next = addMonths(thisMonth, 1)
    const { container, stub } = openMine(() => ({ ok: true, data: null }))
    await waitFor(() => expect(container.querySelector(`.my-commitments__month .option-group__option--${next}`)).not.toBeNull())
    click(container, `.my-commitments__month .option-group__option--${next}`)
    await waitFor(() => expect(stub.calls.map((c) => c.event)).toContainEqual({ action: 'mine', month: next }))
  })

  it('says why when the plan cannot be loaded (a resident is not a party member)', async () => {
    const { container } = openMine(() => ({ ok: false, error: { code: 'AUTH.FORBIDDEN', message: '只有党员可以写承诺' } }))
    await waitFor(() => expect(container.querySelector('.my-commitments')?.textContent).toContain('只有党员可以写承诺'))
  })
})

describe('我的承诺: once published', () => {
  const published = () => planDetail({ itemActions: { [ITEM_A]: ['addProgress', 'setOutcome', 'revise'] }, items: [item(ITEM_A)] })

  it('posts progress with a percentage and a note, and shows it on the item', async () => {
    const after = planDetail({ items: [item(ITEM_A, { percent: 50, progress: [{ at: '2026-12-15T02:00:00.000Z', percent: 50, note: '走访了 4 户', photos: [] }] })] })
    const { container, stub } = openMine((e) => (e.action === 'mine' ? { ok: true, data: published() } : e.action === 'ratings' ? { ok: true, data: { items: [] } } : { ok: true, data: after }))
    await waitFor(() => expect(container.querySelector('.commitment-item-forms__open--addProgress')).not.toBeNull())
    click(container, '.commitment-item-forms__open--addProgress')
    click(container, '.commitment-progress-form__submit')
    await waitFor(() => expect(textOf(container, '.commitment-progress-form__percent-field .form-field__error')).toBe('请填写完成了多少（0 到 100）'))
    await typeInto(container, '.commitment-progress-form__percent', '50')
    await typeArea(container, '.commitment-progress-form__note', '走访了 4 户')
    click(container, '.commitment-progress-form__submit')
    await waitFor(() => expect(textOf(container, '.commitment-item__note-text')).toBe('走访了 4 户'))
    expect(stub.calls.find((c) => c.event.action === 'addProgress')?.event).toEqual({ action: 'addProgress', planId: PLAN_ID, itemId: ITEM_A, percent: 50, note: '走访了 4 户' })
    expect(container.querySelector('.commitment-progress-form')).toBeNull()
  })

  it('asks for the reason when an item was not kept, and keeps what was typed when the function refuses', async () => {
    const { container, stub } = openMine((e) =>
      e.action === 'mine'
        ? { ok: true, data: published() }
        : e.action === 'ratings'
          ? { ok: true, data: { items: [] } }
          : { ok: false, error: { code: 'COMMITMENT.WRONG_PHASE', message: '这个月份已过晒业绩截止时间（次月 5 日），不能再修改，现在不能晒业绩' } },
    )
    await waitFor(() => expect(container.querySelector('.commitment-item-forms__open--setOutcome')).not.toBeNull())
    click(container, '.commitment-item-forms__open--setOutcome')
    click(container, '.commitment-outcome-form__outcome .option-group__option--unkept')
    await typeArea(container, '.commitment-outcome-form__evidence', '只走访了 3 户')
    click(container, '.commitment-outcome-form__submit')
    await waitFor(() => expect(textOf(container, '.commitment-outcome-form__reason-field .form-field__error')).toBe('请写下没有完全兑现的原因，群众会看到'))
    expect(stub.actions()).not.toContain('setOutcome')

    await typeArea(container, '.commitment-outcome-form__reason', '住院两周')
    click(container, '.commitment-outcome-form__submit')
    await waitFor(() => expect(textOf(container, '.commitment-item-forms__error')).toContain('不能再修改'))
    expect(stub.calls.find((c) => c.event.action === 'setOutcome')?.event).toEqual({
      action: 'setOutcome',
      planId: PLAN_ID,
      itemId: ITEM_A,
      outcome: 'unkept',
      evidence: '只走访了 3 户',
      reason: '住院两周',
    })
    expect(areaValue(container, '.commitment-outcome-form__evidence')).toBe('只走访了 3 户')
    expect(areaValue(container, '.commitment-outcome-form__reason')).toBe('住院两周')
  })

  it('revises a published item with its reason, sending the version it was read at', async () => {
    const { container, stub } = openMine((e) =>
      e.action === 'mine' ? { ok: true, data: published() } : e.action === 'ratings' ? { ok: true, data: { items: [] } } : { ok: true, data: planDetail({ items: [item(ITEM_A, { text: '每周走访 3 户独居老人', version: 2, revisions: 1 })] }) },
    )
    await waitFor(() => expect(container.querySelector('.commitment-item-forms__open--revise')).not.toBeNull())
    click(container, '.commitment-item-forms__open--revise')
    await typeArea(container, '.commitment-revise-form__text', '每周走访 3 户独居老人')
    click(container, '.commitment-revise-form__submit')
    await waitFor(() => expect(textOf(container, '.commitment-revise-form__reason-field .form-field__error')).toBe('请写下为什么修改，群众会看到'))
    await typeArea(container, '.commitment-revise-form__reason', '新搬来两户老人')
    click(container, '.commitment-revise-form__submit')
    await waitFor(() => expect(textOf(container, '.commitment-item__revised')).toBe('已修改 1 次 · 查看修改记录'))
    expect(stub.calls.find((c) => c.event.action === 'revise')?.event).toEqual({
      action: 'revise',
      planId: PLAN_ID,
      itemId: ITEM_A,
      version: 1,
      text: '每周走访 3 户独居老人',
      category: 'service',
      measure: '全月走访 8 户',
      reason: '新搬来两户老人',
    })
  })

  it('lets the member answer a comment on their month', async () => {
    const r = rating('aaaaaaaaaaaa')
    const { container, stub } = openMine((e) =>
      e.action === 'mine'
        ? { ok: true, data: published() }
        : e.action === 'ratings'
          ? { ok: true, data: { items: [r] } }
          : { ok: true, data: { ...r, replies: [{ at: '2026-12-12T02:00:00.000Z', by: 'member', text: '谢谢，会继续努力' }] } },
    )
    await waitFor(() => expect(container.querySelector('.commitment-ratings__to-reply')).not.toBeNull())
    click(container, '.commitment-ratings__to-reply')
    await typeArea(container, '.commitment-ratings__reply-text', '谢谢，会继续努力')
    click(container, '.commitment-ratings__send')
    await waitFor(() => expect(textOf(container, '.commitment-ratings__reply')).toBe('党员回复：谢谢，会继续努力'))
    expect(stub.calls.find((c) => c.event.action === 'reply')?.event).toEqual({ action: 'reply', planId: PLAN_ID, ratingId: 'aaaaaaaaaaaa', text: '谢谢，会继续努力' })
  })

  it('says a closed month can no longer change, and offers no forms', async () => {
    const { container } = openMine((e) => (e.action === 'ratings' ? { ok: true, data: { items: [] } } : { ok: true, data: planDetail({ phase: 'due', boardStatus: 'closed' }) }))
    await waitFor(() => expect(textOf(container, '.my-commitments__next')).toBe('本月已结账，承诺、进度和业绩都不能再改了。'))
    expect(container.querySelector('.commitment-item-forms')).toBeNull()
  })
})
