import { mkdir, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { RunningHost } from '../../../cloudfunctions/emulator/host'
import { buildProbe, call, createHostWorld, dataOf, errorCodeOf, type HostWorld } from '../../support/host/host-test-kit'

interface Whoami {
  openid: string
  appid: string
  env: string
  instanceId: string
  invocations: number
}

describe('host: POST /api/<fn>', () => {
  let world: HostWorld
  let host: RunningHost

  beforeAll(async () => {
    world = await createHostWorld()
    host = await world.start({ instances: 4, adminOpenids: ['demo-admin', 'ops-admin'], functionEnv: { PROBE_EXTRA: 'from-console' } })
  })

  afterAll(async () => {
    await world.dispose()
  })

  it('answers AUTH.REQUIRED (401) when the caller has no identity', async () => {
    const reply = await call(host.url, 'probe', null, { action: 'whoami' })
    expect(reply.status).toBe(401)
    expect(reply.body).toEqual({
      ok: false,
      error: { code: 'AUTH.REQUIRED', message: '请先登录（本地开发：打开 /dev/sign-in 选择一位演示用户）' },
    })
  })

  it('refuses an identity of the wrong shape', async () => {
    for (const openid of ['abc', 'has space!', '1234567890', 'x'.repeat(65)]) {
      const reply = await call(host.url, 'probe', openid, { action: 'whoami' })
      expect(reply.status).toBe(401)
      expect(errorCodeOf(reply)).toBe('AUTH.REQUIRED')
    }
  })

  it('answers a 404 envelope for a function that is not deployed', async () => {
    for (const name of ['nosuch', '..%2Fprobe', 'probe/extra', '']) {
      const reply = await call(host.url, name, 'demo-member-1', { action: 'whoami' })
      expect(reply.status).toBe(404)
      expect(errorCodeOf(reply)).toBe('COMMON.UNKNOWN_FUNCTION')
      expect((reply.body as { error: { message: string } }).error.message).toMatch(/不存在/)
    }
  })

  it('answers COMMON.INVALID_INPUT (400) for a body that is not a JSON object', async () => {
    for (const body of ['{not json', '[1,2]', '"text"', 'null']) {
      const res = await fetch(`${host.url}/api/probe`, { method: 'POST', headers: { 'x-openid': 'demo-member-1' }, body })
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT' } })
    }
  })

  it('refuses a body over the size cap with a 413 envelope', async () => {
    const res = await fetch(`${host.url}/api/probe`, {
      method: 'POST',
      headers: { 'x-openid': 'demo-member-1', 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'event', blob: 'x'.repeat(1024 * 1024 + 10) }),
    })
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT' } })
  })

  it('refuses other methods than POST', async () => {
    const res = await fetch(`${host.url}/api/probe`, { headers: { 'x-openid': 'demo-member-1' } })
    expect(res.status).toBe(405)
    expect(await res.json()).toMatchObject({ ok: false })
  })

  it('gives each of 40 concurrent callers their own identity', async () => {
    const openids = Array.from({ length: 40 }, (_, i) => `concurrent-user-${String(i).padStart(2, '0')}`)
    const replies = await Promise.all(openids.map((openid) => call(host.url, 'probe', openid, { action: 'whoami' })))
    const seen = replies.map((reply) => dataOf<Whoami>(reply).openid)
    expect(seen).toEqual(openids)
    // More callers than instances: the pool queued them rather than sharing an instance.
    const instances = new Set(replies.map((reply) => dataOf<Whoami>(reply).instanceId))
    expect(instances.size).toBeLessThanOrEqual(4)
    expect(instances.size).toBeGreaterThan(1)
  })

  it('passes the cloud context the real SDK reads: appid, env, and the caller as event.userInfo', async () => {
    const who = dataOf<Whoami>(await call(host.url, 'probe', 'demo-member-2', { action: 'whoami' }))
    expect(who).toMatchObject({ openid: 'demo-member-2', env: 'local' })
    expect(who.appid).toMatch(/^wx/)
    const { event } = dataOf<{ event: Record<string, unknown> }>(
      await call(host.url, 'probe', 'demo-member-2', { action: 'event', userInfo: { openId: 'forged' } }),
    )
    // The platform overwrites whatever the client put there.
    expect(event.userInfo).toEqual({ appId: who.appid, openId: 'demo-member-2' })
  })

  it('JSON round-trips the result, as the cloud does', async () => {
    const data = dataOf<Record<string, unknown>>(await call(host.url, 'probe', 'demo-member-1', { action: 'event', n: 1 }))
    expect(data.at).toBe('1970-01-01T00:00:00.000Z')
    expect('dropped' in data).toBe(false)
  })

  it('gives functions the console environment and nothing of the shell', async () => {
    const data = dataOf<Record<string, unknown>>(await call(host.url, 'probe', 'demo-member-1', { action: 'env' }))
    expect(data).toEqual({ adminOpenids: 'demo-admin,ops-admin', home: null, extra: 'from-console' })
  })

  it('answers COMMON.INTERNAL when the function throws, and the next call works', async () => {
    const reply = await call(host.url, 'probe', 'demo-member-1', { action: 'throw' })
    expect(reply.status).toBe(500)
    expect(errorCodeOf(reply)).toBe('COMMON.INTERNAL')
    expect(JSON.stringify(reply.body)).not.toMatch(/probe failure|at main/)
    expect(dataOf<Whoami>(await call(host.url, 'probe', 'demo-member-1', { action: 'whoami' })).openid).toBe('demo-member-1')
  })

  it('answers COMMON.INTERNAL when an instance dies, replaces it, and the next calls work', async () => {
    const [exited, other] = await Promise.all([
      call(host.url, 'probe', 'demo-member-1', { action: 'exit' }),
      call(host.url, 'probe', 'demo-member-2', { action: 'whoami' }),
    ])
    expect(exited.status).toBe(500)
    expect(errorCodeOf(exited)).toBe('COMMON.INTERNAL')
    expect(dataOf<Whoami>(other).openid).toBe('demo-member-2')
    const after = await Promise.all(
      Array.from({ length: 8 }, (_, i) => call(host.url, 'probe', `after-exit-${i}`, { action: 'whoami' })),
    )
    expect(after.map((r) => dataOf<Whoami>(r).openid)).toEqual(Array.from({ length: 8 }, (_, i) => `after-exit-${i}`))
  })
})

