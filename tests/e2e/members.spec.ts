import type { Page } from 'playwright-core'
import { DEMO_INVITE_CODES, launchBrowser, signIn, startTestHost, type TestBrowser, type TestHost } from '../support/e2e'

/**
 * A person's first visit, in Debian's Chromium against the built H5 app and the local host: a newcomer
 * signs in, joins branch 1 with its resident code, and sees their role on 我的.
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

const MINE = '/#/pages/mine/index'

describe('joining a branch', () => {
  it('asks someone who is not signed in to sign in', async () => {
    await page.goto(`${host.url}${MINE}`)
    await page.locator('.sign-in-hint__link').waitFor()
  })

  it('refuses a wrong code with the server message and keeps what was typed', async () => {
    await signIn(page, host.url, 'demo-newcomer', MINE)
    await page.locator('.join-form__name input').fill('孙玉梅')
    await page.locator('.join-form__code input').fill('WRONG9')
    await page.locator('.join-form__submit').click()
    await page.locator('.join-form__error').filter({ hasText: '邀请码不正确' }).waitFor()
    expect(await page.locator('.join-form__name input').inputValue()).toBe('孙玉梅')
  })

  it('joins branch 1 as a resident and shows 群众 and the branch on 我的', async () => {
    await page.locator('.join-form__code input').fill(DEMO_INVITE_CODES['demo-branch-1'].resident.toLowerCase())
    await page.locator('.join-form__submit').click()
    await page.locator('.mine-page__role').filter({ hasText: '群众' }).waitFor()
    await expect(page.locator('.mine-page__branch').innerText()).resolves.toContain('示范社区第一党支部')

    // The role is stored, not just shown: a reload reads it back from the local cloud.
    await page.goto('about:blank')
    await page.goto(`${host.url}${MINE}`)
    await page.locator('.mine-page__role').filter({ hasText: '群众' }).waitFor()
    const [member] = await host.store.find('members', { _id: 'demo-newcomer' })
    expect(member).toMatchObject({ role: 'resident', branchId: 'demo-branch-1', name: '孙玉梅' })
  })

  it('shows the branch secretary the new resident in 成员管理', async () => {
    await page.goto('about:blank')
    await signIn(page, host.url, 'demo-secretary', '/#/packages/secretary/pages/members/index')
    await page.locator('.member-row').filter({ hasText: '孙玉梅' }).waitFor()
  })
})
