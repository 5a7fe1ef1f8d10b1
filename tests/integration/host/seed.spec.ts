import { DEMO_INVITE_CODES, DEMO_OPENIDS, DEMO_PEOPLE } from '../../../cloudfunctions/emulator/seed'
import { call, createHostWorld, dataOf, type HostWorld } from '../../support/host/host-test-kit'

type Doc = Record<string, unknown>

const byId = (docs: Doc[]) => new Map(docs.map((doc) => [String(doc._id), doc]))

/** Not `instanceof`: the store clones documents with structuredClone, whose Dates come from Node's realm, not Jest's. */
const isDate = (value: unknown) => Object.prototype.toString.call(value) === '[object Date]'

describe('host: demo data', () => {
  let world: HostWorld

  beforeAll(async () => {
    world = await createHostWorld()
  })

  afterAll(async () => {
    await world.dispose()
  })

  it('seeds an empty store on start, and a function sees it through the real SDK', async () => {
    const host = await world.start({ dataDir: world.dataDir('fresh') })
    const branches = byId(await host.store.find('branches'))
    const members = byId(await host.store.find('members'))
    expect([...branches.keys()].sort()).toEqual(['demo-branch-1', 'demo-branch-2'])
    expect(branches.get('demo-branch-1')).toMatchObject({
      name: '示范社区第一党支部',
      inviteCodes: DEMO_INVITE_CODES['demo-branch-1'],
      secretaryCode: null,
      counts: { secretary: 1, member: 2, resident: 1 },
      createdBy: DEMO_OPENIDS.admin,
    })
    expect(branches.get('demo-branch-2')).toMatchObject({ counts: { secretary: 1, member: 1, resident: 0 } })
    expect(isDate(branches.get('demo-branch-1')?.createdAt)).toBe(true)

    // Everyone with a role has a member document; the newcomer and the administrator have none.
    const withRole = DEMO_PEOPLE.filter((p) => p.role !== null)
    expect([...members.keys()].sort()).toEqual(withRole.map((p) => p.openid).sort())
    expect(members.has(DEMO_OPENIDS.newcomer)).toBe(false)
    expect(members.has(DEMO_OPENIDS.admin)).toBe(false)
    expect(members.get(DEMO_OPENIDS.secretary)).toMatchObject({
      _id: 'demo-secretary',
      openid: 'demo-secretary',
      name: '王建国',
      role: 'secretary',
      branchId: 'demo-branch-1',
      avatar: '',
    })
    for (const doc of members.values()) {
      expect(doc.phone).toMatch(/^138\d{8}$/)
      expect(isDate(doc.joinedAt)).toBe(true)
    }

    // Counts on each branch agree with the members seeded.
    for (const [id, branch] of branches) {
      const counts = { secretary: 0, member: 0, resident: 0 }
      for (const doc of members.values()) if (doc.branchId === id) counts[doc.role as keyof typeof counts] += 1
      expect(branch.counts).toEqual(counts)
    }

    expect(dataOf<{ total: number }>(await call(host.url, 'probe', DEMO_OPENIDS.member1, { action: 'countMembers' }))).toEqual({ total: 6 })
    await host.close()
  })

  it('keeps the data across a restart and does not seed twice', async () => {
    const dataDir = world.dataDir('restart')
    const first = await world.start({ dataDir })
    await first.store.insert('members', [{ _id: 'restart-user', openid: 'restart-user', name: '测试', role: null, branchId: null }])
    await first.close()

    const second = await world.start({ dataDir })
    expect(await second.store.count('branches')).toBe(2)
    expect(await second.store.count('members')).toBe(7)
    expect(await second.store.find('members', { _id: 'restart-user' })).toHaveLength(1)
    expect(dataOf<{ total: number }>(await call(second.url, 'probe', DEMO_OPENIDS.member1, { action: 'countMembers' }))).toEqual({ total: 7 })
    await second.close()
  })

  it('can start without the demo data', async () => {
    const host = await world.start({ dataDir: world.dataDir('bare'), seed: false })
    expect(await host.store.count('members')).toBe(0)
    await host.close()
  })
})