describe('host: instances', () => {
  let world: HostWorld

  beforeAll(async () => {
    world = await createHostWorld()
  })

  afterAll(async () => {
    await world.dispose()
  })

  it('reuses a warm instance across requests', async () => {
    const host = await world.start({ instances: 1, dataDir: world.dataDir('warm') })
    const first = dataOf<Whoami>(await call(host.url, 'probe', 'demo-member-1', { action: 'whoami' }))
    const second = dataOf<Whoami>(await call(host.url, 'probe', 'demo-member-2', { action: 'whoami' }))
    expect(second.instanceId).toBe(first.instanceId)
    expect(second.invocations).toBe(first.invocations + 1)
    expect(second.openid).toBe('demo-member-2')
  })

  it('serves a waiting call from a warm instance that frees up before a cold one has loaded', async () => {
    const host = await world.start({ instances: 2, dataDir: world.dataDir('warm-first') })
    const warm = dataOf<Whoami>(await call(host.url, 'probe', 'demo-member-1', { action: 'whoami' }))
    // Two at once: the second makes the pool start another instance, but the warm one finishes its call
    // (a millisecond) long before a cold start (loading the bundle) and takes the waiting call itself.
    const both = await Promise.all([
      call(host.url, 'probe', 'demo-member-1', { action: 'whoami' }),
      call(host.url, 'probe', 'demo-member-2', { action: 'whoami' }),
    ])
    expect(both.map((reply) => dataOf<Whoami>(reply).instanceId)).toEqual([warm.instanceId, warm.instanceId])
    expect(both.map((reply) => dataOf<Whoami>(reply).openid)).toEqual(['demo-member-1', 'demo-member-2'])
  })

  it('answers COMMON.TIMEOUT past the time limit and serves the next caller from a fresh instance', async () => {
    const host = await world.start({ instances: 1, timeoutMs: 300, dataDir: world.dataDir('timeout') })
    const before = dataOf<Whoami>(await call(host.url, 'probe', 'demo-member-1', { action: 'whoami' }))
    const [slow, queued] = await Promise.all([
      call(host.url, 'probe', 'demo-member-1', { action: 'sleep', ms: 5000 }),
      call(host.url, 'probe', 'demo-member-2', { action: 'whoami' }),
    ])
    expect(slow.status).toBe(504)
    expect(errorCodeOf(slow)).toBe('COMMON.TIMEOUT')
    const next = dataOf<Whoami>(queued)
    expect(next.openid).toBe('demo-member-2')
    expect(next.instanceId).not.toBe(before.instanceId)
  })

  it('answers COMMON.INTERNAL for a bundle that fails to load, on every call', async () => {
    const host = await world.start({ instances: 2, dataDir: world.dataDir('broken') })
    await mkdir(path.join(world.functionsDir, 'broken'), { recursive: true })
    await writeFile(path.join(world.functionsDir, 'broken', 'index.js'), "throw new Error('top level fails')\n")
    await mkdir(path.join(world.functionsDir, 'nomain'), { recursive: true })
    await writeFile(path.join(world.functionsDir, 'nomain', 'index.js'), 'exports.handler = () => 1\n')
    for (const fn of ['broken', 'broken', 'nomain']) {
      const reply = await call(host.url, fn, 'demo-member-1', { action: 'whoami' })
      expect(reply.status).toBe(500)
      expect(errorCodeOf(reply)).toBe('COMMON.INTERNAL')
    }
  })

  it('runs a rebuilt bundle on fresh instances without a restart', async () => {
    const host = await world.start({ instances: 1, dataDir: world.dataDir('rebuild') })
    const before = dataOf<Whoami>(await call(host.url, 'probe', 'demo-member-1', { action: 'whoami' }))
    const bundle = path.join(world.functionsDir, 'probe', 'index.js')
    await buildProbe(bundle)
    // A newer mtime is what marks a new build; set it explicitly so a fast machine cannot tie.
    const later = new Date(Date.now() + 5000)
    await utimes(bundle, later, later)
    const after = dataOf<Whoami>(await call(host.url, 'probe', 'demo-member-1', { action: 'whoami' }))
    expect(after.instanceId).not.toBe(before.instanceId)
    expect(after.invocations).toBe(1)
  })
})
