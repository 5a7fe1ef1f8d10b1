import type { Page } from 'playwright-core'
import type { DisplayCode, LectureDetail, MyRating, Scores } from '../../cloudfunctions/contracts'
import { RATING_DIMENSIONS } from '../../cloudfunctions/contracts'
import { DEMO_OPENIDS, launchBrowser, signIn, startTestHost, type TestBrowser, type TestHost } from '../support/e2e'

/**
 * 党课评议 in a real browser (docs/architecture.md "Ratings released in batches"): a lecture that started a few minutes ago, with three people
 * checked in and the secretary marked present, is set up through the API. One member rates it through
 * the UI (stars and a comment) and sees 已评议. With one rating the report is withheld: the secretary sees
 * how many have rated and who has not, the speaker only why nothing is shown. Two more rate through the
 * API. The secretary's report
 * then shows averages equal to the three ratings, the comments and no rater's name — only the one
 * attendee who has not rated, in the secretary's list. The speaker (a member of another branch) sees the
 * same numbers without that list, and their history.
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

/** One action of one function as `openid` (the host takes the caller from `x-openid`); refusals throw. */
const api = <T>(fn: string, openid: string, event: Record<string, unknown>) => host.api<T>(fn, openid, event)

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

/** Taro's H5 button is disabled when its `disabled` attribute is present and not "false". */
async function isDisabled(selector: string): Promise<boolean> {
  const value = await page.locator(selector).first().getAttribute('disabled')
  return value !== null && value !== 'false'
}

async function texts(selector: string): Promise<string[]> {
  return page.locator(selector).allTextContents()
}

/** Tap the n-th star of a row (NutUI's Rate: one `.nut-rate-item` per star, in order). */
async function tapStar(d: string, n: number): Promise<void> {
  await page.locator(`.rating-row--${d} .nut-rate-item`).nth(n - 1).click()
}

/** What a row shows: its value text and how many stars are filled (NutUI greys the others). */
async function shownScore(d: string): Promise<{ text: string; filled: number }> {
  return {
    text: await text(`.rating-row--${d} .rating-row__value`),
    filled: await page.locator(`.rating-row--${d} .nut-rate-item-icon:not(.nut-rate-item-icon-disabled)`).count(),
  }
}

const TITLE = `评议测试党课 ${Date.now().toString(36).slice(-4)}`
const SPEAKER = { name: '刘洋', openid: DEMO_OPENIDS.member3 }
const RATERS = ['李秀英', '张伟', '赵桂兰']

/** What each rater gives; member 1 through the UI, the others through the API. */
const RATINGS: Array<{ openid: string; scores: Scores; comment: string }> = [
  { openid: DEMO_OPENIDS.member1, scores: { attitude: 5, content: 4, form: 4, effect: 5 }, comment: '联系实际，讲得很透彻' },
  { openid: DEMO_OPENIDS.member2, scores: { attitude: 4, content: 4, form: 3, effect: 5 }, comment: '希望多举身边的例子' },
  { openid: DEMO_OPENIDS.resident1, scores: { attitude: 5, content: 3, form: 4, effect: 4 }, comment: '' },
]

/** The report's numbers, computed here from the ratings: two decimals, as the server rounds them. */
const round2 = (n: number) => Math.round(n * 100) / 100
function expectedAverage(d: keyof Scores): string {
  return round2(RATINGS.reduce((s, r) => s + r.scores[d], 0) / RATINGS.length).toFixed(2)
}
function expectedOverall(): string {
  const total = RATINGS.reduce((s, r) => s + RATING_DIMENSIONS.reduce((t, d) => t + r.scores[d], 0), 0)
  return round2(total / (RATINGS.length * RATING_DIMENSIONS.length)).toFixed(2)
}

let lectureId = ''

