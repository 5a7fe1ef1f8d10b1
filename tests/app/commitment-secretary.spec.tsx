import { fireEvent, render, waitFor } from '@testing-library/react'
import { Current } from '@tarojs/runtime'
import Taro from '@tarojs/taro'
import { addMonths, beijingMonthOf } from '@contracts/rules'
import CommitmentReviewPage from '@/packages/secretary/pages/commitment-review/index'
import CommitmentMonthPage from '@/packages/secretary/pages/commitment-month/index'
import CommitmentPanelEditPage from '@/packages/secretary/pages/commitment-panel-edit/index'
import { resetWhoamiStore } from '@/features/members/whoami.store'
import { click, stubCloud, textOf, typeInto, type Answer } from '../support/app/cloud-stub'
import { board, panel, planSummary, stats } from '../support/app/commitment-admin-fixtures'
import { whoamiAs } from '../support/app/fixtures'

type Taroish = typeof Taro & { __navigations: () => { kind: string; url: string }[]; __resetNavigations: () => void }
const taro = Taro as Taroish

beforeEach(() => {
  resetWhoamiStore()
  taro.__resetNavigations()
})
afterEach(() => {
  Current.router = null
})

/** A secretary's server: whoami, then the commitment actions `answer` knows (anything else is refused). */
function server(answer: (action: string, event: Record<string, unknown>) => Answer | undefined, role: 'secretary' | 'member' = 'secretary') {
  return stubCloud((fn, event) => {
    if (fn === 'member') return { ok: true, data: whoamiAs(role) }
    return answer(String(event.action), event) ?? { ok: false, error: { code: 'COMMON.UNKNOWN_ACTION', message: `没有 ${String(event.action)}` } }
  })
}

const dialog = (selector: string) => document.body.querySelector(`.confirm-dialog ${selector}`)

async function typeReason(value: string): Promise<void> {
  const el = await waitFor(() => {
    const area = document.body.querySelector<HTMLTextAreaElement>('.confirm-dialog textarea, .confirm-dialog input')
    if (!area) throw new Error('no reason box')
    return area
  })
  el.value = value
  fireEvent.input(el)
}

describe('承诺审核', () => {
  it('lists the submitted plans with their items, and publishes one only after 确认公示', async () => {
    const stub = server((action) =>
      action === 'queue'
        ? { ok: true, data: { items: [planSummary(1), planSummary(2)] } }
        : action === 'review'
          ? { ok: true, data: { ...planSummary(1, { status: 'published' }) } }
          : undefined,
    )
    const { container } = render(<CommitmentReviewPage />)
    await waitFor(() => expect(container.querySelectorAll('.commitment-review__plan')).toHaveLength(2))
    expect(textOf(container, '.commitment-review__name')).toBe('党员1')
    expect([...container.querySelectorAll('.commitment-review__plan')][0]?.querySelectorAll('.commitment-review__item-text')[0]?.textContent).toBe('1. 每周走访独居老人两户')
    expect(textOf(container, '.commitment-review__category')).toBe('服务群众')

    click(container, '.commitment-review__publish')
    await waitFor(() => expect(dialog('.confirm-dialog__confirm')).not.toBeNull())
    expect(document.body.querySelector('.confirm-dialog')?.textContent).toContain('公示「党员1」的承诺')
    // Nothing is sent until the secretary confirms.
    expect(stub.actions()).not.toContain('review')
    click(document.body, '.confirm-dialog .confirm-dialog__confirm')
    await waitFor(() => expect(container.querySelectorAll('.commitment-review__plan')).toHaveLength(1))
    expect(stub.calls.find((c) => c.event.action === 'review')?.event).toEqual({ action: 'review', planId: planSummary(1).planId, decision: 'publish' })
  })

  it('returns a plan only with a reason, which is sent with it', async () => {
    const stub = server((action) =>
      action === 'queue' ? { ok: true, data: { items: [planSummary(1)] } } : action === 'review' ? { ok: true, data: planSummary(1, { status: 'returned' }) } : undefined,
    )
    const { container } = render(<CommitmentReviewPage />)
    await waitFor(() => expect(container.querySelector('.commitment-review__return')).not.toBeNull())
    click(container, '.commitment-review__return')
    await waitFor(() => expect(dialog('.confirm-dialog__confirm')).not.toBeNull())
    click(document.body, '.confirm-dialog .confirm-dialog__confirm')
    await waitFor(() => expect(document.body.querySelector('.confirm-dialog')?.textContent).toContain('请填写'))
    expect(stub.actions()).not.toContain('review')

    await typeReason('第 2 条请写明怎样衡量完成')
    click(document.body, '.confirm-dialog .confirm-dialog__confirm')
    await waitFor(() => expect(container.querySelector('.commitment-review__plan')).toBeNull())
    expect(stub.calls.find((c) => c.event.action === 'review')?.event).toEqual({
      action: 'review',
      planId: planSummary(1).planId,
      decision: 'return',
      reason: '第 2 条请写明怎样衡量完成',
    })
    expect(textOf(container, '.commitment-review__empty')).toContain('没有等待审核的承诺')
  })

  it("keeps the dialog open with the server's refusal", async () => {
    server((action) =>
      action === 'queue'
        ? { ok: true, data: { items: [planSummary(1)] } }
        : { ok: false, error: { code: 'COMMITMENT.STALE', message: '这份承诺刚刚被修改过，请刷新后再审核' } },
    )
    const { container } = render(<CommitmentReviewPage />)
    await waitFor(() => expect(container.querySelector('.commitment-review__publish')).not.toBeNull())
    click(container, '.commitment-review__publish')
    await waitFor(() => expect(dialog('.confirm-dialog__confirm')).not.toBeNull())
    click(document.body, '.confirm-dialog .confirm-dialog__confirm')
    await waitFor(() => expect(textOf(document.body, '.confirm-dialog__error')).toBe('这份承诺刚刚被修改过，请刷新后再审核'))
    expect(container.querySelectorAll('.commitment-review__plan')).toHaveLength(1)
  })

  it('tells a member it is the secretary’s page, and asks for no queue', async () => {
    const stub = server(() => undefined, 'member')
    const { container } = render(<CommitmentReviewPage />)
    await waitFor(() => expect(container.querySelector('.commitment-review--denied')).not.toBeNull())
    expect(container.textContent).toContain('只有支部书记可以审核承诺')
    expect(stub.actions()).toEqual(['whoami'])
  })
})

