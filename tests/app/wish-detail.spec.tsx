import { render, waitFor } from '@testing-library/react'
import { Current } from '@tarojs/runtime'
import type { WishDetail } from '@contracts'
import WishDetailPage from '@/packages/wishes/pages/wish-detail/index'
import { click, stubCloud, textOf } from '../support/app/cloud-stub'
import { WISH_ID, wishDetail } from '../support/app/wish-fixtures'

type Answer = Parameters<typeof stubCloud>[0]

function renderDetail(data: WishDetail, answer?: Answer) {
  const stub = stubCloud((fn, event) => (event.action === 'get' || !answer ? { ok: true, data } : answer(fn, event)))
  Current.router = { params: { id: WISH_ID }, path: '/packages/wishes/pages/wish-detail/index' } as unknown as typeof Current.router
  return { container: render(<WishDetailPage />).container, stub }
}

afterEach(() => {
  Current.router = null
})

const buttons = (container: HTMLElement) => [...container.querySelectorAll('.wish-action-panel__action, .wish-action-panel__approve, .wish-action-panel__reject')].map((b) => b.textContent)

describe('心愿详情: the action each viewer can take', () => {
  it('offers a member of the branch 我来认领 on an open wish, and nothing else; no contact', async () => {
    const { container } = renderDetail(wishDetail({ status: 'open', actions: ['claim'] }))
    await waitFor(() => expect(buttons(container)).toEqual(['我来认领']))
    expect(textOf(container, '.wish-detail__who')).toBe('心愿人：赵**（幸福小区）')
    expect(container.querySelector('.wish-detail__contact')).toBeNull()
  })

  it('claims after the dialog, and shows the claimed wish with the contact', async () => {
    const claimed = wishDetail({
      status: 'claimed',
      relation: 'claimer',
      actions: ['addProgress', 'giveBack', 'fulfil'],
      claimerName: '李秀英',
      contact: { name: '赵桂兰', phone: '13600136001', address: '幸福小区 5 栋 1 单元 202' },
    })
    const { container, stub } = renderDetail(wishDetail({ status: 'open', actions: ['claim'] }), () => ({ ok: true, data: claimed }))
    await waitFor(() => expect(container.querySelector('.wish-action-panel__claim')).not.toBeNull())
    click(container, '.wish-action-panel__claim')
    await waitFor(() => expect(document.body.querySelector('.wish-action-panel__claim-dialog .confirm-dialog__confirm')).not.toBeNull())
    click(document.body, '.wish-action-panel__claim-dialog .confirm-dialog__confirm')
    await waitFor(() => expect(textOf(container, '.wish-detail__phone')).toBe('13600136001'))
    expect(stub.calls.find((c) => c.event.action === 'claim')?.event).toEqual({ action: 'claim', wishId: WISH_ID })
    expect(buttons(container)).toEqual(['标记完成', '记录进展', '交还'])
  })

  it('tells the loser of a race 已被认领 inside the dialog', async () => {
    const { container } = renderDetail(wishDetail({ status: 'open', actions: ['claim'] }), () => ({
      ok: false,
      error: { code: 'WISH.ALREADY_CLAIMED', message: '这个心愿已被认领，看看其他心愿吧' },
    }))
    await waitFor(() => expect(container.querySelector('.wish-action-panel__claim')).not.toBeNull())
    click(container, '.wish-action-panel__claim')
    await waitFor(() => expect(document.body.querySelector('.wish-action-panel__claim-dialog .confirm-dialog__confirm')).not.toBeNull())
    click(document.body, '.wish-action-panel__claim-dialog .confirm-dialog__confirm')
    await waitFor(() => expect(textOf(document.body, '.wish-action-panel__claim-dialog .confirm-dialog__error')).toBe('这个心愿已被认领，看看其他心愿吧'))
  })

  it('offers the poster 撤回 while it waits, and tells them who acts next when there is nothing to do', async () => {
    const pending = renderDetail(wishDetail({ status: 'pending', relation: 'poster', actions: ['withdraw'] }))
    await waitFor(() => expect(buttons(pending.container)).toEqual(['撤回']))
    pending.container.remove()

    const claimed = renderDetail(wishDetail({ status: 'claimed', relation: 'poster', actions: [], claimerName: '李秀英' }))
    await waitFor(() => expect(textOf(claimed.container, '.wish-action-panel__waiting')).toBe('李秀英已认领，会联系您。'))
    expect(buttons(claimed.container)).toEqual([])
  })

  it('offers the secretary 审核通过 / 不通过 on a wish in review', async () => {
    const { container } = renderDetail(wishDetail({ status: 'pending', relation: 'secretary', actions: ['review'] }))
    await waitFor(() => expect(buttons(container)).toEqual(['审核通过', '不通过']))
  })

  it('lets the claimer mark it fulfilled only with a note and a photo', async () => {
    const { container, stub } = renderDetail(wishDetail({ status: 'claimed', relation: 'claimer', actions: ['addProgress', 'giveBack', 'fulfil'] }))
    await waitFor(() => expect(container.querySelector('.wish-action-panel__fulfil')).not.toBeNull())
    click(container, '.wish-action-panel__fulfil')
    await waitFor(() => expect(container.querySelector('.wish-fulfil-form__submit')).not.toBeNull())
    click(container, '.wish-fulfil-form__submit')
    await waitFor(() => expect(textOf(container, '.wish-action-panel__error')).toBe('请写一写是怎么完成的'))
    expect(stub.actions()).not.toContain('fulfil')
  })

  it('lets the poster confirm 满意 with thanks and consent to show the proof on the wall', async () => {
    const fulfilled = wishDetail({
      status: 'fulfilled',
      relation: 'poster',
      actions: ['confirm'],
      fulfilment: { at: '2026-11-25T02:00:00.000Z', note: { at: '2026-11-25T02:00:00.000Z', text: '已修好', held: false, rejected: false }, photos: [{ fileID: 'cloud://x.y/wish-photos/a.jpg', url: '/files/a.jpg' }] },
    })
    const confirmed = { ...fulfilled, status: 'confirmed' as const, actions: [] }
    const { container, stub } = renderDetail(fulfilled, () => ({ ok: true, data: confirmed }))
    await waitFor(() => expect(buttons(container)).toEqual(['确认完成']))
    click(container, '.wish-action-panel__confirm')
    await waitFor(() => expect(container.querySelector('.wish-confirm-form__submit')).not.toBeNull())
    click(container, '.wish-confirm-form__submit')
    await waitFor(() => expect(textOf(container, '.wish-confirm-form .form-field__error')).toBe('请选一项'))
    click(container, '.wish-confirm-form__satisfaction .option-group__option--satisfied')
    click(container, '.wish-confirm-form__submit')
    await waitFor(() => expect(textOf(container, '.wish-action-panel__waiting')).toBe('心愿已实现，已在圆梦墙展示。'))
    expect(stub.calls.find((c) => c.event.action === 'confirm')?.event).toEqual({ action: 'confirm', wishId: WISH_ID, satisfaction: 'satisfied', showProofOnWall: true })
  })

  it('lets the secretary decide on a progress note the content check held', async () => {
    const held = { at: '2026-11-22T02:00:00.000Z', text: '已联系，周六上门', held: true, rejected: false, key: '0123456789abcdef' }
    const { container, stub } = renderDetail(wishDetail({ status: 'claimed', relation: 'secretary', progress: [held] }), () => ({
      ok: true,
      data: wishDetail({ status: 'claimed', relation: 'secretary', progress: [{ ...held, held: false, key: undefined }] }),
    }))
    await waitFor(() => expect(textOf(container, '.wish-note__when')).toContain('等待书记审核后公开'))
    click(container, '.wish-note__pass')
    await waitFor(() => expect(container.querySelector('.wish-note__pass')).toBeNull())
    expect(stub.calls.find((c) => c.event.action === 'reviewText')?.event).toEqual({ action: 'reviewText', wishId: WISH_ID, key: '0123456789abcdef', decision: 'pass' })
    expect(textOf(container, '.wish-note__text')).toBe('已联系，周六上门')
  })

  it('says the wish is not there when the function answers not found', async () => {
    stubCloud(() => ({ ok: false, error: { code: 'WISH.NOT_FOUND', message: '没有找到这个心愿，可能已撤回或不对你开放' } }))
    Current.router = { params: { id: WISH_ID }, path: '' } as unknown as typeof Current.router
    const { container } = render(<WishDetailPage />)
    await waitFor(() => expect(textOf(container, '.empty-state__title')).toBe('没有找到这个心愿'))
  })
})
