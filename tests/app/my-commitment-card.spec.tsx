import { render, waitFor } from '@testing-library/react'
import MyCommitmentCardPage from '@/packages/commitments/pages/my-card/index'
import { click, stubCloud, textOf, typeInto, type Answer } from '../support/app/cloud-stub'
import { myCard } from '../support/app/commitment-fixtures'

function openCard(answer: (event: Record<string, unknown>) => Answer | Promise<Answer>) {
  const stub = stubCloud((_fn, event) => answer(event))
  return { container: render(<MyCommitmentCardPage />).container, stub }
}

const inputValue = (container: HTMLElement, selector: string) => container.querySelector<HTMLInputElement>(`${selector} input`)?.value

describe('我的亮身份名片', () => {
  it('shows the card as the board shows it, and my own phone in the form even when it is not shown', async () => {
    const { container } = openCard(() => ({ ok: true, data: myCard() }))
    await waitFor(() => expect(textOf(container, '.commitment-member-card__post')).toBe('岗位：3 号楼楼栋长'))
    expect(container.querySelector('.commitment-member-card__phone')).toBeNull()
    await waitFor(() => expect(inputValue(container, '.my-commitment-card__phone')).toBe('13900139000'))
    expect(container.querySelector('.my-commitment-card__show .option-group__option--hide.option-group__option--selected')).not.toBeNull()
  })

  it('saves the post and the choice to show the phone, and shows the card as saved', async () => {
    const saved = myCard({ post: '党员志愿者', phone: '13900139000', showPhone: true })
    const { container, stub } = openCard((e) => (e.action === 'saveCard' ? { ok: true, data: saved } : { ok: true, data: myCard() }))
    await waitFor(() => expect(inputValue(container, '.my-commitment-card__post')).toBe('3 号楼楼栋长'))
    await typeInto(container, '.my-commitment-card__post', '党员志愿者')
    click(container, '.my-commitment-card__show .option-group__option--show')
    click(container, '.my-commitment-card__submit')
    await waitFor(() => expect(textOf(container, '.commitment-member-card__phone')).toBe('电话：13900139000'))
    expect(stub.calls.find((c) => c.event.action === 'saveCard')?.event).toEqual({ action: 'saveCard', post: '党员志愿者', phone: '13900139000', showPhone: true })
  })

  it('refuses to show an empty phone before asking, and keeps what was typed when the function refuses', async () => {
    const { container, stub } = openCard((e) =>
      e.action === 'saveCard'
        ? { ok: false, error: { code: 'COMMON.INVALID_INPUT', message: '请检查填写的内容', fields: { post: '岗位不能只写标点' } } }
        : { ok: true, data: myCard({ ownPhone: '' }) },
    )
    await waitFor(() => expect(container.querySelector('.my-commitment-card__submit')).not.toBeNull())
    click(container, '.my-commitment-card__show .option-group__option--show')
    click(container, '.my-commitment-card__submit')
    await waitFor(() => expect(textOf(container, '.my-commitment-card__phone-field .form-field__error')).toBe('要公开电话，请先填写手机号'))
    expect(stub.actions()).toEqual(['myCard'])

    await typeInto(container, '.my-commitment-card__phone', '13900139000')
    await typeInto(container, '.my-commitment-card__post', '。。。')
    click(container, '.my-commitment-card__submit')
    await waitFor(() => expect(textOf(container, '.my-commitment-card__post-field .form-field__error')).toBe('岗位不能只写标点'))
    expect(inputValue(container, '.my-commitment-card__post')).toBe('。。。')
    expect(inputValue(container, '.my-commitment-card__phone')).toBe('13900139000')
  })

  it('says why the card cannot be loaded', async () => {
    const { container } = openCard(() => ({ ok: false, error: { code: 'NETWORK.FAILED', message: '网络不太好，请稍后重试' } }))
    await waitFor(() => expect(container.querySelector('.my-commitment-card--error')?.textContent).toContain('网络不太好'))
  })
})