describe('承诺榜与统计', () => {
  const thisMonth = beijingMonthOf(Date.now())

  it("shows the month's plans by state, the branch's and each member's figures", async () => {
    server((action, event) => (action === 'stats' ? { ok: true, data: stats({ month: String(event.month) }) } : undefined))
    const { container } = render(<CommitmentMonthPage />)
    await waitFor(() => expect(container.querySelector('.commitment-month__plans')).not.toBeNull())
    expect(textOf(container, '.commitment-month__plans')).toBe('已公示 3 人 · 待书记审核 2 人 · 草稿 1 人 · 已退回 0 人 · 未制定 4 人')
    expect(textOf(container, '.commitment-month__branch .commitment-figures__fulfilment')).toBe('50%')
    expect(textOf(container, '.commitment-month__branch .commitment-figures__satisfaction')).toBe('83%')
    const members = [...container.querySelectorAll('.commitment-month__member')].map((m) => m.textContent)
    expect(members).toEqual(['李秀英已公示兑现率 100%满意度 100%', '王建国待书记审核兑现率 —满意度 —'])
    expect(textOf(container, '.commitment-month__to-review')).toBe('去审核（2 份）')
  })

  it('publishes the board of a running month after asking, then reads the month again', async () => {
    let status: 'unpublished' | 'published' = 'unpublished'
    const stub = server((action, event) => {
      if (action === 'stats') return { ok: true, data: stats({ month: String(event.month), status }) }
      if (action === 'publishBoard') {
        status = 'published'
        return { ok: true, data: board({ month: String(event.month) }) }
      }
      return undefined
    })
    const { container } = render(<CommitmentMonthPage />)
    await waitFor(() => expect(container.querySelector('.commitment-month__publish')).not.toBeNull())
    expect(stub.calls.find((c) => c.event.action === 'stats')?.event.month).toBe(thisMonth)
    click(container, '.commitment-month__publish')
    await waitFor(() => expect(dialog('.confirm-dialog__confirm')).not.toBeNull())
    expect(stub.actions()).not.toContain('publishBoard')
    click(document.body, '.confirm-dialog .confirm-dialog__confirm')
    await waitFor(() => expect(textOf(container, '.commitment-month__status')).toBe('公示中'))
    expect(stub.calls.find((c) => c.event.action === 'publishBoard')?.event).toEqual({ action: 'publishBoard', month: thisMonth })
    expect(container.querySelector('.commitment-month__publish')).toBeNull()

    // The projector and print views open on this branch's month.
    click(container, '.commitment-month__to-display')
    click(container, '.commitment-month__to-print')
    expect(taro.__navigations()).toEqual([
      { kind: 'navigateTo', url: `/packages/commitments/pages/board-display/index?branchId=branch-1&month=${thisMonth}` },
      { kind: 'navigateTo', url: `/packages/commitments/pages/board-print/index?branchId=branch-1&month=${thisMonth}` },
    ])
  })

  it('closes a month past its deadline after a warning that counts what will be overdue', async () => {
    const past = addMonths(thisMonth, -2)
    Current.router = { params: { month: past }, path: '/packages/secretary/pages/commitment-month/index' } as unknown as typeof Current.router
    let status: 'published' | 'closed' = 'published'
    const stub = server((action, event) => {
      if (action === 'stats') return { ok: true, data: stats({ month: String(event.month), status }) }
      if (action === 'closeMonth') {
        status = 'closed'
        return { ok: true, data: board({ month: String(event.month), status: 'closed' }) }
      }
      return undefined
    })
    const { container } = render(<CommitmentMonthPage />)
    await waitFor(() => expect(container.querySelector('.commitment-month__close')).not.toBeNull())
    click(container, '.commitment-month__close')
    await waitFor(() => expect(dialog('.confirm-dialog__confirm')).not.toBeNull())
    expect(document.body.querySelector('.confirm-dialog')?.textContent).toContain('尚未晒业绩的 1 条将记为逾期未晒')
    click(document.body, '.confirm-dialog .confirm-dialog__confirm')
    await waitFor(() => expect(textOf(container, '.commitment-month__status')).toBe('已结账'))
    expect(stub.calls.find((c) => c.event.action === 'closeMonth')?.event).toEqual({ action: 'closeMonth', month: past })
    expect(container.querySelector('.commitment-month__close')).toBeNull()
  })

  it('steps to the month before and asks for its figures', async () => {
    const stub = server((action, event) => (action === 'stats' ? { ok: true, data: stats({ month: String(event.month) }) } : undefined))
    const { container } = render(<CommitmentMonthPage />)
    await waitFor(() => expect(container.querySelector('.commitment-month__plans')).not.toBeNull())
    click(container, '.commitment-month__prev')
    await waitFor(() => expect(stub.calls.filter((c) => c.event.action === 'stats').map((c) => c.event.month)).toEqual([thisMonth, addMonths(thisMonth, -1)]))
  })

  it('exports the ledger of the month and says what was made', async () => {
    const stub = server((action, event) =>
      action === 'stats'
        ? { ok: true, data: stats({ month: String(event.month) }) }
        : action === 'exportLedger'
          ? { ok: true, data: { fileID: 'cloud://local.x/ledgers/c.xlsx', url: '/storage/c.xlsx', fileName: '承诺台账.xlsx', rows: 42 } }
          : undefined,
    )
    const { container } = render(<CommitmentMonthPage />)
    await waitFor(() => expect(container.querySelector('.ledger-export__button')).not.toBeNull())
    click(container, '.ledger-export__button')
    await waitFor(() => expect(textOf(container, '.ledger-export__text')).toContain('已生成《承诺台账.xlsx》，共 42 条记录。'))
    expect(stub.calls.find((c) => c.event.action === 'exportLedger')?.event).toEqual({ action: 'exportLedger', month: thisMonth })
  })
})

