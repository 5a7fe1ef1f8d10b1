import { seedDemoData } from '../../../cloudfunctions/emulator/seed'
import { WISH_STATUSES } from '../../../cloudfunctions/contracts/rules/wish.rules'
import type { Envelope } from '../../../cloudfunctions/contracts'
import { functionCaller, type FunctionCaller } from './function-caller'
import { startLocalCloud, useCaller, type LocalCloud } from '../local-cloud'

/**
 * A local cloud with the demo data and the `wish` function, plus the steps that bring a wish to each
 * state, for the wish integration specs. Every wish a helper posts gets its own beneficiary phone
 * (so the limit of 3 per beneficiary only bites where a test means it to).
 */
export type Json = Record<string, unknown>

export const SEC = 'demo-secretary'
export const M1 = 'demo-member-1'
export const M2 = 'demo-member-2'
export const RES = 'demo-resident-1'
export const SEC2 = 'demo-secretary-2'
export const OTHER = 'demo-member-3'
export const NOBODY = 'demo-newcomer'
/** A second resident of branch 1 (not seeded): someone else's wish is not theirs to see. */
export const RES2 = 'wish-resident-2'

/** The seeded people's phones: no wish answer ever carries one. */
export const MEMBER_PHONES = ['13800138001', '13800138002', '13800138003', '13800138004', '13800138005', '13800138006']
export const SEEDED_OPENIDS = [SEC, M1, M2, RES, SEC2, OTHER, NOBODY, 'demo-admin', RES2]

export interface WishWorld {
  cloud: LocalCloud
  wish: FunctionCaller
  call(openid: string | null, event: unknown): Promise<Envelope<unknown>>
  ok<T = Json>(openid: string | null, event: unknown): Promise<T>
  errorCode(openid: string | null, event: unknown): Promise<string>
  /** Uploads bytes to storage as the mini-program does, answering the fileID. */
  upload(cloudPath: string): Promise<string>
  /** A fresh beneficiary phone. */
  phone(): string
  postInput(overrides?: Json): Json
  /** Posted by `poster` (a resident for themself, anyone else on behalf), waiting for review. */
  pending(poster?: string, overrides?: Json): Promise<string>
  /** Approved by the secretary of branch 1. */
  open(options?: { poster?: string; openToAll?: boolean; overrides?: Json }): Promise<string>
  claimed(claimer: string, options?: { poster?: string; openToAll?: boolean }): Promise<string>
  fulfilled(claimer: string, options?: { poster?: string }): Promise<string>
  stored(wishId: string): Promise<Json>
  /** Sets fields of a stored wish directly (to place it in the past). */
  patch(wishId: string, data: Json): Promise<void>
  /** Adds people to a branch directly (for bursts): `<prefix>-000`, `<prefix>-001`, … */
  addPeople(prefix: string, n: number, role?: 'member' | 'resident', branchId?: string): Promise<string[]>
  /** A fresh party member of branch 1 named `name`: each test's claimer, so the limit of 3 never carries over. */
  member(name?: string): Promise<string>
  /** The wish collections as stored, to prove a refused call wrote nothing. */
  snapshot(): Promise<string>
  count(collection: string, query?: Json): Promise<number>
  close(): Promise<void>
}

let phoneSeq = 0
let memberSeq = 0

