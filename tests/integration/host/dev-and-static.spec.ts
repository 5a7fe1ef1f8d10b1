import { rm } from 'node:fs/promises'
import type { RunningHost } from '../../../cloudfunctions/emulator/host'
import { DEMO_OPENIDS, DEMO_PEOPLE } from '../../../cloudfunctions/emulator/seed'
import { createHostWorld, dataOf, writeH5, type HostWorld } from '../../support/host/host-test-kit'

const INDEX_HTML = '<!doctype html><html><head><title>支部活动</title></head><body><div id="app"></div></body></html>'

describe('host: H5 files', () => {
  let world: HostWorld
  let host: RunningHost

  beforeAll(async () => {
    world = await createHostWorld()
    await writeH5(world.h5Dir, {
      'index.html': INDEX_HTML,
      'js/app.0123abcd.js': 'console.log("app")',
      'css/app.89abcdef.css': 'body{}',
      'favicon.ico': 'icon',
    })
    host = await world.start()
  })

  afterAll(async () => {
    await world.dispose()
  })

  it('serves index.html at / without caching', async () => {
    const res = await fetch(`${host.url}/`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    expect(res.headers.get('cache-control')).toBe('no-cache')
    expect(await res.text()).toBe(INDEX_HTML)
  })

  it('serves hashed assets with a long cache and revalidates unhashed ones', async () => {
    const js = await fetch(`${host.url}/js/app.0123abcd.js`)
    expect(js.status).toBe(200)
    expect(js.headers.get('content-type')).toMatch(/javascript/)
    expect(js.headers.get('cache-control')).toMatch(/max-age=31536000/)
    const css = await fetch(`${host.url}/css/app.89abcdef.css`)
    expect(css.headers.get('content-type')).toMatch(/text\/css/)
    const icon = await fetch(`${host.url}/favicon.ico`)
    expect(icon.headers.get('cache-control')).toBe('no-cache')
    const again = await fetch(`${host.url}/favicon.ico`, { headers: { 'if-none-match': icon.headers.get('etag') ?? '' } })
    expect(again.status).toBe(304)
  })

  it('falls back to the app for page paths and 404s missing assets', async () => {
    const page = await fetch(`${host.url}/pages/index/index`)
    expect(page.status).toBe(200)
    expect(await page.text()).toBe(INDEX_HTML)
    expect((await fetch(`${host.url}/js/missing.js`)).status).toBe(404)
  })

  it('never serves files outside the H5 folder', async () => {
    for (const probe of ['/..%2F..%2Fpackage.json', '/%2e%2e/%2e%2e/etc/passwd', '/js/..%2F..%2F..%2Fnode_modules/esbuild/package.json']) {
      const res = await fetch(`${host.url}${probe}`)
      const text = await res.text()
      expect(text).not.toMatch(/"name"|root:/)
    }
  })

  it('explains how to build when dist/h5 is missing', async () => {
    const bare = await world.start({ h5Dir: `${world.dir}/no-h5`, dataDir: world.dataDir('bare') })
    const res = await fetch(`${bare.url}/`)
    expect(res.status).toBe(503)
    expect(await res.text()).toMatch(/npm run build:h5/)
    await rm(`${world.dir}/no-h5`, { recursive: true, force: true })
  })
})

describe('host: dev sign-in', () => {
  let world: HostWorld
  let host: RunningHost

  beforeAll(async () => {
    world = await createHostWorld()
    await writeH5(world.h5Dir, { 'index.html': INDEX_HTML })
    host = await world.start()
  })

  afterAll(async () => {
    await world.dispose()
  })

  it('lists every demo person with role, branch and openid', async () => {
    const res = await fetch(`${host.url}/dev/sign-in`)
    expect(res.status).toBe(200)
    const html = await res.text()
    for (const person of DEMO_PEOPLE) {
      expect(html).toContain(person.name)
      expect(html).toContain(`/dev/sign-in?openid=${person.openid}`)
    }
    expect(html).toContain('示范社区第一党支部')
    expect(html).toContain('支部书记')
    expect(html).toContain('DEMOM1')
  })

  it('sets the identity cookie and redirects to the app; the cookie then identifies API calls', async () => {
    const res = await fetch(`${host.url}/dev/sign-in?openid=${DEMO_OPENIDS.secretary}`, { redirect: 'manual' })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/')
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^zb_openid=demo-secretary;/)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)

    const reply = await fetch(`${host.url}/api/probe`, {
      method: 'POST',
      headers: { cookie: cookie.split(';')[0] ?? '', 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'whoami' }),
    })
    expect(dataOf<{ openid: string }>({ status: reply.status, body: await reply.json(), headers: reply.headers }).openid).toBe(
      DEMO_OPENIDS.secretary,
    )
  })

  it('redirects to a local `next` only', async () => {
    const local = await fetch(`${host.url}/dev/sign-in?openid=demo-member-1&next=${encodeURIComponent('/#/pages/me/index')}`, { redirect: 'manual' })
    expect(local.headers.get('location')).toBe('/#/pages/me/index')
    const away = await fetch(`${host.url}/dev/sign-in?openid=demo-member-1&next=${encodeURIComponent('//evil.example/')}`, { redirect: 'manual' })
    expect(away.headers.get('location')).toBe('/')
  })

  it('refuses a malformed openid without setting a cookie', async () => {
    const res = await fetch(`${host.url}/dev/sign-in?openid=${encodeURIComponent('<script>')}`, { redirect: 'manual' })
    expect(res.status).toBe(400)
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(await res.text()).not.toContain('<script>')
  })

  it('signs out by clearing the cookie', async () => {
    const res = await fetch(`${host.url}/dev/sign-out`, { redirect: 'manual' })
    expect(res.status).toBe(302)
    expect(res.headers.get('set-cookie')).toMatch(/^zb_openid=;.*Max-Age=0/)
  })

  it('shows the subscribe-message outbox as JSON', async () => {
    const res = await fetch(`${host.url}/dev/outbox`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/application\/json/)
    expect(Array.isArray(await res.json())).toBe(true)
  })
})
