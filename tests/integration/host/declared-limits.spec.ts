import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { call, createHostWorld, dataOf, errorCodeOf, type HostWorld } from '../../support/host/host-test-kit'

interface Limits {
  timeLimitMs: number | null
  memoryLimitMb: number | null
}

/**
 * The host takes each function's timeout and memory from the environment's declaration (cloudbaserc.json,
 * what `npm run deploy` hands to the CloudBase CLI), so a function that would overrun in the cloud
 * overruns locally too (docs/local-cloud.md, "The declared environment").
 */
describe('host: limits from the declared environment', () => {
  let world: HostWorld
  let environmentFile: string

  beforeAll(async () => {
    world = await createHostWorld()
    environmentFile = path.join(world.dir, 'cloudbaserc.json')
    const declaration = {
      envId: '{{env.TCB_ENV_ID}}',
      functions: [{ name: 'probe', runtime: 'Nodejs16.13', timeout: 1, memorySize: 512, installDependency: true }],
    }
    await writeFile(environmentFile, JSON.stringify(declaration, null, 2))
  })

  afterAll(async () => {
    await world.dispose()
  })

  it('stops a function at its declared timeout, answers COMMON.TIMEOUT, and serves the next call from a fresh instance', async () => {
    const host = await world.start({ instances: 1, environmentFile, dataDir: world.dataDir('declared') })
    const limits = dataOf<Limits>(await call(host.url, 'probe', 'demo-member-1', { action: 'limits' }))
    expect(limits).toEqual({ timeLimitMs: 1000, memoryLimitMb: 512 })

    const started = Date.now()
    const slow = await call(host.url, 'probe', 'demo-member-1', { action: 'sleep', ms: 5000 })
    const elapsed = Date.now() - started
    expect(slow.status).toBe(504)
    expect(errorCodeOf(slow)).toBe('COMMON.TIMEOUT')
    // Stopped at 1 s (the host's own 20 s default does not apply), well before the 5 s it asked for.
    expect(elapsed).toBeGreaterThanOrEqual(950)
    expect(elapsed).toBeLessThan(4000)

    expect(dataOf<{ slept: number }>(await call(host.url, 'probe', 'demo-member-2', { action: 'sleep', ms: 200 }))).toEqual({ slept: 200 })
  })

  it('keeps the host setting as a cap on the declared timeout (tests shorten it)', async () => {
    const host = await world.start({ instances: 1, environmentFile, timeoutMs: 300, dataDir: world.dataDir('capped') })
    expect(dataOf<Limits>(await call(host.url, 'probe', 'demo-member-1', { action: 'limits' })).timeLimitMs).toBe(300)
    const slow = await call(host.url, 'probe', 'demo-member-1', { action: 'sleep', ms: 800 })
    expect(errorCodeOf(slow)).toBe('COMMON.TIMEOUT')
  })

  it('gives a function the declaration does not name the host setting', async () => {
    await writeFile(path.join(world.dir, 'other.json'), JSON.stringify({ functions: [{ name: 'member', timeout: 3 }] }))
    const host = await world.start({ instances: 1, environmentFile: path.join(world.dir, 'other.json'), timeoutMs: 7000, dataDir: world.dataDir('undeclared') })
    expect(dataOf<Limits>(await call(host.url, 'probe', 'demo-member-1', { action: 'limits' }))).toEqual({ timeLimitMs: 7000, memoryLimitMb: 256 })
  })

  it('refuses to start on a declaration it cannot read, rather than run functions unbounded', async () => {
    await writeFile(path.join(world.dir, 'bad.json'), JSON.stringify({ functions: [{ name: 'probe', timeout: 90 }] }))
    await expect(world.start({ environmentFile: path.join(world.dir, 'bad.json'), dataDir: world.dataDir('bad') })).rejects.toThrow(/timeout/)
  })
})
