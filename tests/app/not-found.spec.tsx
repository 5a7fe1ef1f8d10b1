import { fireEvent, render } from '@testing-library/react'
import type { ErrorBody } from '@contracts'
import App from '@/app'
import NotFoundPage from '@/pages/not-found/index'
import { CallErrorView } from '@/features/session'

const Taro = jest.requireActual<{ __fire: (name: string, ...args: unknown[]) => unknown; __navigations: () => Array<{ kind: string; url: string }>; __resetNavigations: () => void }>('@tarojs/taro')

beforeEach(() => Taro.__resetNavigations())

function click(container: HTMLElement, selector: string) {
  const el = container.querySelector(selector)
  if (!el) throw new Error(`no ${selector}`)
  fireEvent.click(el)
}

describe('dead ends lead back to 首页 / 党课', () => {
  it('sends an unknown route to the not-found page', () => {
    render(<App />)
    Taro.__fire('usePageNotFound', { path: '/pages/nowhere/index', isEntryPage: true, query: {} })
    expect(Taro.__navigations()).toEqual([{ kind: 'redirectTo', url: '/pages/not-found/index' }])
  })

  it('the not-found page says so and offers 回首页 and 看党课', () => {
    const { container } = render(<NotFoundPage />)
    expect(container.querySelector('.error-state__title')?.textContent).toBe('没有找到这个页面')
    click(container, '.not-found__home')
    click(container, '.not-found__lectures')
    expect(Taro.__navigations()).toEqual([
      { kind: 'switchTab', url: '/pages/index/index' },
      { kind: 'switchTab', url: '/pages/lectures/index' },
    ])
  })

  it.each<[string, ErrorBody, string]>([
    ['a malformed lecture id', { code: 'COMMON.INVALID_INPUT', message: '党课编号格式不正确', fields: { lectureId: '党课编号格式不正确' } }, '链接不完整'],
    ['a lecture that is gone', { code: 'LECTURE.NOT_FOUND', message: '没有找到这场党课，可能已被删除或不对你开放' }, '没有找到'],
  ])('a link with %s gets no 重试 but the way back', (_label, error, title) => {
    const retry = jest.fn()
    const { container } = render(<CallErrorView error={error} onRetry={retry} />)
    expect(container.querySelector('.error-state__title')?.textContent).toBe(title)
    expect(container.querySelector('.error-state__retry')).toBeNull()
    expect(container.textContent).not.toMatch(/lectureId/)
    expect(container.querySelector('.not-found__home')).not.toBeNull()
    expect(container.querySelector('.not-found__lectures')).not.toBeNull()
  })

  it('keeps 重试 for a failure that may pass', () => {
    const { container } = render(<CallErrorView error={{ code: 'NETWORK.FAILED', message: '网络不太稳定' }} onRetry={jest.fn()} />)
    expect(container.querySelector('.error-state__retry')).not.toBeNull()
    expect(container.querySelector('.not-found__home')).toBeNull()
  })
})
