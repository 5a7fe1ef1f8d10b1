import { fireEvent, render, waitFor } from '@testing-library/react'
import WishPostPage from '@/packages/wishes/pages/wish-post/index'
import { resetWhoamiStore } from '@/features/members/whoami.store'
import { checkWishForm, EMPTY_WISH_FORM } from '@/features/wishes/rules/wish-form.rules'
import { click, stubCloud, textOf, typeInto } from '../support/app/cloud-stub'
import { whoamiAs } from '../support/app/fixtures'
import { wishDetail } from '../support/app/wish-fixtures'

const Taro = jest.requireActual<{ __navigations: () => Array<{ kind: string; url: string }>; __resetNavigations: () => void }>('@tarojs/taro')

beforeEach(() => {
  resetWhoamiStore()
  Taro.__resetNavigations()
})

const FILLED = {
  ...EMPTY_WISH_FORM,
  title: '想给孙子买一个新书包',
  description: '书包背带断了',
  category: 'study' as const,
  cost: '80',
  phone: '136 0013 6001',
  address: '5 栋 1 单元 202',
  neighbourhood: '幸福小区',
}

describe('the post form check (from the zod-free wish rules)', () => {
  it.each([
    ['an empty title', { title: ' ' }, 'title', '请用一句话写下心愿，例如“想要一个新书包”'],
    ['a title over 30 characters', { title: '书'.repeat(31) }, 'title', '标题不超过 30 个字'],
    ['a cost over 300 yuan', { cost: '301' }, 'cost', '微心愿的预计花费不超过 300 元'],
    ['a cost of -1', { cost: '-1' }, 'cost', '预计花费请填写整数（元）'],
    ['no category', { category: '' as const }, 'category', '请选择心愿类别'],
    ['a short phone', { phone: '1360013' }, 'phone', '请填写 11 位手机号'],
  ])('refuses %s', (_label, over, field, message) => {
    const checked = checkWishForm({ ...FILLED, ...over }, false)
    expect(checked.ok).toBe(false)
    if (!checked.ok) expect(checked.errors[field as keyof typeof checked.errors]).toBe(message)
  })

  it('cleans what it sends, and names the beneficiary only for 代录', () => {
    expect(checkWishForm(FILLED, false)).toEqual({
      ok: true,
      value: { title: FILLED.title, description: FILLED.description, category: 'study', cost: 80, phone: '13600136001', address: FILLED.address, neighbourhood: '幸福小区' },
    })
    const onBehalf = checkWishForm({ ...FILLED, beneficiaryName: '' }, true)
    expect(onBehalf.ok ? null : onBehalf.errors.beneficiaryName).toBe('请填写心愿人姓名')
    const named = checkWishForm({ ...FILLED, beneficiaryName: ' 赵桂兰 ' }, true)
    expect(named.ok ? named.value.onBehalfOf : null).toEqual({ name: '赵桂兰' })
  })
})

async function fill(container: HTMLElement) {
  await typeInto(container, '.wish-form__title', FILLED.title)
  const area = container.querySelector<HTMLTextAreaElement>('.wish-form__description textarea')
  if (!area) throw new Error('no description box')
  area.value = FILLED.description
  fireEvent.input(area)
  click(container, '.wish-form__category .option-group__option--study')
  await typeInto(container, '.wish-form__cost', FILLED.cost)
  await typeInto(container, '.wish-form__phone', '13600136001')
  await typeInto(container, '.wish-form__neighbourhood', FILLED.neighbourhood)
  await typeInto(container, '.wish-form__address', FILLED.address)
}

