import { fireEvent, render } from '@testing-library/react'
import { OptionGroup, type OptionGroupOption } from '@/components/option-group'
import { declaredStyle, loadStylesheet } from '../support/app/stylesheet'

beforeAll(() => loadStylesheet('src/components/option-group/option-group.scss'))

type Radius = '100' | '300' | '500' | '1000'
const RADII: OptionGroupOption<Radius>[] = (['100', '300', '500', '1000'] as const).map((r) => ({ value: r, label: `${r} 米` }))
const SCOPES: OptionGroupOption<'upcoming' | 'past'>[] = [
  { value: 'upcoming', label: '即将开始' },
  { value: 'past', label: '往期党课' },
]

function groupIn(container: HTMLElement): Element {
  const group = container.querySelector('.option-group')
  if (!group) throw new Error('no .option-group')
  return group
}

describe('OptionGroup', () => {
  it('keeps each chip’s words on one line ("100 米", never "100" over "米")', () => {
    const { container } = render(<OptionGroup options={RADII} value='300' onChange={() => undefined} />)
    const labels = Array.from(container.querySelectorAll('.option-group__label'))
    expect(labels.map((l) => l.textContent)).toEqual(['100 米', '300 米', '500 米', '1000 米'])
    for (const label of labels) expect(declaredStyle(label, '.option-group')).toMatchObject({ 'white-space': 'nowrap' })
  })

  it('sets four or more chips two to a line, so each is wide enough for big text', () => {
    const { container } = render(<OptionGroup options={RADII} value='300' onChange={() => undefined} />)
    const group = groupIn(container)
    expect(group.classList.contains('option-group--grid')).toBe(true)
    expect(declaredStyle(group, '.option-group')).toMatchObject({ display: 'grid', 'grid-template-columns': 'repeat(2, 1fr)' })
    for (const option of Array.from(group.querySelectorAll('.option-group__option'))) {
      expect(declaredStyle(option, '.option-group')).toMatchObject({ 'margin-left': '0' })
    }
  })

  it('keeps two choices side by side on one line', () => {
    const { container } = render(<OptionGroup options={SCOPES} value='upcoming' onChange={() => undefined} />)
    const group = groupIn(container)
    expect(group.classList.contains('option-group--grid')).toBe(false)
    expect(declaredStyle(group, '.option-group')).toMatchObject({ display: 'flex', 'flex-direction': 'row' })
  })

  it('fills the chosen chip and reports a tap on another', () => {
    const onChange = jest.fn()
    const { container } = render(<OptionGroup options={RADII} value='300' onChange={onChange} />)
    expect(container.querySelector('.option-group__option--selected')?.textContent).toBe('300 米')
    const thousand = container.querySelector('.option-group__option--1000')
    if (!thousand) throw new Error('no 1000 米 chip')
    fireEvent.click(thousand)
    expect(onChange).toHaveBeenCalledWith('1000')
  })
})
