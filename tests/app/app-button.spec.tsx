import { render, waitFor } from '@testing-library/react'
import { Button } from '@tarojs/components'
import { declaredStyle, loadStylesheet } from '../support/app/stylesheet'

/** Taro's own H5 Button against the real src/app.scss: what the browser matches, not what classes suggest. */
beforeAll(() => loadStylesheet('src/app.scss'))

const GREY = { background: '#ebebeb', 'border-color': '#b3b3b3', color: '#4d4d4d' }
const RED = { background: '#c8102e', color: '#fff' }

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
    expect(declaredStyle(button, '.app-button')).toMatchObject(GREY)
    expect(declaredStyle(button, '.app-button')).not.toHaveProperty('opacity')
  })

  it('turns a disabled secondary button grey too', async () => {
    const { container } = render(
      <Button className='app-button app-button--secondary' disabled>
        重新定位
      </Button>,
    )
    const button = buttonIn(container)
    await waitFor(() => expect(button.getAttribute('disabled')).toBe(''))
    expect(declaredStyle(button, '.app-button')).toMatchObject(GREY)
  })

  it('keeps an enabled button red with white words, though Taro H5 writes disabled="false" on it', async () => {
    const plain = buttonIn(render(<Button className='app-button'>补录签到</Button>).container)
    const explicit = buttonIn(render(<Button className='app-button' disabled={false}>补录签到</Button>).container)
    await waitFor(() => expect(explicit.getAttribute('disabled')).toBe('false'))
    expect(plain.hasAttribute('disabled')).toBe(false)
    expect(declaredStyle(plain, '.app-button')).toMatchObject(RED)
    expect(declaredStyle(explicit, '.app-button')).toMatchObject(RED)
  })

  it('greys the mini-program’s button, which carries disabled only while disabled', () => {
    const weapp = document.createElement('wx-button')
    weapp.className = 'app-button'
    expect(declaredStyle(weapp, '.app-button')).toMatchObject(RED)
    weapp.setAttribute('disabled', 'true')
    expect(declaredStyle(weapp, '.app-button')).toMatchObject(GREY)
  })
})