describe('党课评议: rate from the phone, read the anonymous report', () => {
  it('sets up a lecture that started 5 minutes ago, with three people checked in and the secretary marked present', async () => {
    const now = Date.now()
    const created = await api<LectureDetail>('lecture', DEMO_OPENIDS.secretary, {
      action: 'create',
      title: TITLE,
      speaker: SPEAKER,
      startAt: new Date(now - 5 * 60_000).toISOString(),
      endAt: new Date(now + 55 * 60_000).toISOString(),
      location: { name: '社区党群服务中心二楼' },
      audience: 'open',
    })
    lectureId = created.id
    await api('lecture', DEMO_OPENIDS.secretary, { action: 'publish', lectureId })
    for (const r of RATINGS) {
      const code = await api<DisplayCode>('lecture', DEMO_OPENIDS.secretary, { action: 'displayCode', lectureId })
      await api('lecture', r.openid, { action: 'checkIn', lectureId, token: code.token })
    }
    await api('lecture', DEMO_OPENIDS.secretary, { action: 'markAttendance', lectureId, openid: DEMO_OPENIDS.secretary, present: true, reason: '现场核实到会' })
    expect(await host.store.count('check_ins', { lectureId, present: true })).toBe(4)
  })

  it('lets a member who was there rate it through the UI: stars, a comment, 评议已提交, then 已评议', async () => {
    const mine = RATINGS[0]!
    await actAs(mine.openid, `/#/pages/lecture-detail/index?id=${lectureId}`)
    expect(await text('.lecture-detail__rate')).toBe('去评议')
    await page.locator('.lecture-detail__rate').click()

    await page.locator('.rating-row--attitude').waitFor({ state: 'visible' })
    expect(await texts('.rating-row__label')).toEqual(['授课态度', '授课内容', '授课形式', '授课效果'])
    // An unsteady finger taps the first star twice: the score stays 1 (NutUI alone would clear it).
    expect(await shownScore('attitude')).toEqual({ text: '请点星打分', filled: 0 })
    await tapStar('attitude', 1)
    await tapStar('attitude', 1)
    expect(await shownScore('attitude')).toEqual({ text: '1 分 · 很不满意', filled: 1 })
    for (const d of RATING_DIMENSIONS) {
      expect(await isDisabled('.rating-form__submit')).toBe(true)
      // A mouse click on the star, as a finger would tap it; tapping it again keeps the score.
      const n = mine.scores[d]
      await tapStar(d, n)
      expect((await shownScore(d)).filled).toBe(n)
      await tapStar(d, n)
      expect((await shownScore(d)).text).toMatch(new RegExp(`^${n} 分 · `))
      expect((await shownScore(d)).filled).toBe(n)
    }
    expect(await shownScore('attitude')).toEqual({ text: '5 分 · 很满意', filled: 5 })
    expect(await shownScore('form')).toEqual({ text: '4 分 · 满意', filled: 4 })
    // Each star is a big target for an elderly finger: at least 44 × 44 CSS px on a 390-wide phone.
    const box = await page.locator('.rating-row--attitude .nut-rate-item').first().boundingBox()
    expect(box?.width).toBeGreaterThanOrEqual(44)
    expect(box?.height).toBeGreaterThanOrEqual(44)
    await page.locator('.rating-form__comment textarea').fill(mine.comment)
    expect(await text('.rating-form__counter')).toBe(`${mine.comment.length}/300`)
    expect(await isDisabled('.rating-form__submit')).toBe(false)
    await page.locator('.rating-form__submit').click()

    expect(await text('.lecture-rate__result .check-in-panel__title')).toBe('评议已提交')
    const [saved] = (await host.store.find('ratings', { lectureId, openid: mine.openid })) as Array<{ scores: Scores; comment: string }>
    expect(saved?.scores).toEqual(mine.scores)
    expect(saved?.comment).toBe(mine.comment)

    await page.locator('.lecture-rate__back').click()
    await page.locator('.lecture-detail__rate--done').waitFor({ state: 'visible' })
    expect(await text('.lecture-detail__rate')).toBe('已评议（可修改）')

    // Revising starts from what was given.
    await page.locator('.lecture-detail__rate').click()
    await page.locator('.lecture-rate--editing').waitFor({ state: 'visible' })
    expect(await shownScore('form')).toEqual({ text: '4 分 · 满意', filled: 4 })
    expect(await page.locator('.rating-form__comment textarea').inputValue()).toBe(mine.comment)
  })

  it('withholds the report at one rating; the secretary sees who has not rated yet, the speaker no names', async () => {
    await actAs(DEMO_OPENIDS.secretary, `/#/pages/lecture-report/index?id=${lectureId}`)
    expect(await text('.lecture-report__progress-count')).toBe('已有 1 人评议，还差 2 人出结果')
    expect(await text('.lecture-report__too-few .empty-state__title')).toBe('满 3 人评议后显示结果，以保护评议人匿名')
    expect(await texts('.rating-report__not-rated-name')).toEqual(['王建国', '张伟', '赵桂兰'])
    expect(await page.locator('.rating-report__overall-value').count()).toBe(0)
    expect((await page.locator('.lecture-report').textContent()) ?? '').not.toContain(RATERS[0])

    await actAs(SPEAKER.openid, `/#/pages/lecture-report/index?lectureId=${lectureId}`)
    await page.locator('.lecture-report__too-few').waitFor({ state: 'visible' })
    await page.locator('.lecture-report__to-trend').waitFor({ state: 'visible' })
    expect(await page.locator('.lecture-report__progress').count()).toBe(0)
    const body = (await page.locator('.lecture-report').textContent()) ?? ''
    for (const name of [...RATERS, '王建国']) expect(body).not.toContain(name)
  })

  it('takes two more ratings through the API', async () => {
    for (const r of RATINGS.slice(1)) {
      const saved = await api<MyRating>('rating', r.openid, { action: 'submit', lectureId, scores: r.scores, ...(r.comment ? { comment: r.comment } : {}) })
      expect(saved.scores).toEqual(r.scores)
    }
    expect(await host.store.count('ratings', { lectureId })).toBe(3)
  })

  it('shows the secretary averages equal to the three ratings, the comments, no rater’s name, and who has not rated', async () => {
    await actAs(DEMO_OPENIDS.secretary, `/#/pages/lecture-detail/index?id=${lectureId}`)
    await page.locator('.lecture-detail__to-report').click()
    await page.locator('.rating-report').waitFor({ state: 'visible' })

    expect(await text('.lecture-report__title')).toBe(TITLE)
    expect(await text('.rating-report__overall-value')).toBe(expectedOverall())
    for (const d of RATING_DIMENSIONS) {
      expect(await text(`.rating-report__dimension--${d} .rating-report__average`)).toBe(`${expectedAverage(d)} 分`)
    }
    expect(await text('.rating-report__count .rating-report__stat-value')).toBe('3 人')
    expect(await text('.rating-report__response .rating-report__stat-value')).toBe('3 / 4 人，75%')
    // 授课态度: two 5s and one 4, drawn as bars.
    expect(await texts('.rating-report__dimension--attitude .score-bars__value')).toEqual(['2 人', '1 人', '0 人', '0 人', '0 人'])
    const fiveWidth = await page.locator('.rating-report__dimension--attitude .score-bars__bar--5 .score-bars__fill').evaluate((el) => (el as HTMLElement).style.width)
    expect(parseFloat(fiveWidth)).toBeCloseTo(66.7, 1)

    expect((await texts('.rating-report__comment-text')).sort()).toEqual(RATINGS.map((r) => r.comment).filter(Boolean).sort())
    expect(await texts('.rating-report__not-rated-name')).toEqual(['王建国'])
    const body = (await page.locator('.lecture-report').textContent()) ?? ''
    for (const name of RATERS) expect(body).not.toContain(name)
    // The one who has not rated appears in the list only.
    expect(body.split('王建国')).toHaveLength(2)
  })

  it('shows the speaker the same numbers without any names, and their lectures over time', async () => {
    await actAs(SPEAKER.openid, `/#/pages/lecture-report/index?lectureId=${lectureId}`)
    await page.locator('.rating-report').waitFor({ state: 'visible' })
    expect(await text('.rating-report__overall-value')).toBe(expectedOverall())
    expect(await page.locator('.rating-report__not-rated').count()).toBe(0)
    const body = (await page.locator('.lecture-report').textContent()) ?? ''
    for (const name of [...RATERS, '王建国']) expect(body).not.toContain(name)

    await page.locator('.lecture-report__to-trend').click()
    await page.locator('.lecturer-report__lecture').first().waitFor({ state: 'visible' })
    expect(await text('.lecturer-report__title')).toBe(`主讲人：${SPEAKER.name}`)
    expect(await text('.lecturer-report__lecture-title')).toBe(TITLE)
    expect(await text('.lecturer-report__lecture .score-bars__value')).toBe(`${expectedOverall()} 分`)
  })
})
