import type { Page } from 'playwright-core'
import { beijingMonthOf, fulfilmentRate, satisfactionRate, type OutcomeCounts, type SatisfactionCounts } from '../../cloudfunctions/contracts/rules'
import { DEMO_BRANCH_IDS, DEMO_INVITE_CODES, DEMO_OPENIDS, launchBrowser, signIn, startTestHost, type TestBrowser, type TestHost } from '../support/e2e'
import { decodeQrPng } from '../support/qr-decode'

/**
 * 公开承诺 in a real browser, this Beijing month: a new party member joins and submits two commitments →
 * the secretary publishes them (asked first) and the board → the member posts progress and a result →
 * a resident with no branch opens the public board from the code printed on the A4 sheet → a resident
 * of the branch rates → the board shows the rating and the month's figures. Then the projector view at
 * 1280×720 and the print view's paper size. The tests run in order: each starts where the last stopped.
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

const MONTH = beijingMonthOf(Date.now())
const BRANCH = DEMO_BRANCH_IDS.first
const MINE = '/#/pages/mine/index'
const MY_PLAN = '/#/packages/commitments/pages/my-plan/index'
const query = `branchId=${BRANCH}&month=${MONTH}`
const MEMBER = 'e2e-commitment-member'
const VISITOR = 'e2e-commitment-visitor'
const NAME = `周${Date.now().toString(36).slice(-3)}明`

/** As `openid` from now on; about:blank first, so a new hash on the same document is not a route push. */
async function actAs(openid: string, next: string): Promise<void> {
  await page.goto('about:blank')
  await signIn(page, host.url, openid, next)
}

async function text(selector: string): Promise<string> {
  const el = page.locator(selector).first()
  await el.waitFor({ state: 'visible' })
  return (await el.textContent()) ?? ''
}

interface StoredPlan {
  _id: string
  status: string
  branchId: string
  month: string
  items: { outcome: { outcome: keyof OutcomeCounts } | null }[]
  satisfaction: SatisfactionCounts
}

async function storedPlan(): Promise<StoredPlan | undefined> {
  const [plan] = (await host.store.find('commitment_plans', { openid: MEMBER, month: MONTH })) as unknown as StoredPlan[]
  return plan
}

/** The branch's figures of the month as the rules compute them from what is stored (published plans only). */
async function expectedFigures(): Promise<{ fulfilment: string; satisfaction: string }> {
  const plans = (await host.store.find('commitment_plans', { branchId: BRANCH, month: MONTH, status: 'published' })) as unknown as StoredPlan[]
  const outcomes: OutcomeCounts = { kept: 0, partial: 0, unkept: 0, overdue: 0, open: 0 }
  const satisfaction: SatisfactionCounts = { satisfied: 0, basic: 0, unsatisfied: 0 }
  for (const plan of plans) {
    for (const item of plan.items) outcomes[item.outcome?.outcome ?? 'open'] += 1
    for (const k of ['satisfied', 'basic', 'unsatisfied'] as const) satisfaction[k] += plan.satisfaction?.[k] ?? 0
  }
  const pct = (r: number | null) => (r === null ? '—' : `${r}%`)
  return { fulfilment: pct(fulfilmentRate(outcomes)), satisfaction: pct(satisfactionRate(satisfaction)) }
}

