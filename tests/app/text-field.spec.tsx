import { render } from '@testing-library/react'
import { LECTURE_TITLE_MAX } from '@contracts/rules'
import { TextField } from '@/components/text-field'

const noop = () => undefined

describe('TextField: a limited box never cuts silently', () => {
  it('counts what is typed against the limit', () => {
    const { container } = render(<TextField label='标题' value='学习党章' onInput={noop} maxLength={LECTURE_TITLE_MAX} />)
    expect(container.querySelector('.char-counter__count')?.textContent).toBe(`4/${LECTURE_TITLE_MAX}`)
    expect(container.querySelector('.char-counter__note')).toBeNull()
  })

  it('says so at the limit, where a longer paste was cut', () => {
    const { container } = render(<TextField label='标题' value={'党'.repeat(LECTURE_TITLE_MAX)} onInput={noop} maxLength={LECTURE_TITLE_MAX} />)
    expect(container.querySelector('.char-counter--full')).not.toBeNull()
    expect(container.querySelector('.char-counter__note')?.textContent).toBe(`最多 ${LECTURE_TITLE_MAX} 个字，多出的部分不会保留`)
  })

  it('leaves a number box (a fixed shape its own message explains) without one, unless asked', () => {
    expect(render(<TextField value='30' type='number' onInput={noop} maxLength={4} />).container.querySelector('.char-counter')).toBeNull()
    expect(render(<TextField value='ABC' onInput={noop} maxLength={8} counter={false} />).container.querySelector('.char-counter')).toBeNull()
  })
})
