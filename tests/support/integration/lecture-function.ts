import { DEMO_PEOPLE } from '../../../cloudfunctions/emulator/seed'
import { useCaller } from '../local-cloud'
import { seededFunction, type Main } from './function-caller'

/**
 * The `lecture` function end to end, shared by the specs in tests/integration/lecture (`seededFunction`).
 * A spec calls `useLectureFunction()` once at its top; the helpers below then act on that file's own cloud.
 */
const lecture = seededFunction(
  'lecture',
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  () => (require('../../../cloudfunctions/functions/lecture') as { main: Main }).main,
  'useLectureFunction',
  // The SDK in this process reaches this cloud before any call, for a spec that uses it directly (storage).
  (cloud) => useCaller(cloud, null),
)

export const useLectureFunction = lecture.use
/** The local backend's store, to read or seed what the function wrote. */
export const store = lecture.store

export type Json = Record<string, unknown>
export const call = lecture.call
export const ok = <T = Json>(openid: string | null, event: unknown) => lecture.ok<T>(openid, event)
export const errorCode = lecture.errorCode

export const SEC = 'demo-secretary'
export const SEC2 = 'demo-secretary-2'
export const MEMBER = 'demo-member-1'
export const MEMBER2 = 'demo-member-2'
export const OTHER = 'demo-member-3'
export const RESIDENT = 'demo-resident-1'
export const NOBODY = 'demo-newcomer'

export const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString()

export function lectureInput(overrides: Json = {}): Json {
  return {
    action: 'create',
    title: '学习贯彻党的二十届三中全会精神',
    topic: '结合社区实际谈改革',
    speaker: { name: '王建国', openid: 'demo-member-2' },
    startAt: minutes(10),
    endAt: minutes(70),
    location: { name: '社区党群服务中心二楼', latitude: 31.2304, longitude: 121.4737, radius: 300 },
    ...overrides,
  }
}

export async function publishedLecture(overrides: Json = {}): Promise<string> {
  const created = await ok<{ id: string }>(SEC, lectureInput(overrides))
  await ok(SEC, { action: 'publish', lectureId: created.id })
  return created.id
}

export async function secretOf(lectureId: string): Promise<string> {
  const [doc] = await store().find('lectures', { _id: lectureId })
  return String((doc as { secret: string }).secret)
}

export async function liveToken(lectureId: string): Promise<string> {
  return (await ok<{ token: string }>(SEC, { action: 'displayCode', lectureId })).token
}

/**
 * Waits, when the current 15 s slot is about to end, for the next one: a token the test makes from its
 * own clock then names the same slot when the server checks it.
 */
export async function clearOfSlotEdge(marginMs = 3000): Promise<void> {
  const slotMs = 15_000
  const left = slotMs - (Date.now() % slotMs)
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 50))
}

export async function checkInCount(lectureId: string): Promise<number> {
  return store().count('check_ins', { lectureId, present: true })
}

/** Every page of a paginated action, followed through its cursor. */
export async function allPages<T = Json>(openid: string | null, event: Json): Promise<T[]> {
  const items: T[] = []
  let cursor: string | undefined
  for (let i = 0; i < 50; i += 1) {
    const page = await ok<{ items: T[]; nextCursor?: string }>(openid, { ...event, limit: 50, ...(cursor ? { cursor } : {}) })
    items.push(...page.items)
    cursor = page.nextCursor
    if (!cursor) return items
  }
  throw new Error('more than 50 pages')
}

/** Both collections a refused call must leave alone, as stored (every field of every document). */
export async function storedState(): Promise<string> {
  const byId = (docs: Json[]) => [...docs].sort((a, b) => String(a._id).localeCompare(String(b._id)))
  const [lectures, checkIns] = await Promise.all([store().find('lectures', {}), store().find('check_ins', {})])
  return JSON.stringify({ lectures: byId(lectures), checkIns: byId(checkIns) })
}

export const nameOf = (openid: string) => DEMO_PEOPLE.find((p) => p.openid === openid)?.name ?? ''

export const BRANCH_1 = '示范社区第一党支部'
export const BRANCH_2 = '示范社区第二党支部'
/** Who is who, for the tables: the branch each seeded person belongs to, and whether they lead it. */
export const PEOPLE: Record<string, { branch: 1 | 2; secretary: boolean }> = {
  [SEC]: { branch: 1, secretary: true },
  [MEMBER]: { branch: 1, secretary: false },
  [MEMBER2]: { branch: 1, secretary: false },
  [RESIDENT]: { branch: 1, secretary: false },
  [SEC2]: { branch: 2, secretary: true },
  [OTHER]: { branch: 2, secretary: false },
}

/**
 * A check-in record as written straight to the store, for what a function cannot be made to leave behind
 * on purpose: a record whose function was killed right after its insert, or one written before a field
 * existed (`nameKey` omitted unless given).
 */
export function storedCheckIn(lectureId: string, openid: string, name: string, extra: { present?: boolean; nameKey?: string } = {}): Json {
  const at = new Date()
  return {
    _id: `${lectureId}_${openid}`,
    lectureId,
    openid,
    name,
    ...(extra.nameKey === undefined ? {} : { nameKey: extra.nameKey }),
    branchId: 'demo-branch-1',
    branchName: BRANCH_1,
    visitor: false,
    at,
    method: 'scan',
    present: extra.present ?? true,
    flags: [],
    distanceMeters: null,
    reason: null,
    markedBy: null,
    lectureTitle: '学习贯彻党的二十届三中全会精神',
    lectureStartAt: at,
    updatedAt: at,
  }
}
