import { request } from 'node:http'
import { rm, utimes } from 'node:fs/promises'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import type { RunningHost } from '../../../cloudfunctions/emulator/host'
import { DEMO_OPENIDS, DEMO_PEOPLE } from '../../../cloudfunctions/emulator/seed'
import { createHostWorld, dataOf, writeH5, type HostWorld } from '../../support/host/host-test-kit'

const INDEX_HTML = '<!doctype html><html><head><title>支部活动</title></head><body><div id="app"></div></body></html>'
/** An app bundle big enough to be worth compressing. */
const BIG_JS = Array.from({ length: 400 }, (_, i) => `export const value${i} = "支部活动 ${i}";`).join('\n')

/** The raw answer, body as sent (Node's fetch would decompress it and hide Content-Encoding). */
function rawGet(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

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
      'js/big.0123abcd.js': BIG_JS,
      'js/plain.js': BIG_JS,
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

  it('sends text assets compressed as the browser asks: br first, then gzip, else as they are', async () => {
    const url = `${host.url}/js/big.0123abcd.js`
    const br = await rawGet(url, { 'accept-encoding': 'gzip, deflate, br' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toBe('Accept-Encoding')
    expect(Number(br.headers['content-length'])).toBe(br.body.length)
    expect(br.body.length).toBeLessThan(Buffer.byteLength(BIG_JS) / 4)
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe(BIG_JS)

    const gz = await rawGet(url, { 'accept-encoding': 'br;q=0, gzip' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.body).toString('utf8')).toBe(BIG_JS)
    expect(gz.headers.etag).not.toBe(br.headers.etag)

    const plain = await rawGet(url)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString('utf8')).toBe(BIG_JS)

    const head = await rawGet(url, { 'accept-encoding': 'br' }, 'HEAD')
    expect(head.headers['content-length']).toBe(String(br.body.length))
    expect(head.body.length).toBe(0)
    // A small file and an image go as they are.
    expect((await rawGet(`${host.url}/css/app.89abcdef.css`, { 'accept-encoding': 'br' })).headers['content-encoding']).toBeUndefined()
    expect((await rawGet(`${host.url}/favicon.ico`, { 'accept-encoding': 'br' })).headers['content-encoding']).toBeUndefined()
  })

  it('compresses a file once per version: a rebuilt file is compressed again', async () => {
    const url = `${host.url}/js/plain.js`
    const first = await rawGet(url, { 'accept-encoding': 'gzip' })
    expect(gunzipSync(first.body).toString('utf8')).toBe(BIG_JS)
    const changed = `${BIG_JS}\nexport const rebuilt = true;`
    await writeH5(world.h5Dir, { 'js/plain.js': changed })
    await utimes(`${world.h5Dir}/js/plain.js`, new Date(), new Date(Date.now() + 5000))
    const second = await rawGet(url, { 'accept-encoding': 'gzip' })
    expect(gunzipSync(second.body).toString('utf8')).toBe(changed)
  })

  it('serves an icon at /favicon.ico when the build has none, so no page load logs a 404', async () => {
    const h5Dir = `${world.dir}/h5-no-icon`
    await writeH5(h5Dir, { 'index.html': INDEX_HTML })
    const other = await world.start({ h5Dir, dataDir: world.dataDir('no-icon') })
    const icon = await rawGet(`${other.url}/favicon.ico`)
    expect(icon.status).toBe(200)
    expect(icon.headers['content-type']).toBe('image/png')
    expect(icon.body.subarray(1, 4).toString('ascii')).toBe('PNG')
    // The build's own icon wins.
    expect((await rawGet(`${host.url}/favicon.ico`)).body.toString('utf8')).toBe('icon')
    expect((await rawGet(`${other.url}/missing.ico`)).status).toBe(404)
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
