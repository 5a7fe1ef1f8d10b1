import { readFile } from 'node:fs/promises'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { parseScene, sceneFor } from '../../cloudfunctions/contracts'
import { slotOf, tokenFor } from '../../cloudfunctions/modules/lectures/check-in.rules'
import { decodeQrPng } from '../support/qr-decode'
import { DEMO_OPENIDS, launchBrowser, signIn, startTestHost, type TestBrowser, type TestHost } from '../support/e2e'

/**
 * 开放式党课 in a real browser (docs/architecture.md "Check-in"): the secretary publishes a lecture through the UI and
 * opens the check-in display; the QR code is read off the screen (a screenshot, decoded with jsQR), and
 * its link is what members open — first time 签到成功, second time 已签到; a member of another branch is
 * refused; an old code says it expired; the attendance page lists the member; the ledger downloads; the
 * speaker reads the same list by masked name, with nothing to change.
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

const BEIJING_MS = 8 * 60 * 60 * 1000
const pad = (n: number) => String(n).padStart(2, '0')

/** The Beijing wall-clock date and time of an instant (the form reads what it is given as Beijing time). */
function beijing(ms: number): { date: string; time: string } {
  const d = new Date(ms + BEIJING_MS)
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  }
}

/**
 * A lecture starting in about ten minutes (check-in opens 30 minutes before, so it is open now), ending
 * an hour later — or at 23:59 when that would cross Beijing midnight (one date on the form). Just before
 * midnight the start moves to 00:01 tomorrow, still less than 30 minutes away.
 */
function lectureTimes(now = Date.now()): { date: string; start: string; end: string } {
  let start = Math.ceil((now + 10 * 60_000) / 60_000) * 60_000
  if (beijing(start).time > '23:40') {
    const tomorrow = beijing(start + 60 * 60_000).date
    start = Date.parse(`${tomorrow}T00:01:00+08:00`)
  }
  const s = beijing(start)
  const e = beijing(start + 60 * 60_000)
  return { date: s.date, start: s.time, end: e.date === s.date ? e.time : '23:59' }
}

/** As `openid` from now on; about:blank first, so a new hash on the same document is not a route push. */
async function actAs(openid: string, next: string): Promise<void> {
  await page.goto('about:blank')
  await signIn(page, host.url, openid, next)
}

async function openAs(openid: string, url: string): Promise<void> {
  const u = new URL(url)
  await actAs(openid, `${u.pathname}${u.search}${u.hash}`)
}

async function text(selector: string): Promise<string> {
  const el = page.locator(selector).first()
  await el.waitFor({ state: 'visible' })
  return (await el.textContent()) ?? ''
}

/** The QR code as the projector shows it: a screenshot of the element, decoded with jsQR + pngjs. */
async function readDisplayedCode(): Promise<string> {
  const img = page.locator('.check-in-board__qr .qr-image__img img, .check-in-board__qr img.qr-image__img').first()
  await img.waitFor({ state: 'visible' })
  await page.waitForFunction(() => {
    const el = document.querySelector<HTMLImageElement>('.check-in-board__qr img')
    return Boolean(el && el.complete && el.naturalWidth > 0)
  })
  // jsQR over the PNG's pixels (pngjs), shared with the local-cloud tests' wxacode check.
  return decodeQrPng(await img.screenshot()).text
}

let lectureId = ''
let checkInUrl = ''
const TITLE = `端到端测试党课 ${Date.now().toString(36).slice(-4)}`
const MATERIAL_BYTES = Buffer.from('%PDF-1.4\n% 端到端上传的学习提纲\n')