/** The code's image drawn large on a canvas in the page, then read by jsQR: what a phone held to the sheet sees. */
async function readCode(selector: string): Promise<string> {
  await page.locator(selector).first().waitFor({ state: 'visible' })
  const dataUrl = await page.evaluate(async (sel) => {
    const img = document.querySelector<HTMLImageElement>(sel)
    if (!img) throw new Error(`no ${sel}`)
    const canvas = document.createElement('canvas')
    canvas.width = 640
    canvas.height = 640
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('no canvas')
    ctx.fillStyle = '#fff'
    ctx.fillRect(0, 0, 640, 640)
    const big = new Image()
    big.src = img.src
    await big.decode()
    ctx.drawImage(big, 40, 40, 560, 560)
    return canvas.toDataURL('image/png')
  }, `${selector} img, img${selector}`)
  return decodeQrPng(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64')).text
}

let boardLink = ''

describe('公开承诺: commit, publish, progress, result, public board, rating, figures', () => {
  it('lets a new party member join (confirmed by the secretary) and submit two commitments; they wait for the secretary', async () => {
    await actAs(MEMBER, MINE)
    await page.locator('.join-form__name input').fill(NAME)
    await page.locator('.join-form__code input').fill(DEMO_INVITE_CODES[BRANCH].member)
    await page.locator('.join-form__submit').click()
    // A member code asks the secretary, who confirms on 党员身份确认; only then is the newcomer a 党员.
    await page.locator('.join-request-card--pending').waitFor()
    await actAs(DEMO_OPENIDS.secretary, '/#/packages/secretary/pages/join-requests/index')
    const request = page.locator('.join-request-row').filter({ hasText: NAME })
    await request.locator('.join-request-row__approve').click()
    await page.locator('.confirm-dialog__confirm').filter({ hasText: '确认为党员' }).click()
    await request.waitFor({ state: 'detached' })
    await actAs(MEMBER, MINE)
    await page.locator('.mine-page__role').filter({ hasText: '党员' }).waitFor()

    // 首页's 承诺 card opens the branch's board, which offers a party member 写承诺.
    await actAs(MEMBER, '/#/pages/index/index')
    await page.locator('.home-page__to-commitments').click()
    await page.locator('.commitment-board__to-mine').click()
    await page.locator('.commitment-draft-form__item--0').waitFor()
    await page.locator('.commitment-draft-form__item--0 .commitment-draft-form__text textarea').fill('每周走访两户独居老人，帮忙解决实际困难')
    await page.locator('.commitment-draft-form__item--0 .option-group__option--service').click()
    await page.locator('.commitment-draft-form__item--0 .commitment-draft-form__measure input').fill('全月走访 8 户，有走访记录')
    await page.locator('.commitment-draft-form__add').click()
    await page.locator('.commitment-draft-form__item--1 .commitment-draft-form__text textarea').fill('学习党的二十届四中全会精神，写一篇心得')
    await page.locator('.commitment-draft-form__item--1 .option-group__option--study').click()
    await page.locator('.commitment-draft-form__item--1 .commitment-draft-form__measure input').fill('心得 1 篇，在支部会上交流')
    await page.locator('.commitment-draft-form__submit').click()

    await page.locator('.my-commitments__plan-status--submitted').waitFor()
    expect(await page.locator('.commitment-item__text').allTextContents()).toEqual(['每周走访两户独居老人，帮忙解决实际困难', '学习党的二十届四中全会精神，写一篇心得'])
    expect((await storedPlan())?.status).toBe('submitted')
  })

  it('shows the secretary how many wait, and publishes the plan and the board only after asking', async () => {
    await actAs(DEMO_OPENIDS.secretary, MINE)
    await page.locator('.mine-page__to-commitment-review').filter({ hasText: '份待审核' }).waitFor()
    await page.locator('.mine-page__to-commitment-review').click()

    const row = page.locator('.commitment-review__plan').filter({ hasText: NAME })
    await row.waitFor()
    expect(await row.locator('.commitment-review__item-text').allTextContents()).toEqual(['1. 每周走访两户独居老人，帮忙解决实际困难', '2. 学习党的二十届四中全会精神，写一篇心得'])
    await row.locator('.commitment-review__publish').click()
    await page.locator('.confirm-dialog__confirm').filter({ hasText: '确认公示' }).waitFor()
    // Asked, not yet done.
    expect((await storedPlan())?.status).toBe('submitted')
    await page.locator('.confirm-dialog__confirm').click()
    await row.waitFor({ state: 'detached' })
    expect((await storedPlan())?.status).toBe('published')

    await page.locator('.commitment-review__to-figures').click()
    await page.locator('.commitment-month__status').waitFor()
    if ((await text('.commitment-month__status')) === '未公示') {
      await page.locator('.commitment-month__publish').click()
      await page.locator('.confirm-dialog__confirm').filter({ hasText: '确认公示' }).click()
    }
    await page.locator('.commitment-month__status').filter({ hasText: '公示中' }).waitFor()
    const [board] = (await host.store.find('commitment_boards', { branchId: BRANCH, month: MONTH })) as { status: string }[]
    expect(board?.status).toBe('published')
  })

  it('lets the member post progress on one item and the result of the other', async () => {
    await actAs(MEMBER, MY_PLAN)
    const first = page.locator('.commitment-item').filter({ hasText: '走访两户独居老人' })
    await first.locator('.commitment-item-forms__open--addProgress').click()
    await first.locator('.commitment-progress-form__percent input').fill('60')
    await first.locator('.commitment-progress-form__note textarea').fill('本周走访了 3 户，帮王大爷修好了门锁')
    await first.locator('.commitment-progress-form__submit').click()
    await first.locator('.commitment-progress-form').waitFor({ state: 'detached' })
    await page.locator('.commitment-item').filter({ hasText: '帮王大爷修好了门锁' }).waitFor()

    const second = page.locator('.commitment-item').filter({ hasText: '二十届四中全会' })
    await second.locator('.commitment-item-forms__open--setOutcome').click()
    await second.locator('.commitment-outcome-form__outcome .option-group__option--kept').click()
    await second.locator('.commitment-outcome-form__evidence textarea').fill('写了 2000 字心得，12 月支部会上交流')
    await second.locator('.commitment-outcome-form__submit').click()
    await second.locator('.commitment-outcome-form').waitFor({ state: 'detached' })
    await page.locator('.commitment-item').filter({ hasText: '12 月支部会上交流' }).waitFor()

    const plan = await storedPlan()
    expect(plan?.items.map((i) => i.outcome?.outcome ?? null)).toEqual([null, 'kept'])
  })

  it('prints an A4 sheet whose code opens the public board, which a resident with no branch can read but not rate', async () => {
    await actAs(DEMO_OPENIDS.secretary, `/#/packages/commitments/pages/board-print/index?${query}`)
    await page.locator('.board-print__row').filter({ hasText: NAME }).waitFor()
    boardLink = await readCode('.board-print__qr')
    expect(boardLink).toBe(`${host.url}/#/packages/commitments/pages/board/index?${query}`)

    await actAs(VISITOR, '/#/pages/index/index')
    await page.goto(boardLink)
    const card = page.locator('.commitment-plan-card').filter({ hasText: NAME })
    await card.waitFor()
    expect(await text('.commitment-board__branch')).toBe('示范社区第一党支部')
    expect(await card.locator('.commitment-plan-card__text').allTextContents()).toEqual([
      '1. 【服务群众】每周走访两户独居老人，帮忙解决实际困难',
      '2. 【学习提升】学习党的二十届四中全会精神，写一篇心得',
    ])
    // No openid anywhere on the public board.
    const html = await page.content()
    for (const openid of [MEMBER, DEMO_OPENIDS.secretary, DEMO_OPENIDS.member1, DEMO_OPENIDS.member2]) expect([openid, html.includes(openid)]).toEqual([openid, false])

    await card.click()
    await page.locator('.commitment-plan__rate-hint').waitFor()
    expect(await page.locator('.commitment-rate-form').count()).toBe(0)
  })

  it('lets a resident of the branch rate; the board shows the rating and the month’s figures', async () => {
    await actAs(DEMO_OPENIDS.resident1, boardLink.slice(host.url.length))
    await page.locator('.commitment-plan-card').filter({ hasText: NAME }).click()
    await page.locator('.commitment-rate-form').waitFor()
    await page.locator('.commitment-rate-form__satisfaction .option-group__option--satisfied').click()
    await page.locator('.commitment-rate-form__comment textarea').fill('走访很用心，门锁修好了')
    await page.locator('.commitment-rate-form__submit').click()
    // The form becomes the one that replaces this rating, and the rating is listed.
    await page.locator('.commitment-rate-form').filter({ hasText: '修改我的评议' }).waitFor()
    const mine = page.locator('.commitment-ratings__row').filter({ hasText: '走访很用心' })
    await mine.waitFor()
    expect(await mine.locator('.commitment-ratings__satisfaction').textContent()).toBe('满意')

    await page.goto('about:blank')
    await page.goto(boardLink)
    const card = page.locator('.commitment-plan-card').filter({ hasText: NAME })
    await card.waitFor()
    // One kept of two, one 满意 of one.
    expect(await card.locator('.commitment-plan-card__figures').textContent()).toBe('兑现率 50% · 满意度 100%')
    const expected = await expectedFigures()
    expect(await text('.commitment-board__figures .commitment-figures__fulfilment')).toBe(expected.fulfilment)
    expect(await text('.commitment-board__figures .commitment-figures__satisfaction')).toBe(expected.satisfaction)

    // The secretary's month and the projector agree with the board.
    await actAs(DEMO_OPENIDS.secretary, '/#/packages/secretary/pages/commitment-month/index')
    const row = page.locator('.commitment-month__member').filter({ hasText: NAME })
    await row.waitFor()
    expect(await row.locator('.commitment-month__rate-value').allTextContents()).toEqual(['50%', '100%'])
    expect(await text('.commitment-month__branch .commitment-figures__fulfilment')).toBe(expected.fulfilment)
    expect(await text('.commitment-month__branch .commitment-figures__satisfaction')).toBe(expected.satisfaction)
  })
})

describe('the board on a projector and on paper', () => {
  it('fits the projector view into 1280×720: every tile whole, none overlapping, the code readable', async () => {
    const before = page.viewportSize()
    await page.setViewportSize({ width: 1280, height: 720 })
    await actAs(DEMO_OPENIDS.secretary, `/#/packages/commitments/pages/board-display/index?${query}`)
    await page.locator('.board-display__plan').first().waitFor()
    await page.locator('.board-display__fullscreen').waitFor({ state: 'visible' })
    expect(await text('.board-display__satisfaction')).toBe((await expectedFigures()).satisfaction)

    const layout = await page.evaluate(() => {
      const box = (el: Element | null) => {
        const r = el?.getBoundingClientRect()
        return r ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height } : null
      }
      const all = (sel: string) => Array.from(document.querySelectorAll(sel)).map((el) => box(el))
      const tiles = Array.from(document.querySelectorAll('.board-display__plan')).map((tile) => ({
        tile: box(tile),
        name: box(tile.querySelector('.board-display__name')),
        firstItem: box(tile.querySelector('.board-display__item')),
      }))
      return {
        scroll: { width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight },
        head: box(document.querySelector('.board-display__head')),
        grid: box(document.querySelector('.board-display__grid')),
        qr: box(document.querySelector('.board-display__qr img')),
        button: box(document.querySelector('.board-display__fullscreen')),
        figures: all('.board-display__figure'),
        title: box(document.querySelector('.board-display__titles')),
        tiles,
        itemFont: parseFloat(getComputedStyle(document.querySelector('.board-display__item-text') ?? document.body).fontSize),
      }
    })
    // Nothing scrolls: the board is the screen.
    expect(layout.scroll).toEqual({ width: 1280, height: 720 })
    const within = (b: { top: number; bottom: number; left: number; right: number } | null, outer: { top: number; bottom: number; left: number; right: number }) =>
      Boolean(b && b.top >= outer.top - 0.5 && b.bottom <= outer.bottom + 0.5 && b.left >= outer.left - 0.5 && b.right <= outer.right + 0.5)
    const screen = { top: 0, bottom: 720, left: 0, right: 1280 }
    if (!layout.grid || !layout.head || !layout.qr || !layout.button || !layout.title) throw new Error('no board')
    expect(within(layout.head, screen)).toBe(true)
    expect(within(layout.qr, screen)).toBe(true)
    expect(within(layout.button, screen)).toBe(true)
    // A code big enough to scan from the room, and item text readable at the back (≥ 14 px on 720).
    expect(layout.qr.width).toBeGreaterThanOrEqual(80)
    expect(layout.itemFont).toBeGreaterThanOrEqual(14)
    // The head's parts side by side, not on top of each other.
    for (const f of layout.figures) expect(f && f.left >= layout.title.right - 0.5).toBe(true)
    expect(layout.tiles.length).toBeGreaterThanOrEqual(1)
    expect(layout.tiles.length).toBeLessThanOrEqual(6)
    for (const t of layout.tiles) {
      if (!t.tile) throw new Error('no tile')
      expect(within(t.tile, layout.grid)).toBe(true)
      expect(within(t.name, t.tile)).toBe(true)
      expect(within(t.firstItem, t.tile)).toBe(true)
    }
    for (let i = 0; i < layout.tiles.length; i += 1)
      for (let j = i + 1; j < layout.tiles.length; j += 1) {
        const a = layout.tiles[i]?.tile
        const b = layout.tiles[j]?.tile
        if (!a || !b) continue
        const overlap = a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5
        expect(overlap).toBe(false)
      }
    // The projected code opens the same public board as the printed one.
    expect(await readCode('.board-display__qr')).toBe(boardLink)
    if (before) await page.setViewportSize(before)
  })

  it('prints on A4 portrait without the on-screen tools', async () => {
    await actAs(DEMO_OPENIDS.secretary, `/#/packages/commitments/pages/board-print/index?${query}`)
    await page.locator('.board-print__row').filter({ hasText: NAME }).waitFor()
    await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete))
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.board-print__tools').isVisible()).toBe(false)
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
    await page.emulateMedia({ media: 'screen' })
    // Every page of the PDF is A4 (595.28 × 841.89 pt, as Chromium rounds it).
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))])
    expect(boxes.length).toBeGreaterThanOrEqual(1)
    for (const b of boxes) expect(b).toEqual([595, 842])
  })
})
