import { seedDemoData } from '../../../cloudfunctions/emulator/seed'
import { monthStartMs } from '../../../cloudfunctions/contracts/rules/commitment.rules'
import type { Envelope } from '../../../cloudfunctions/contracts'
import { functionCaller, type FunctionCaller } from './function-caller'
import { startLocalCloud, useCaller, type LocalCloud } from '../local-cloud'

/**
 * A local cloud with the demo data and the `commitment` function, for the commitment integration specs.
 * The specs act in branches of their own (`A`, `B`, or a fresh one from `branch()`), so whatever the
 * demo seed holds for the demo branches never meets them; the demo people are there for the privacy
 * sweeps. Time is a controllable clock (`at`): only `Date` is faked, so the local backend and the SDK
 * keep their real timers while `ctx.now` of every call reads the instant a test chose.
 */
export type Json = Record<string, unknown>

/** The month the specs work in, and an instant in each of its phases (Beijing noon, written in UTC). */
export const MONTH = '2026-12'
export const NEXT_MONTH = '2027-01'
export const PREVIOUS_MONTH = '2026-11'
export const MOMENT = {
  later: '2026-10-20T04:00:00.000Z',
  upcoming: '2026-11-20T04:00:00.000Z',
  running: '2026-12-10T04:00:00.000Z',
  results: '2027-01-03T04:00:00.000Z',
  due: '2027-01-06T04:00:00.000Z',
} as const
export type Phase = keyof typeof MOMENT

/** The 10th of `month`, noon in Beijing: a moment while it runs. */
export function runningMoment(month: string): number {
  return monthStartMs(month) + (9 * 24 + 12) * 3600_000
}

export interface Branch {
  id: string
  name: string
  secretary: string
  /** Two party members. */
  members: [string, string]
  resident: string
}

/** Someone signed in with a record but no branch (a resident who scanned the notice-board code). */
export const NO_BRANCH = 'cm-no-branch'

export interface CommitmentWorld {
  cloud: LocalCloud
  commitment: FunctionCaller
  /** Branch A, where most specs act, and branch B, whose secretary must be refused in A. */
  A: Branch
  B: Branch
  call(openid: string | null, event: unknown): Promise<Envelope<unknown>>
  ok<T = Json>(openid: string | null, event: unknown): Promise<T>
  errorCode(openid: string | null, event: unknown): Promise<string>
  /** Sets the clock of every call that follows to `instant` (ISO or ms); `realTime()` gives the real one back. */
  at(instant: string | number): void
  realTime(): void
  /** A fresh branch with a secretary, two members and a resident. */
  branch(): Promise<Branch>
  /** A fresh person in a branch. */
  person(branchId: string, role?: 'member' | 'resident' | 'secretary', name?: string): Promise<string>
  /** Uploads bytes to storage as the mini-program does, answering the fileID. */
  upload(cloudPath: string): Promise<string>
  /** `n` items as the editor sends them. */
  items(n?: number, overrides?: Json): Json[]
  /** The author's draft for `month` (default MONTH), as answered. */
  draft<T = Json>(openid: string, month?: string, items?: Json[]): Promise<T>
  /** Drafted and submitted: answers the plan id. */
  submitted(openid: string, month?: string): Promise<string>
  /** Drafted, submitted and published by the branch's secretary: answers the plan id. */
  published(openid: string, secretary: string, month?: string): Promise<string>
  /** Both members of `b` published and the board published, with the clock set while `month` runs: answers their plan ids. */
  board(b: Branch, month?: string): Promise<[string, string]>
  /** The plan's item ids, in order. */
  itemIds(planId: string): Promise<string[]>
  stored(collection: string, id: string): Promise<Json | null>
  /** Sets fields of a stored document directly. */
  patch(collection: string, id: string, data: Json): Promise<void>
  /** The commitment collections as stored, to prove a refused call wrote nothing. */
  snapshot(): Promise<string>
  count(collection: string, query?: Json): Promise<number>
  close(): Promise<void>
}

const COLLECTIONS = ['commitment_plans', 'commitment_boards', 'commitment_cards', 'commitment_panels', 'commitment_ratings']
const JOINED = new Date('2025-02-01T00:00:00Z')
const NAMES = ['李明', '王芳', '张磊', '刘洋', '陈静', '杨帆', '赵敏', '黄强', '周杰', '吴霞']

let branchSeq = 0
let personSeq = 0

/** Everything but `Date` stays real: the backend's and the SDK's timers must run. */
const REAL_APIS = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const

