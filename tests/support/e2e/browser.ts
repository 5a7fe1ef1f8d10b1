import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'

/**
 * Debian's Chromium, driven by playwright-core (docs/architecture.md "Tests"). A missing browser is an error, never a
 * skip: a green run without the browser tests would prove nothing about the person's flows.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium'

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export interface TestBrowser {
  context: BrowserContext
  newPage(): Promise<Page>
  /** Closes the browser and deletes its profile. */
  close(): Promise<void>
}

/** A phone-sized viewport: the H5 build is the mini-program's pages, laid out for a phone. */
export const PHONE_VIEWPORT = { width: 390, height: 844 }

export async function launchBrowser(): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH} — install it with: sudo apt-get install -y chromium`)
  }
  // A fresh profile per launch: no cookie, cache or storage leaks from one test file into the next.
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'zbhd-chromium-'))
  let context: BrowserContext
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ARGS,
      viewport: PHONE_VIEWPORT,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    })
  } catch (err) {
    await rm(userDataDir, { recursive: true, force: true })
    throw err
  }
  return {
    context,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close()
      await rm(userDataDir, { recursive: true, force: true })
    },
  }
}
