import { render } from '@testing-library/react'
import { Button } from '@tarojs/components'
import { EmptyState } from '@/components/empty-state'
import { LoadingState } from '@/components/loading-state'
import { contrast, parseColour, saturation } from '../support/app/colour'
import { declaredStyle, keyframeNames, loadStylesheet } from '../support/app/stylesheet'

let sheet: CSSStyleSheet
beforeAll(() => {
  sheet = loadStylesheet('src/components/empty-state/empty-state.scss')
})

function markOf(container: HTMLElement): Element {
  const mark = container.querySelector('.empty-state__mark')
  if (!mark) throw new Error('no .empty-state__mark')
  return mark
}

describe('EmptyState', () => {
  it('says what is missing and offers the next step', () => {
    const { container } = render(
      <EmptyState title='还没有签到记录' hint='参加党课时扫描现场二维码签到'>
        <Button className='app-button'>看看近期党课</Button>
      </EmptyState>,
    )
    expect(container.querySelector('.empty-state__title')?.textContent).toBe('还没有签到记录')
    expect(container.querySelector('.empty-state__hint')?.textContent).toBe('参加党课时扫描现场二维码签到')
    expect(container.querySelector('.empty-state__actions .app-button')?.textContent).toBe('看看近期党课')
  })

  it('draws a still picture (a blank sheet on a solid soft disc), not a ring that reads as loading', () => {
    const { container } = render(<EmptyState title='近期没有安排党课' />)
    const mark = markOf(container)
    expect(mark.querySelectorAll('.empty-state__sheet .empty-state__sheet-line')).toHaveLength(2)
    const look = declaredStyle(mark, '.empty-state')
    expect(look['border-radius']).toBe('50%')
    // Solid and soft: an opaque, muted fill that shows on a white card without drawing the eye.
    expect(parseColour(look.background).a).toBe(1)
    expect(saturation(look.background)).toBeLessThan(0.3)
    expect(contrast(look.background, '#fff')).toBeGreaterThan(1.1)
    expect(contrast(look.background, '#fff')).toBeLessThan(1.5)
    expect(Object.keys(look).filter((p) => p.startsWith('border') && p !== 'border-radius')).toEqual([])
    for (const el of [mark, ...Array.from(mark.querySelectorAll('*'))]) {
      expect(Object.keys(declaredStyle(el, '.empty-state')).filter((p) => p.startsWith('animation') || p.startsWith('transform'))).toEqual([])
    }
    expect(keyframeNames(sheet)).toEqual([])
  })

  it('looks nothing like LoadingState, whose spinner is a turning ring', () => {
    const loading = loadStylesheet('src/components/loading-state/loading-state.scss')
    const { container } = render(<LoadingState />)
    const spinner = container.querySelector('.loading-state__spinner')
    if (!spinner) throw new Error('no spinner')
    expect(declaredStyle(spinner, '.loading-state')).toHaveProperty('animation')
    expect(keyframeNames(loading)).toEqual(['loading-state-spin'])
    expect(container.querySelector('.empty-state__mark')).toBeNull()
  })
})