describe('亮职责 editor', () => {
  it("fills in the branch's panel, one entry a line, and saves the lines trimmed", async () => {
    const stub = server((action, event) => {
      if (action === 'board') return { ok: true, data: board() }
      if (action === 'savePanel') return { ok: true, data: { ...panel(), ...event, updatedAt: '2026-12-07T02:00:00.000Z' } }
      return undefined
    })
    const { container } = render(<CommitmentPanelEditPage />)
    const area = await waitFor(() => {
      const el = container.querySelector<HTMLTextAreaElement>('.commitment-panel-edit__tasks textarea')
      if (!el) throw new Error('no tasks box')
      return el
    })
    expect(stub.calls.find((c) => c.event.action === 'board')?.event).toEqual({ action: 'board', branchId: 'branch-1' })
    expect(container.querySelector<HTMLTextAreaElement>('.commitment-panel-edit__responsibilities textarea')?.value).toBe('宣传贯彻党的路线方针政策\n联系服务群众')
    area.value = '每月开展一次主题党日\n\n  走访困难党员  \n'
    fireEvent.input(area)
    await typeInto(container, '.commitment-panel-edit__hotline', '0571-8888')
    click(container, '.commitment-panel-edit__submit')
    await waitFor(() => expect(stub.actions()).toContain('savePanel'))
    expect(stub.calls.find((c) => c.event.action === 'savePanel')?.event).toEqual({
      action: 'savePanel',
      responsibilities: ['宣传贯彻党的路线方针政策', '联系服务群众'],
      tasks: ['每月开展一次主题党日', '走访困难党员'],
      process: ['来电来访登记', '三日内答复'],
      hotline: '0571-8888',
    })
  })

  it('refuses too many lines and a bad hotline before sending anything', async () => {
    const stub = server((action) => (action === 'board' ? { ok: true, data: board() } : undefined))
    const { container } = render(<CommitmentPanelEditPage />)
    const area = await waitFor(() => {
      const el = container.querySelector<HTMLTextAreaElement>('.commitment-panel-edit__process textarea')
      if (!el) throw new Error('no process box')
      return el
    })
    area.value = Array.from({ length: 11 }, (_, i) => `第${i + 1}步`).join('\n')
    fireEvent.input(area)
    await typeInto(container, '.commitment-panel-edit__hotline', '请拨打')
    click(container, '.commitment-panel-edit__submit')
    await waitFor(() => expect(textOf(container, '.commitment-panel-edit__process .form-field__error')).toBe('服务流程最多 10 条，现在有 11 条'))
    expect(textOf(container, '.commitment-panel-edit__hotline .form-field__error')).toBe('服务热线请填写电话号码，可含区号和 -')
    expect(stub.actions()).not.toContain('savePanel')
  })
})
