import { render, waitFor } from '@testing-library/react'
import { Button } from '@tarojs/components'
import { contrast, hue, parseColour, saturation } from '../support/app/colour'
import { declaredStyle, loadStylesheet } from '../support/app/stylesheet'

/** Taro's own H5 Button against the real src/app.scss: what the browser matches, not what classes suggest. */
beforeAll(() => loadStylesheet('src/app.scss'))

/**
 * Cannot be pressed: grey all over (a faded red would still say "press me"), the edge still showing,
 * and the words, often what to do first, readable at the app's 7:1 for text, not faded by opacity.
 */
function expectLooksDisabled(el: Element): void {
  const look = declaredStyle(el, '.app-button')
  expect(saturation(look.background)).toBeLessThan(0.05)
  expect(saturation(look['border-color'])).toBeLessThan(0.05)
  expect(contrast(look['border-color'], look.background)).toBeGreaterThan(1.5)
  expect(contrast(look.color, look.background)).toBeGreaterThanOrEqual(7)
  expect(look).not.toHaveProperty('opacity')
}

/** Ready to press: the app's red, solid, with white words readable on it. */
function expectLooksEnabled(el: Element): void {
  const look = declaredStyle(el, '.app-button')
  const fill = look.background
  expect(saturation(fill)).toBeGreaterThan(0.6)
  expect(Math.min(hue(fill), 360 - hue(fill))).toBeLessThan(15)
  expect(parseColour(look.color)).toEqual(parseColour('#fff'))
  expect(contrast(look.color, fill)).toBeGreaterThanOrEqual(4.5)
  expect(look).not.toHaveProperty('opacity')
}

function buttonIn(container: HTMLElement): Element {
  const button = container.querySelector('.app-button')
  if (!button) throw new Error('no .app-button')
  return button
}

describe('app-button', () => {
  it('turns grey with dark words (7:1, not faded) when disabled, as Taro H5 renders it: disabled=""', async () => {
    const { container } = render(
      <Button className='app-button app-button--block' disabled>
        请先选择人员
      </Button>,
    )
    const button = buttonIn(container)
    await waitFor(() => expect(button.getAttribute('disabled')).toBe(''))
    expectLooksDisabled(button)
  })

  it('turns a disabled secondary button grey too', async () => {
    const { container } = render(
      <Button className='app-button app-button--secondary' disabled>
        重新定位
      </Button>,
    )
    const button = buttonIn(container)
    await waitFor(() => expect(button.getAttribute('disabled')).toBe(''))
    expectLooksDisabled(button)
  })

  it('keeps an enabled button red with white words, though Taro H5 writes disabled="false" on it', async () => {
    const plain = buttonIn(render(<Button className='app-button'>补录签到</Button>).container)
    const explicit = buttonIn(render(<Button className='app-button' disabled={false}>补录签到</Button>).container)
    await waitFor(() => expect(explicit.getAttribute('disabled')).toBe('false'))
    expect(plain.hasAttribute('disabled')).toBe(false)
    expectLooksEnabled(plain)
    expectLooksEnabled(explicit)
  })

  it('greys the mini-program’s button, which carries disabled only while disabled', () => {
    const weapp = document.createElement('wx-button')
    weapp.className = 'app-button'
    expectLooksEnabled(weapp)
    weapp.setAttribute('disabled', 'true')
    expectLooksDisabled(weapp)
  })
})
