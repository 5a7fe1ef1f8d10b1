import { useState } from 'react'
import { render } from '@testing-library/react'
import { RatingRow } from '@/components/rating-row'
import { SCORES } from '@contracts/rules'
import { SCORE_WORDS } from '@/features/ratings/rules/rating-format.rules'
import { click, textOf } from '../support/app/cloud-stub'

const WORDS = SCORES.map((s) => SCORE_WORDS[s])

/** The n-th star: NutUI's Rate draws one `.nut-rate-item` per star, in order. */
const star = (n: number) => `.nut-rate-item:nth-child(${n})`

/** What the person sees: the value text, the stars NutUI marks filled, and the ★ glyphs drawn. */
function shown(container: HTMLElement) {
  return {
    text: textOf(container, '.rating-row__value'),
    filled: container.querySelectorAll('.nut-rate-item-icon:not(.nut-rate-item-icon-disabled)').length,
    solid: [...container.querySelectorAll('.rating-row__star-icon')].filter((e) => e.textContent === '★').length,
  }
}

/** A row held by its parent, as the form holds it. */
function renderRow(start = 0, extra: { disabled?: boolean; max?: number } = {}) {
  const changes: number[] = []
  function Holder() {
    const [value, setValue] = useState(start)
    return (
      <RatingRow
        name='attitude'
        label='授课态度'
        value={value}
        words={WORDS}
        {...extra}
        onChange={(n) => {
          changes.push(n)
          setValue(n)
        }}
      />
    )
  }
  return { container: render(<Holder />).container, changes }
}

describe('RatingRow', () => {
  it('starts with no star filled and asks for a score', () => {
    const { container } = renderRow()
    expect(container.querySelectorAll('.nut-rate-item')).toHaveLength(5)
    expect(shown(container)).toEqual({ text: '请点星打分', filled: 0, solid: 0 })
    expect(container.querySelector('.rating-row--attitude.rating-row--empty')).not.toBeNull()
  })

  it('gives 4 分 · 满意 and four filled stars when the 4th star is tapped', () => {
    const { container, changes } = renderRow()
    click(container, star(4))
    expect(changes).toEqual([4])
    expect(shown(container)).toEqual({ text: '4 分 · 满意', filled: 4, solid: 4 })
    expect(container.querySelector('.rating-row--scored')).not.toBeNull()
  })

  it('keeps the score when the chosen star is tapped again, even a single star', () => {
    const { container, changes } = renderRow()
    click(container, star(1))
    click(container, star(1))
    expect(shown(container)).toEqual({ text: '1 分 · 很不满意', filled: 1, solid: 1 })
    click(container, star(4))
    click(container, star(4))
    expect(shown(container)).toEqual({ text: '4 分 · 满意', filled: 4, solid: 4 })
    expect(changes).toEqual([1, 4])
  })

  it('lets a lower score replace a higher one', () => {
    const { container } = renderRow(5)
    click(container, star(2))
    expect(shown(container)).toEqual({ text: '2 分 · 不满意', filled: 2, solid: 2 })
  })

  it('does nothing when disabled, and still shows the score', () => {
    const { container, changes } = renderRow(3, { disabled: true })
    click(container, star(5))
    click(container, star(1))
    expect(changes).toEqual([])
    expect(textOf(container, '.rating-row__value')).toBe('3 分 · 一般')
    // NutUI greys every icon of a disabled Rate; the ★ glyphs still show three.
    expect(shown(container).solid).toBe(3)
    expect(container.querySelector('.rating-row--disabled')).not.toBeNull()
  })

  it('draws as many stars as max, in a group labelled with the dimension', () => {
    const { container } = renderRow(0, { max: 3 })
    expect(container.querySelectorAll('.nut-rate-item')).toHaveLength(3)
    const group = container.querySelector('.rating-row__stars')
    expect(group?.getAttribute('role')).toBe('group')
    expect(group?.getAttribute('aria-label')).toBe('授课态度')
  })
})
