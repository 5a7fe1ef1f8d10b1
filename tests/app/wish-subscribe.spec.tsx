import { render, waitFor } from '@testing-library/react'
import { Current } from '@tarojs/runtime'
import type { WishDetail } from '@contracts'
import WishDetailPage from '@/packages/wishes/pages/wish-detail/index'
import { click, stubCloud, textOf } from '../support/app/cloud-stub'
import { WISH_ID, wishDetail } from '../support/app/wish-fixtures'

const Taro = jest.requireActual<{
  __subscribeRequests: () => Array<{ tmplIds: string[] }>
  __resetSubscribe: () => void
}>('@tarojs/taro')

function asPlatform(env: 'weapp' | 'h5', poster?: string, claimer?: string) {
  process.env.TARO_ENV = env
  if (poster === undefined) delete process.env.TARO_APP_WISH_POSTER_TEMPLATE_IDS
  else process.env.TARO_APP_WISH_POSTER_TEMPLATE_IDS = poster
  if (claimer === undefined) delete process.env.TARO_APP_WISH_CLAIMER_TEMPLATE_IDS
  else process.env.TARO_APP_WISH_CLAIMER_TEMPLATE_IDS = claimer
}

function renderDetail(data: WishDetail) {
  stubCloud(() => ({ ok: true, data }))
  Current.router = { params: { id: WISH_ID }, path: '/packages/wishes/pages/wish-detail/index' } as unknown as typeof Current.router
  return render(<WishDetailPage />).container
}

beforeEach(() => {
  asPlatform('weapp', 'tmpl-approved, tmpl-claimed,tmpl-fulfilled,tmpl-extra', 'tmpl-confirmed')
  Taro.__resetSubscribe()
})

afterEach(() => {
  asPlatform('h5')
  Current.router = null
})

describe('有进展时微信通知我', () => {
  it('asks the poster for up to 3 templates from the tap, and says it is done', async () => {
    const container = renderDetail(wishDetail({ status: 'pending', relation: 'poster', actions: ['withdraw'] }))
    await waitFor(() => expect(container.querySelector('.wish-subscribe__ask')).not.toBeNull())
    click(container, '.wish-subscribe__ask')
    await waitFor(() => expect(textOf(container, '.wish-subscribe__done')).toBe('好的，有进展时会通知您。'))
    expect(Taro.__subscribeRequests()).toEqual([{ tmplIds: ['tmpl-approved', 'tmpl-claimed', 'tmpl-fulfilled'] }])
  })

  it('asks the claimer for their own templates while they hold it', async () => {
    const container = renderDetail(wishDetail({ status: 'claimed', relation: 'claimer', actions: ['fulfil'] }))
    await waitFor(() => expect(container.querySelector('.wish-subscribe__ask')).not.toBeNull())
    click(container, '.wish-subscribe__ask')
    await waitFor(() => expect(Taro.__subscribeRequests()).toEqual([{ tmplIds: ['tmpl-confirmed'] }]))
  })

  it('offers nothing to a member who only looks, once the wish is closed, or in the browser', async () => {
    const looking = renderDetail(wishDetail({ status: 'open', relation: 'member', actions: ['claim'] }))
    await waitFor(() => expect(looking.querySelector('.wish-action-panel__claim')).not.toBeNull())
    expect(looking.querySelector('.wish-subscribe')).toBeNull()
    looking.remove()

    const closed = renderDetail(wishDetail({ status: 'confirmed', relation: 'poster' }))
    await waitFor(() => expect(closed.querySelector('.wish-action-panel__waiting')).not.toBeNull())
    expect(closed.querySelector('.wish-subscribe')).toBeNull()
    closed.remove()

    asPlatform('h5', 'tmpl-approved')
    const browser = renderDetail(wishDetail({ status: 'pending', relation: 'poster', actions: ['withdraw'] }))
    await waitFor(() => expect(browser.querySelector('.wish-action-panel__withdraw')).not.toBeNull())
    expect(browser.querySelector('.wish-subscribe')).toBeNull()
  })
})
