import type { Page } from 'playwright-core'

/**
 * Acts as `openid` from now on in this browser context: the host's dev sign-in sets the identity
 * cookie and redirects to the app (or to `next`, a local path such as `/#/pages/me/index`).
 */
export async function signIn(page: Page, url: string, openid: string, next?: string): Promise<void> {
  const query = new URLSearchParams({ openid })
  if (next) query.set('next', next)
  const response = await page.goto(`${url}/dev/sign-in?${query.toString()}`)
  if (!response || !response.ok()) {
    throw new Error(`dev sign-in as ${openid} failed: HTTP ${response?.status() ?? 'no response'}`)
  }
}

export async function signOut(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/dev/sign-out`)
}