export async function startCommitmentWorld(): Promise<CommitmentWorld> {
  const cloud = await startLocalCloud()
  await seedDemoData(cloud.backend.store)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const commitment = functionCaller(cloud, 'commitment', require('../../../cloudfunctions/functions/commitment').main)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require('wx-server-sdk') as typeof import('wx-server-sdk')
  const store = cloud.backend.store
  let faked = false

  const person = async (branchId: string | null, role: 'member' | 'resident' | 'secretary' | null = 'member', name?: string) => {
    personSeq += 1
    const openid = `cm-person-${String(personSeq).padStart(4, '0')}`
    const phone = `139${String(personSeq).padStart(8, '0')}`
    await store.insert('members', [
      {
        _id: openid,
        openid,
        name: name ?? `${NAMES[personSeq % NAMES.length]}${personSeq}`,
        phone: branchId ? phone : '',
        post: role === 'resident' ? '社区居民' : '社区志愿者',
        avatar: '',
        role,
        branchId,
        joinedAt: branchId ? JOINED : null,
        updatedAt: JOINED,
      },
    ])
    return openid
  }

  const branch = async (): Promise<Branch> => {
    branchSeq += 1
    const id = `cm-branch-${String(branchSeq).padStart(3, '0')}`
    const name = `承诺测试第${branchSeq}党支部`
    await store.insert('branches', [
      {
        _id: id,
        name,
        inviteCodes: { member: `CMM${branchSeq}`, resident: `CMR${branchSeq}` },
        secretaryCode: null,
        counts: { secretary: 1, member: 2, resident: 1 },
        createdAt: JOINED,
        createdBy: 'demo-admin',
      },
    ])
    const secretary = await person(id, 'secretary')
    const members: [string, string] = [await person(id, 'member'), await person(id, 'member')]
    const resident = await person(id, 'resident')
    return { id, name, secretary, members, resident }
  }

  const A = await branch()
  const B = await branch()
  await store.insert('members', [
    { _id: NO_BRANCH, openid: NO_BRANCH, name: '路过的居民', phone: '', post: '', avatar: '', role: null, branchId: null, joinedAt: null, updatedAt: JOINED },
  ])

  const ok = <T = Json>(openid: string | null, event: unknown) => commitment.ok<T>(openid, event)
  const at = (instant: string | number) => {
    const ms = typeof instant === 'number' ? instant : Date.parse(instant)
    if (!faked) jest.useFakeTimers({ doNotFake: [...REAL_APIS], now: ms, advanceTimers: true })
    else jest.setSystemTime(ms)
    faked = true
  }
  const items = (n = 2, overrides: Json = {}): Json[] =>
    Array.from({ length: n }, (_, i) => ({
      text: `每周到社区服务站值班一次，帮助居民办理事项（第 ${i + 1} 条）`,
      category: i % 2 === 0 ? 'service' : 'study',
      measure: '值班记录 4 次',
      ...overrides,
    }))
  const draft = <T = Json>(openid: string, month = MONTH, list = items()) => ok<T>(openid, { action: 'saveDraft', month, items: list })
  const submitted = async (openid: string, month = MONTH) => {
    await draft(openid, month)
    return (await ok<{ planId: string }>(openid, { action: 'submit', month })).planId
  }
  const published = async (openid: string, secretary: string, month = MONTH) => {
    const planId = await submitted(openid, month)
    await ok(secretary, { action: 'review', planId, decision: 'publish' })
    return planId
  }
  const stored = async (collection: string, id: string) => (await store.find(collection, { _id: id }))[0] ?? null

  return {
    cloud,
    commitment,
    A,
    B,
    call: (openid, event) => commitment.call(openid, event),
    ok,
    errorCode: (openid, event) => commitment.errorCode(openid, event),
    at,
    realTime: () => {
      if (faked) jest.useRealTimers()
      faked = false
    },
    branch,
    person: (branchId, role = 'member', name) => person(branchId, role, name),
    upload: async (cloudPath) => {
      useCaller(cloud, null)
      const res = (await sdk.uploadFile({ cloudPath, fileContent: Buffer.from('\xff\xd8\xff commitment photo') })) as { fileID: string }
      return res.fileID
    },
    items,
    draft,
    submitted,
    published,
    board: async (b, month = MONTH) => {
      at(runningMoment(month))
      const ids: [string, string] = [await published(b.members[0], b.secretary, month), await published(b.members[1], b.secretary, month)]
      await ok(b.secretary, { action: 'publishBoard', month })
      return ids
    },
    itemIds: async (planId) => (((await stored('commitment_plans', planId))?.items ?? []) as Array<{ itemId: string }>).map((i) => i.itemId),
    stored,
    patch: async (collection, id, data) => {
      useCaller(cloud, null)
      await sdk.database().collection(collection).doc(id).update({ data })
    },
    snapshot: async () => JSON.stringify(await Promise.all(COLLECTIONS.map((c) => store.find(c)))),
    count: (collection, query) => store.count(collection, query),
    close: async () => {
      if (faked) jest.useRealTimers()
      await cloud.close()
    },
  }
}
