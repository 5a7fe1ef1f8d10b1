import type { Page } from 'playwright-core'
import { DEMO_INVITE_CODES, launchBrowser, signIn, signOut, startTestHost, type TestBrowser, type TestHost } from '../support/e2e'

/**
 * A person's first visit, in Debian's Chromium against the built H5 app and the local host: a newcomer
 * signs in, joins branch 1 with its resident code, and sees their role on 我的; the branch secretary
 * then finds them in 成员管理. Each test signs in as a person of its own, so any one runs alone.
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
const RESIDENT_CODE = DEMO_INVITE_CODES['demo-branch-1'].resident

/** As `openid` from now on; about:blank first, so a new hash on the same document is not a route push. */
async function actAs(openid: string, next: string): Promise<void> {
  await page.goto('about:blank')
  await signIn(page, host.url, openid, next)
}

async function storedMember(openid: string): Promise<Record<string, unknown> | undefined> {
  const [member] = await host.store.find('members', { _id: openid })
  return member
}

describe('joining a branch', () => {
  it('asks someone who is not signed in to sign in, and brings them back to 我的', async () => {
    await signOut(page, host.url)
    await page.goto(`${host.url}${MINE}`)
    const link = page.locator('.sign-in-hint__link')
    await link.waitFor()
    expect(await link.innerText()).toContain('去登录')
    expect(await page.locator('.join-form__submit').count()).toBe(0)

    await link.click()
    await page.waitForURL((url) => url.pathname === '/dev/sign-in')
    expect(new URL(page.url()).searchParams.get('next')).toBe(MINE)
  })

  it('refuses a wrong code with the server message, keeps what was typed and joins nobody', async () => {
    const newcomer = 'e2e-newcomer-wrong-code'
    await actAs(newcomer, MINE)
    await page.locator('.join-form__name input').fill('孙玉梅')
    await page.locator('.join-form__code input').fill('WRONG9')
    await page.locator('.join-form__submit').click()
    await page.locator('.join-form__error').filter({ hasText: '邀请码不正确' }).waitFor()
    expect(await page.locator('.join-form__name input').inputValue()).toBe('孙玉梅')
    expect(await page.locator('.join-form__code input').inputValue()).toBe('WRONG9')
    expect(await page.locator('.mine-page__role').count()).toBe(0)
    expect((await storedMember(newcomer))?.branchId ?? null).toBeNull()
  })

  it('joins branch 1 as a resident and shows 群众 and the branch on 我的', async () => {
    await actAs('demo-newcomer', MINE)
    await page.locator('.join-form__name input').fill('孙玉梅')
    // Typed in lower case, as people do: the code is case-insensitive.
    await page.locator('.join-form__code input').fill(RESIDENT_CODE.toLowerCase())
    await page.locator('.join-form__submit').click()
    await page.locator('.mine-page__role').filter({ hasText: '群众' }).waitFor()
    expect(await page.locator('.mine-page__role').innerText()).toContain('群众')
    expect(await page.locator('.mine-page__branch').innerText()).toContain('示范社区第一党支部')

    // The role is stored, not just shown: a reload reads it back from the local cloud.
    await page.goto('about:blank')
    await page.goto(`${host.url}${MINE}`)
    await page.locator('.mine-page__role').filter({ hasText: '群众' }).waitFor()
    expect(await page.locator('.mine-page__branch').innerText()).toContain('示范社区第一党支部')
    expect(await storedMember('demo-newcomer')).toMatchObject({ role: 'resident', branchId: 'demo-branch-1', name: '孙玉梅' })
  })

  it('shows the branch secretary a new resident in 成员管理', async () => {
    // The resident joins through the API (the UI journey is the test above).
    const resident = 'e2e-new-resident'
    await host.api('member', resident, { action: 'joinBranch', code: RESIDENT_CODE, name: '周晓燕' })

    await actAs('demo-secretary', '/#/packages/secretary/pages/members/index')
    const row = page.locator('.member-row').filter({ hasText: '周晓燕' })
    await row.waitFor()
    expect(await row.locator('.member-row__role').innerText()).toContain('群众')
  })
})