describe('开放式党课: publish, display, scan, check in', () => {
  it('lets the secretary create and publish a lecture through the UI, then open the display', async () => {
    await actAs(DEMO_OPENIDS.secretary, '/#/pages/lectures/index')
    await page.locator('.lectures-page__create').click()

    await page.locator('.lecture-form__title input').fill(TITLE)
    // The speaker is a member of the branch, picked from its list (so they may read the attendance).
    await page.locator('.lecture-form__speaker-choose').click()
    await page.locator('.speaker-picker .member-picker__person', { hasText: '张伟' }).click()
    await page.locator('.lecture-form__speaker-link--member').waitFor({ state: 'visible' })
    expect(await page.locator('.lecture-form__speaker input').inputValue()).toBe('张伟')
    await page.locator('.lecture-form__place input').fill('社区党群服务中心二楼')

    // A material uploaded through the form: the browser's file chooser → POST /storage/upload.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('.lecture-form__upload-material').click()])
    await chooser.setFiles({ name: '学习提纲.pdf', mimeType: 'application/pdf', buffer: MATERIAL_BYTES })
    await page.locator('.lecture-form__material--file').waitFor({ state: 'visible' })
    expect(await text('.lecture-form__material-file-name')).toBe('已上传：学习提纲.pdf')
    expect(await page.locator('.lecture-form__material-title input').inputValue()).toBe('学习提纲')

    const t = lectureTimes()
    await page.locator('.lecture-form__date input').fill(t.date)
    await page.locator('.lecture-form__start input').fill(t.end)
    await page.locator('.lecture-form__end input').fill(t.start)
    await page.locator('.lecture-form__submit').click()
    // The end before the start is refused on the form, before anything is sent.
    expect(await text('.lecture-form__end .form-field__error')).toBe('结束时间必须晚于开始时间')

    await page.locator('.lecture-form__start input').fill(t.start)
    await page.locator('.lecture-form__end input').fill(t.end)
    await page.locator('.lecture-form__submit').click()
    expect(await text('.lecture-edit__saved-title')).toBe('已保存为草稿')

    await page.locator('.lecture-edit__publish').click()
    await page.locator('.confirm-dialog__confirm').click()
    await page.locator('.lecture-detail__to-display').waitFor({ state: 'visible' })
    expect(await text('.lecture-detail__title')).toBe(TITLE)
    expect(await text('.lecture-detail--published .lecture-status-badge')).toBe('已发布')
    lectureId = new URL(page.url().replace('/#/', '/')).searchParams.get('id') ?? ''
    expect(lectureId).toMatch(/^L[0-9a-z]{10}$/)
    // Stored as the Beijing time that was picked.
    const [doc] = (await host.store.find('lectures', { _id: lectureId })) as Array<{ startAt: Date; status: string }>
    expect(doc?.status).toBe('published')
    expect(new Date(doc?.startAt ?? 0).getTime()).toBe(Date.parse(`${t.date}T${t.start}:00+08:00`))

    // The uploaded file is in the detail, and opens (a new tab) at a temporary URL serving its bytes.
    expect(await text('.lecture-detail__material-title')).toBe('学习提纲')
    expect(await text('.lecture-detail__material-action')).toBe('打开 ›')
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.locator('.lecture-detail__material').first().click()])
    const fileUrl = popup.url()
    await popup.close()
    expect(fileUrl.startsWith(`${host.url}/files/lecture-materials/`)).toBe(true)
    const served = await fetch(fileUrl)
    expect(Buffer.from(await served.arrayBuffer()).equals(MATERIAL_BYTES)).toBe(true)
    const [stored] = (await host.store.find('lectures', { _id: lectureId })) as Array<{ materials: Array<{ title: string; fileID?: string }> }>
    expect(stored?.materials[0]?.fileID).toMatch(/^cloud:\/\/local\.[^/]+\/lecture-materials\/\d{6}\/[0-9a-z-]+\.pdf$/)

    await page.locator('.lecture-detail__to-display').click()
    await page.locator('.check-in-board__qr').waitFor({ state: 'visible' })
    expect(await text('.check-in-board__title')).toBe(TITLE)
    expect(await text('.check-in-board__count')).toMatch(/^0\s*人$/)
  })

  it('shows a QR code that decodes to the H5 check-in link of this lecture', async () => {
    checkInUrl = await readDisplayedCode()
    expect(checkInUrl.startsWith(`${host.url}/#/pages/check-in/index?scene=`)).toBe(true)
    const scene = parseScene(decodeURIComponent(checkInUrl.split('scene=')[1] ?? ''))
    expect(scene?.lectureId).toBe(lectureId)
  })

  it('checks a member in from the scanned link: 签到成功, and 已签到 the second time', async () => {
    await openAs(DEMO_OPENIDS.member1, checkInUrl)
    await page.locator('.check-in-panel--done').waitFor({ state: 'visible' })
    expect(await text('.check-in-panel__title')).toBe('签到成功')
    expect(await text('.check-in-page__lecture .check-in-panel__value')).toBe(TITLE)
    expect(await host.store.count('check_ins', { lectureId, openid: DEMO_OPENIDS.member1, present: true })).toBe(1)

    await page.goto('about:blank')
    await page.goto(checkInUrl)
    await page.locator('.check-in-panel--already').waitFor({ state: 'visible' })
    expect(await text('.check-in-panel__title')).toBe('已签到')
    expect(await host.store.count('check_ins', { lectureId })).toBe(1)
  })

  it('refuses a member of another branch on this branch-only lecture, saying why', async () => {
    await openAs(DEMO_OPENIDS.member3, checkInUrl)
    await page.locator('.check-in-panel--failed').waitFor({ state: 'visible' })
    expect(await text('.check-in-panel__message')).toBe('本场党课仅限「示范社区第一党支部」成员参加；欢迎关注其他开放党课')
    expect(await host.store.count('check_ins', { lectureId, openid: DEMO_OPENIDS.member3 })).toBe(0)
  })

  it('says a code two slots old has expired', async () => {
    const [doc] = (await host.store.find('lectures', { _id: lectureId })) as Array<{ secret: string }>
    const old = tokenFor(String(doc?.secret), lectureId, slotOf(Date.now()) - 2)
    await openAs(DEMO_OPENIDS.member2, `${host.url}/#/pages/check-in/index?scene=${encodeURIComponent(sceneFor(lectureId, old))}`)
    await page.locator('.check-in-panel--failed').waitFor({ state: 'visible' })
    expect(await text('.check-in-panel__title')).toBe('这次没有签到成功')
    expect(await text('.check-in-panel__message')).toBe('二维码已过期，请重新扫描大屏上的二维码')
    expect(await text('.check-in-page__hint')).toContain('对准会场大屏')
    expect(await text('.check-in-page__to-lecture')).toBe('查看这场党课')
    expect(await host.store.count('check_ins', { lectureId, openid: DEMO_OPENIDS.member2 })).toBe(0)
  })

  it('lists the member on the attendance page and exports a ledger that contains them', async () => {
    await actAs(DEMO_OPENIDS.secretary, `/#/packages/secretary/pages/lecture-attendance/index?id=${lectureId}`)
    await page.locator('.attendance-row').first().waitFor({ state: 'visible' })
    expect(await page.locator('.attendance-row').count()).toBe(1)
    expect(await text('.attendance-row__name')).toBe('李秀英')
    expect(await text('.attendance-row__method')).toBe('扫码')
    expect(await text('.lecture-attendance__count-number')).toBe('1')

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.ledger-export__button').click()])
    expect(download.suggestedFilename()).toMatch(/^签到台账-.*\.xlsx$/)
    const file = await download.path()
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await readFile(file)) as unknown as ArrayBuffer)
    const sheet = JSON.stringify(wb.getWorksheet('签到台账')?.getSheetValues())
    expect(sheet).toContain(TITLE)
    expect(sheet).toContain('李秀英')
    expect(sheet).toContain('合计签到 1 人')
  })

  it("shows the speaker who came by masked name, with nothing to change and no ledger", async () => {
    const [doc] = (await host.store.find('lectures', { _id: lectureId })) as Array<{ speaker: { openid: string | null } }>
    expect(doc?.speaker.openid).toBe(DEMO_OPENIDS.member2)
    await actAs(DEMO_OPENIDS.member2, `/#/packages/secretary/pages/lecture-attendance/index?id=${lectureId}`)
    await page.locator('.attendance-row').first().waitFor({ state: 'visible' })
    expect(await page.locator('.attendance-row').count()).toBe(1)
    expect(await text('.attendance-row__name')).toBe('李**')
    expect(await text('.attendance-row__method')).toBe('扫码')
    expect(await text('.lecture-attendance__speaker-note')).toContain('姓名已部分隐去')
    for (const selector of ['.attendance-row__remove', '.lecture-attendance__add', '.ledger-export__button']) {
      expect([selector, await page.locator(selector).count()]).toEqual([selector, 0])
    }
    expect(await page.content()).not.toContain('李秀英')
  })

  it.each([
    [1280, 720],
    [1024, 768],
  ])('shows every recent name on the display whole at %i×%i, none behind 全屏显示', async (width, height) => {
    const at = Date.now()
    const names = ['赵一鸣', '钱二丽', '孙三强', '周四海', '吴五洲']
    const existing = await host.store.count('check_ins', { lectureId, name: names[0] })
    if (!existing) {
      await host.store.insert(
        'check_ins',
        names.map((name, i) => ({
          _id: `${lectureId}_e2e-board-${i}`, lectureId, openid: `e2e-board-${i}`, name, branchId: 'demo-branch-1', branchName: '', visitor: false,
          at: new Date(at + i), method: 'scan', present: true, flags: [], distanceMeters: null, reason: null, markedBy: null,
          lectureTitle: TITLE, lectureStartAt: new Date(at), updatedAt: new Date(at + i),
        })),
      )
    }
    const before = page.viewportSize()
    await page.setViewportSize({ width, height })
    await actAs(DEMO_OPENIDS.secretary, `/#/packages/secretary/pages/lecture-display/index?id=${lectureId}`)
    await page.locator('.check-in-board__person').nth(4).waitFor({ state: 'attached' })
    await page.locator('.lecture-display__fullscreen').waitFor({ state: 'visible' })
    const layout = await page.evaluate(() => {
      const box = (el: Element | null) => el?.getBoundingClientRect() ?? null
      const recent = box(document.querySelector('.check-in-board__recent'))
      const button = box(document.querySelector('.lecture-display__fullscreen'))
      const rows = Array.from(document.querySelectorAll('.check-in-board__person')).map((el) => {
        const r = el.getBoundingClientRect()
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }
      })
      return { recent, button, rows }
    })
    if (!layout.recent || !layout.button) throw new Error('no board')
    const { recent, button } = layout
    const inside = layout.rows.filter((r) => r.left < recent.right && r.right > recent.left)
    // At least the newest three fit; each shown row is whole, inside the list and clear of the button.
    expect(inside.length).toBeGreaterThanOrEqual(3)
    for (const r of inside) {
      expect(r.top).toBeGreaterThanOrEqual(recent.top - 0.5)
      expect(r.bottom).toBeLessThanOrEqual(recent.bottom + 0.5)
      expect(r.bottom).toBeLessThanOrEqual(button.top + 0.5)
    }
    if (before) await page.setViewportSize(before)
  })
})
