import { callerTag } from '../../../cloudfunctions/emulator/host/host-log'
import { call, createHostWorld, dataOf, type HostWorld } from '../../support/host/host-test-kit'

/**
 * Nothing personal is written to logs (docs/architecture.md "Privacy"). At debug level the host logs a line per call and
 * per upload; the caller appears there only as a tag that cannot be turned back into the openid.
 */
describe('host: debug log', () => {
  let world: HostWorld
  let lines: string[]
  let log: jest.SpyInstance

  beforeAll(async () => {
    world = await createHostWorld()
  })

  beforeEach(() => {
    lines = []
    // The host logs debug lines with console.log; keep them out of the test output and read them.
    log = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(' '))
    })
  })

  afterEach(() => {
    log.mockRestore()
  })

  afterAll(async () => {
    await world.dispose()
  })

  it('names the caller of a call and of an upload by a short tag, never by openid', async () => {
    const host = await world.start({ instances: 1, logLevel: 'debug' })
    for (const openid of ['demo-member-1', 'demo-member-2', 'demo-member-1']) {
      expect(dataOf<{ openid: string }>(await call(host.url, 'probe', openid, { action: 'whoami' })).openid).toBe(openid)
    }
    const upload = await fetch(`${host.url}/storage/upload?cloudPath=${encodeURIComponent('notes/log-check.txt')}`, {
      method: 'POST',
      headers: { 'x-openid': 'demo-secretary', 'content-type': 'application/octet-stream' },
      body: 'log check',
    })
    expect(upload.status).toBe(200)

    const callLines = lines.filter((line) => line.includes('probe.whoami'))
    expect(callLines).toHaveLength(3)
    const tags = callLines.map((line) => /caller=([0-9a-f]{8}) /.exec(line)?.[1])
    // One caller, one tag; two callers, two tags — so a developer can still follow one caller's calls.
    expect(tags[0]).toBe(tags[2])
    expect(tags[0]).not.toBe(tags[1])
    expect(tags).toEqual([callerTag('demo-member-1'), callerTag('demo-member-2'), callerTag('demo-member-1')])
    const uploadLines = lines.filter((line) => line.includes('notes/log-check.txt'))
    expect(uploadLines).toEqual([expect.stringContaining(`caller=${callerTag('demo-secretary')}`)])
    for (const line of lines) expect(line).not.toMatch(/demo-(member|secretary)/)
  })
})
