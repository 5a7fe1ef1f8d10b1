import type { RunningHost } from '../../../cloudfunctions/emulator/host'
import { call, createHostWorld, dataOf, type HostWorld } from '../../support/host/host-test-kit'

/**
 * Instances reach the backend over their port by default (admin-link.ts) and over loopback HTTP with
 * `adminTransport: 'http'`. Either way a function sees the same answers: documents, the SDK's error
 * codes, binary cloud calls, and storage (whose uploads and downloads stay on HTTP).
 */
describe('host: how instances reach the backend', () => {
  let world: HostWorld
  const hosts: Record<'link' | 'http', RunningHost | undefined> = { link: undefined, http: undefined }

  beforeAll(async () => {
    world = await createHostWorld()
    hosts.link = await world.start({ instances: 1, seed: false })
    hosts.http = await world.start({ instances: 1, seed: false, adminTransport: 'http', dataDir: world.dataDir('http') })
  })

  afterAll(async () => {
    await world.dispose()
  })

  const tour = async (transport: 'link' | 'http') => {
    const host = hosts[transport]
    if (!host) throw new Error(`no ${transport} host`)
    return dataOf(await call(host.url, 'probe', 'demo-member-1', { action: 'sdkTour', id: 'tour-1' }))
  }

  it('answers every kind of SDK request over the link as over HTTP', async () => {
    const overHttp = await tour('http')
    expect(overHttp).toEqual({
      added: 'tour-1',
      duplicate: { errCode: -501001 },
      read: { n: 1, at: '1970-01-01T00:00:00.000Z' },
      missing: { errCode: -1 },
      code: { bytes: true, contentType: 'image/png' },
      refused: { errCode: 40169 },
      file: { fileID: true, content: '党课资料' },
    })
    expect(await tour('link')).toEqual(overHttp)
  })

  it('keeps each caller apart when calls overlap on the link', async () => {
    const host = hosts.link
    if (!host) throw new Error('no link host')
    const callers = Array.from({ length: 12 }, (_, i) => `demo-member-${i}`)
    const replies = await Promise.all(callers.map((openid) => call(host.url, 'probe', openid, { action: 'whoami' })))
    expect(replies.map((reply) => dataOf<{ openid: string }>(reply).openid)).toEqual(callers)
  })
})