describe('发布心愿 page', () => {
  it('shows what to fix on the form and sends nothing', async () => {
    const stub = stubCloud(() => ({ ok: true, data: whoamiAs('resident') }))
    const { container } = render(<WishPostPage />)
    await waitFor(() => expect(container.querySelector('.wish-form__submit')).not.toBeNull())
    expect(container.querySelector('.wish-form__name-field')).toBeNull()
    click(container, '.wish-form__submit')
    await waitFor(() => expect(textOf(container, '.wish-form__title-field .form-field__error')).toBe('请用一句话写下心愿，例如“想要一个新书包”'))
    expect(textOf(container, '.wish-form__category-field .form-field__error')).toBe('请选择心愿类别')
    expect(textOf(container, '.wish-form__phone-field .form-field__error')).toBe('请填写 11 位手机号')
    expect(stub.actions()).not.toContain('post')
  })

  it('keeps everything typed when the function refuses, and says why', async () => {
    const stub = stubCloud((_fn, event) =>
      event.action === 'whoami'
        ? { ok: true, data: whoamiAs('resident') }
        : { ok: false, error: { code: 'WISH.OPEN_LIMIT', message: '这位心愿人已有 3 个未完成的心愿，完成或撤回后再发布' } },
    )
    const { container } = render(<WishPostPage />)
    await waitFor(() => expect(container.querySelector('.wish-form__submit')).not.toBeNull())
    await fill(container)
    click(container, '.wish-form__submit')
    await waitFor(() => expect(textOf(container, '.wish-form__error')).toBe('这位心愿人已有 3 个未完成的心愿，完成或撤回后再发布'))
    const posted = stub.calls.find((c) => c.event.action === 'post')?.event
    expect(posted).toMatchObject({ title: FILLED.title, category: 'study', cost: 80, phone: '13600136001' })
    expect(posted).not.toHaveProperty('onBehalfOf')
    expect(container.querySelector<HTMLInputElement>('.wish-form__title input')?.value).toBe(FILLED.title)
    expect(container.querySelector<HTMLInputElement>('.wish-form__address input')?.value).toBe(FILLED.address)
    expect(container.querySelector('.wish-form__category .option-group__option--study.option-group__option--selected')).not.toBeNull()
  })

  it('puts the server field messages on the fields (a text the content check refused)', async () => {
    stubCloud((_fn, event) =>
      event.action === 'whoami'
        ? { ok: true, data: whoamiAs('resident') }
        : { ok: false, error: { code: 'WISH.TEXT_REJECTED', message: '内容中含有不适宜公开的内容，请修改后再提交（已填写的内容不会丢失）', fields: { description: '请修改后再提交' } } },
    )
    const { container } = render(<WishPostPage />)
    await waitFor(() => expect(container.querySelector('.wish-form__submit')).not.toBeNull())
    await fill(container)
    click(container, '.wish-form__submit')
    await waitFor(() => expect(textOf(container, '.wish-form__description-field .form-field__error')).toBe('请修改后再提交'))
    expect(container.querySelector<HTMLTextAreaElement>('.wish-form__description textarea')?.value).toBe(FILLED.description)
  })

  it('lets a member record a wish for a resident (代录), naming them, then opens the wish', async () => {
    const stub = stubCloud((_fn, event) =>
      event.action === 'whoami' ? { ok: true, data: whoamiAs('member') } : { ok: true, data: wishDetail({ status: 'pending', relation: 'poster', recordedOnBehalf: true }) },
    )
    const { container } = render(<WishPostPage />)
    await waitFor(() => expect(container.querySelector('.wish-form__name-field')).not.toBeNull())
    await fill(container)
    click(container, '.wish-form__submit')
    await waitFor(() => expect(textOf(container, '.wish-form__name-field .form-field__error')).toBe('请填写心愿人姓名'))
    expect(stub.actions()).not.toContain('post')
    await typeInto(container, '.wish-form__name', '赵桂兰')
    click(container, '.wish-form__submit')
    await waitFor(() => expect(Taro.__navigations()).toEqual([{ kind: 'redirectTo', url: '/packages/wishes/pages/wish-detail/index?id=Wabcdefghij' }]))
    expect(stub.calls.find((c) => c.event.action === 'post')?.event.onBehalfOf).toEqual({ name: '赵桂兰' })
  })
})