export async function startWishWorld(): Promise<WishWorld> {
  const cloud = await startLocalCloud()
  await seedDemoData(cloud.backend.store)
  const addPeople = async (prefix: string, n: number, role: 'member' | 'resident' = 'member', branchId = 'demo-branch-1') => {
    const at = new Date('2025-02-01T00:00:00Z')
    const ids = Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`)
    await cloud.backend.store.insert(
      'members',
      ids.map((openid, i) => ({ _id: openid, openid, name: `测试${i}号`, phone: '', post: '', avatar: '', role, branchId, joinedAt: at, updatedAt: at })),
    )
    return ids
  }
  await cloud.backend.store.insert('members', [
    { _id: RES2, openid: RES2, name: '周桂芳', phone: '', post: '社区居民', avatar: '', role: 'resident', branchId: 'demo-branch-1', joinedAt: new Date(), updatedAt: new Date() },
  ])
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const wish = functionCaller(cloud, 'wish', require('../../../cloudfunctions/functions/wish').main)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require('wx-server-sdk') as typeof import('wx-server-sdk')

  const ok = <T = Json>(openid: string | null, event: unknown) => wish.ok<T>(openid, event)
  const phone = () => {
    phoneSeq += 1
    return `137${String(phoneSeq).padStart(8, '0')}`
  }
  const postInput = (overrides: Json = {}): Json => ({
    action: 'post',
    title: '给孙子买一个新书包',
    description: '孙子上三年级，书包带子断了，想要一个结实的书包。',
    category: 'study',
    cost: 80,
    phone: phone(),
    address: '幸福小区 3 栋 2 单元 501',
    neighbourhood: '幸福小区',
    ...overrides,
  })
  const pending = async (poster = RES, overrides: Json = {}) => {
    const extra = poster === RES ? {} : { onBehalfOf: { name: '刘秀兰' } }
    return (await ok<{ id: string }>(poster, postInput({ ...extra, ...overrides }))).id
  }
  const open: WishWorld['open'] = async (options = {}) => {
    const id = await pending(options.poster, options.overrides)
    await ok(SEC, { action: 'review', wishId: id, decision: 'approve', ...(options.openToAll ? { openToAll: true } : {}) })
    return id
  }
  const claimed: WishWorld['claimed'] = async (claimer, options = {}) => {
    const id = await open(options)
    await ok(claimer, { action: 'claim', wishId: id })
    return id
  }
  const upload = async (cloudPath: string) => {
    useCaller(cloud, null)
    const res = (await sdk.uploadFile({ cloudPath, fileContent: Buffer.from('\xff\xd8\xff proof photo') })) as { fileID: string }
    return res.fileID
  }
  const fulfilled: WishWorld['fulfilled'] = async (claimer, options = {}) => {
    const id = await claimed(claimer, options)
    const photo = await upload(`wish-photos/proof-${id}.jpg`)
    await ok(claimer, { action: 'fulfil', wishId: id, note: '书包已经送到老人家里', photos: [photo] })
    return id
  }
  const stored = async (wishId: string) => {
    const [doc] = await cloud.backend.store.find('wishes', { _id: wishId })
    if (!doc) throw new Error(`no wish ${wishId}`)
    return doc
  }
  const patch = async (wishId: string, data: Json) => {
    useCaller(cloud, null)
    await sdk.database().collection('wishes').doc(wishId).update({ data })
  }
  return {
    cloud,
    wish,
    call: (openid, event) => wish.call(openid, event),
    ok,
    errorCode: (openid, event) => wish.errorCode(openid, event),
    upload,
    phone,
    postInput,
    pending,
    open,
    claimed,
    fulfilled,
    stored,
    patch,
    count: (collection, query) => cloud.backend.store.count(collection, query),
    addPeople,
    member: async (name = '李秀英') => {
      memberSeq += 1
      const openid = `wish-member-${String(memberSeq).padStart(4, '0')}`
      const at = new Date('2025-02-01T00:00:00Z')
      await cloud.backend.store.insert('members', [
        { _id: openid, openid, name, phone: '', post: '', avatar: '', role: 'member', branchId: 'demo-branch-1', joinedAt: at, updatedAt: at },
      ])
      return openid
    },
    snapshot: async () =>
      JSON.stringify(await Promise.all(['wishes', 'wish_slots', 'wish_stats'].map((c) => cloud.backend.store.find(c)))),
    close: () => cloud.close(),
  }
}

/**
 * The slots and the branch figures agree with a recount of the stored wishes of every branch: what each
 * claimer holds, what each beneficiary has open, and the wishes in each state.
 */
export async function expectBooksBalance(w: WishWorld): Promise<void> {
  const wishes = await w.cloud.backend.store.find('wishes')
  const slots = await w.cloud.backend.store.find('wish_slots')
  for (const branchId of new Set(wishes.map((d) => String(d.branchId)))) {
    const [stats] = await w.cloud.backend.store.find('wish_stats', { _id: branchId })
    const current = (stats?.current ?? {}) as Record<string, number>
    const mine = wishes.filter((d) => d.branchId === branchId)
    for (const s of WISH_STATUSES) expect([branchId, s, current[s] ?? 0]).toEqual([branchId, s, mine.filter((d) => d.status === s).length])
    expect([branchId, (stats?.funnel as { posted?: number } | undefined)?.posted]).toEqual([branchId, mine.length])
  }
  const expected = new Map<string, string[]>()
  const hold = (slotId: string, id: string) => expected.set(slotId, [...(expected.get(slotId) ?? []), id].sort())
  for (const d of wishes) {
    const claimer = (d.claimer as { openid: string } | null)?.openid
    if (d.status === 'claimed' && claimer) hold(`claimer_${claimer}`, String(d._id))
    if (['pending', 'open', 'claimed', 'fulfilled'].includes(String(d.status))) hold(`beneficiary_${(d.beneficiary as { key: string }).key}`, String(d._id))
  }
  for (const slot of slots) {
    const held = [...(slot.wishIds as string[])].sort()
    expect([slot._id, held]).toEqual([slot._id, expected.get(String(slot._id)) ?? []])
    expect(held.length).toBeLessThanOrEqual(3)
  }
  for (const slotId of expected.keys()) expect(slots.map((s) => s._id)).toContain(slotId)
}
