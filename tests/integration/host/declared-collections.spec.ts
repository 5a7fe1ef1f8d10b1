import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { RunningHost } from '../../../cloudfunctions/emulator/host'
import { call, createHostWorld, dataOf, type HostWorld } from '../../support/host/host-test-kit'

interface WriteOutcome {
  result?: { _id?: string; stats?: { updated: number } }
  errCode?: number
  message?: string
}

/**
 * The backend creates the collections of the environment's declaration (cloudbaserc.json) and enforces
 * their unique indexes as the cloud database does: a write that would repeat a key is refused with the
 * duplicate-key error the SDK reports as errCode -501001 (docs/local-cloud.md, "The declared environment").
 */
describe('host: collections and unique indexes from the declared environment', () => {
  let world: HostWorld
  let host: RunningHost

  const write = async (event: object): Promise<WriteOutcome> =>
    dataOf<WriteOutcome>(await call(host.url, 'probe', 'demo-member-1', { action: 'write', ...event }))

  beforeAll(async () => {
    world = await createHostWorld()
    const environmentFile = path.join(world.dir, 'cloudbaserc.json')
    const collection = (collectionName: string, createIndexes: object[]) => ({ collectionName, aclTag: 'ADMINONLY', createIndexes })
    const declaration = {
      envId: '{{env.TCB_ENV_ID}}',
      functions: [{ name: 'probe', timeout: 10 }],
      framework: {
        plugins: {
          database: {
            use: '@cloudbase/framework-plugin-database',
            inputs: {
              collections: [
                collection('seats', [
                  { name: 'lecture_openid_unique', unique: true, keys: [{ name: 'lectureId', direction: '1' }, { name: 'openid', direction: '1' }] },
                  { name: 'by_time', unique: false, keys: [{ name: 'at', direction: '-1' }] },
                ]),
                collection('rooms', [{ name: 'code_unique', unique: true, keys: [{ name: 'codes.member', direction: '1' }] }]),
                collection('empty_until_used', []),
              ],
            },
          },
        },
      },
    }
    await writeFile(environmentFile, JSON.stringify(declaration, null, 2))
    host = await world.start({ instances: 1, environmentFile })
  })

  afterAll(async () => {
    await world.dispose()
  })

  it('creates every declared collection at start', async () => {
    // Each collection is a file of the store (docs/local-cloud.md, "Durability"), there before any write.
    for (const name of ['seats', 'rooms', 'empty_until_used']) expect(existsSync(path.join(world.dataDir(), 'db', `${name}.db`))).toBe(true)
  })

  it('refuses a second document with the same compound key, as a duplicate write', async () => {
    const first = await write({ collection: 'seats', data: { lectureId: 'L1', openid: 'u1', at: 1 } })
    expect(first.result?._id).toEqual(expect.any(String))
    const again = await write({ collection: 'seats', data: { lectureId: 'L1', openid: 'u1', at: 2 } })
    expect(again.errCode).toBe(-501001)
    expect(again.message).toContain('duplicate key error collection: seats index: lecture_openid_unique')
    // Another person, or the same person at another lecture, is a different key; a non-unique index never refuses.
    expect((await write({ collection: 'seats', data: { lectureId: 'L1', openid: 'u2', at: 1 } })).result?._id).toEqual(expect.any(String))
    expect((await write({ collection: 'seats', data: { lectureId: 'L2', openid: 'u1', at: 1 } })).result?._id).toEqual(expect.any(String))
    expect(await host.store.count('seats', { lectureId: 'L1', openid: 'u1' })).toBe(1)
  })

  it('refuses an update that would take another document’s key, and allows one that keeps its own', async () => {
    const a = (await write({ collection: 'rooms', data: { name: 'A', codes: { member: 'AAAA' } } })).result?._id
    const b = (await write({ collection: 'rooms', data: { name: 'B', codes: { member: 'BBBB' } } })).result?._id
    const taken = await write({ collection: 'rooms', id: b, data: { codes: { member: 'AAAA' } } })
    expect(taken.errCode).toBe(-501001)
    expect(taken.message).toContain('index: code_unique')
    expect((await host.store.find('rooms', { _id: b }))[0]?.codes).toEqual({ member: 'BBBB' })
    // Its own key again, another field, or a new key nobody holds.
    expect((await write({ collection: 'rooms', id: a, data: { name: 'A2', codes: { member: 'AAAA' } } })).result?.stats?.updated).toBe(1)
    expect((await write({ collection: 'rooms', id: b, data: { codes: { member: 'CCCC' } } })).result?.stats?.updated).toBe(1)
    // The key B gave up is free again.
    expect((await write({ collection: 'rooms', data: { name: 'D', codes: { member: 'BBBB' } } })).result?._id).toEqual(expect.any(String))
  })

  it('refuses a transaction whose commit would repeat a key, writing none of it', async () => {
    await write({ collection: 'seats', data: { lectureId: 'T1', openid: 'held', at: 1 } })
    const refused = dataOf<WriteOutcome>(
      await call(host.url, 'probe', 'demo-member-1', {
        action: 'txSet',
        collection: 'seats',
        data: { docs: [{ _id: 'tx-a', lectureId: 'T1', openid: 'fresh', at: 1 }, { _id: 'tx-b', lectureId: 'T1', openid: 'held', at: 1 }] },
      }),
    )
    expect(refused.message).toContain('index: lecture_openid_unique')
    expect(await host.store.count('seats', { lectureId: 'T1' })).toBe(1)
    // The store still takes writes: the refusal came before the commit was journalled.
    const next = await call(host.url, 'probe', 'demo-member-1', {
      action: 'txSet',
      collection: 'seats',
      data: { docs: [{ _id: 'tx-c', lectureId: 'T1', openid: 'fresh', at: 1 }] },
    })
    expect(dataOf<{ result?: { committed: number } }>(next).result).toEqual({ committed: 1 })
  })

  it('starts with the repository’s own declaration and the demo data, as npm start does', async () => {
    const repo = await world.start({ instances: 1, dataDir: world.dataDir('repo'), environmentFile: path.resolve(__dirname, '../../../cloudbaserc.json') })
    expect(await repo.store.count('branches')).toBeGreaterThan(0)
    for (const name of ['branches', 'members', 'lectures', 'check_ins', 'ratings', 'wishes', 'wish_slots', 'wish_stats']) {
      expect(existsSync(path.join(world.dataDir('repo'), 'db', `${name}.db`))).toBe(true)
    }
  })

  it('refuses to start on stored documents that break a declared unique index', async () => {
    const dataDir = world.dataDir('dupes')
    const plain = await world.start({ instances: 1, dataDir })
    await dataOf(await call(plain.url, 'probe', 'demo-member-1', { action: 'write', collection: 'rooms', data: { codes: { member: 'SAME' } } }))
    await dataOf(await call(plain.url, 'probe', 'demo-member-1', { action: 'write', collection: 'rooms', data: { codes: { member: 'SAME' } } }))
    await plain.close()
    await expect(world.start({ dataDir, environmentFile: path.join(world.dir, 'cloudbaserc.json') })).rejects.toThrow(/code_unique/)
  })
})
