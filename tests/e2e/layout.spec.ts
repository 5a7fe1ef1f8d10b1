import type { Page } from 'playwright-core'
import { DEMO_OPENIDS, launchBrowser, signIn, startTestHost, type TestBrowser, type TestHost } from '../support/e2e'

/**
 * The H5 app on a laptop (1280×800): a phone-width column in the middle, not a phone blown up to the
 * window (config/index.ts caps the root font; src/app.scss centres the column); the 签到大屏 still
 * fills the window. On a phone the column is the whole screen.
 */
let host: TestHost
let browser: TestBrowser
let page: Page

beforeAll(async () => {
  host = await startTestHost()
  browser = await launchBrowser()
  page = await browser.newPage()
})

afterAll(async () => {
  await browser?.close()
  await host?.close()
})

/** The column's limit (config/index.ts H5_COLUMN_MAX), with a little room for rounding. */
const COLUMN_MAX = 480

const api = <T>(fn: string, openid: string, event: Record<string, unknown>) => host.api<T>(fn, openid, event)

async function boxOf(selector: string): Promise<{ left: number; width: number; right: number; fontSize: number }> {
  await page.locator(selector).first().waitFor()
  return page.evaluate((sel) => {
    const el = document.querySelector(sel)
    if (!el) throw new Error(`${sel} not found`)
    const r = el.getBoundingClientRect()
    return { left: r.left, width: r.width, right: r.right, fontSize: parseFloat(getComputedStyle(el).fontSize) }
  }, selector)
}

async function actAs(openid: string, next: string): Promise<void> {
  await page.goto('about:blank')
  await signIn(page, host.url, openid, next)
}

describe('the H5 app on a laptop', () => {
  it('keeps 首页 in a centred phone-width column at 1280×800, with text at a phone’s size', async () => {
    await page.setViewportSize({ width: 1280, height: 800 })
    await actAs(DEMO_OPENIDS.member1, '/#/pages/index/index')
    const app = await boxOf('.taro-tabbar__container')
    expect(app.width).toBeLessThanOrEqual(COLUMN_MAX + 1)
    expect(app.width).toBeGreaterThanOrEqual(360)
    // Centred: as much room on either side.
    expect(Math.abs(app.left - (1280 - app.right))).toBeLessThanOrEqual(1)
    const card = await boxOf('.home-page__lectures')
    expect(card.left).toBeGreaterThanOrEqual(app.left)
    expect(card.right).toBeLessThanOrEqual(app.right)
    // A hint (32 design px) as on a large phone, about 20 px at 480 px wide, not the 32 px it was.
    const hint = await boxOf('.home-page__lectures .app-card__hint')
    expect(hint.fontSize).toBeLessThanOrEqual(24)
    // The tab bar sits in the column too.
    const tabs = await boxOf('.weui-tabbar')
    expect(tabs.width).toBeLessThanOrEqual(COLUMN_MAX + 1)
  })

  it('fills a phone’s screen as before (390×844)', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await actAs(DEMO_OPENIDS.member1, '/#/pages/index/index')
    const app = await boxOf('.taro-tabbar__container')
    expect(Math.round(app.width)).toBe(390)
    const hint = await boxOf('.home-page__lectures .app-card__hint')
    // A hint is $font-small, 32 design px: on a 390 px phone, 32 × 390 / 750.
    expect(hint.fontSize).toBeCloseTo((32 * 390) / 750, 0)
  })

  it('gives the 签到大屏 the whole 1280×800 window, and the column back to the page opened from it', async () => {
    const start = Date.now() + 10 * 60_000
    const created = await api<{ id: string }>('lecture', DEMO_OPENIDS.secretary, {
      action: 'create',
      title: '宽屏布局检查',
      speaker: { name: '王建国' },
      startAt: new Date(start).toISOString(),
      endAt: new Date(start + 60 * 60_000).toISOString(),
      location: { name: '社区党群服务中心' },
    })
    await api('lecture', DEMO_OPENIDS.secretary, { action: 'publish', lectureId: created.id })

    await page.setViewportSize({ width: 1280, height: 800 })
    await actAs(DEMO_OPENIDS.secretary, `/#/packages/secretary/pages/lecture-display/index?id=${created.id}`)
    const board = await boxOf('.check-in-board')
    expect(Math.round(board.width)).toBe(1280)
    expect(board.left).toBe(0)

    await actAs(DEMO_OPENIDS.secretary, `/#/pages/lecture-detail/index?id=${created.id}`)
    const app = await boxOf('.taro-tabbar__container')
    expect(app.width).toBeLessThanOrEqual(COLUMN_MAX + 1)
  })
})
