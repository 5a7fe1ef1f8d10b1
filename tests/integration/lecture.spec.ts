import { parseScene, sceneFor, sceneFromText } from '../../cloudfunctions/contracts/rules/check-in-scene.rules'
import { slotOf, tokenFor } from '../../cloudfunctions/modules/lectures/check-in.rules'
import { DEMO_PEOPLE, seedDemoData } from '../../cloudfunctions/emulator/seed'
import { decodeCursor } from '../../cloudfunctions/shared/cursor'
import { maskName } from '../../cloudfunctions/shared/privacy.rules'
import { decodeQrPng } from '../contract/support/qr-decode'
import { functionCaller, type FunctionCaller } from '../support/function-caller'
import { startLocalCloud, type LocalCloud } from '../support/local-cloud'

/** The `lecture` function end to end: main(event) → real wx-server-sdk → local backend on a temp folder. */
let cloud: LocalCloud
let lecture: FunctionCaller

beforeAll(async () => {
  cloud = await startLocalCloud()
  await seedDemoData(cloud.backend.store)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  lecture = functionCaller(cloud, require('../../cloudfunctions/functions/lecture').main)
})

afterAll(async () => {
  await cloud.close()
})

type Json = Record<string, unknown>
const call = (openid: string | null, event: unknown) => lecture.call(openid, event)
const ok = <T = Json>(openid: string | null, event: unknown) => lecture.ok<T>(openid, event)
const errorCode = (openid: string | null, event: unknown) => lecture.errorCode(openid, event)

const SEC = 'demo-secretary'
const SEC2 = 'demo-secretary-2'
const MEMBER = 'demo-member-1'
const MEMBER2 = 'demo-member-2'
const OTHER = 'demo-member-3'
const RESIDENT = 'demo-resident-1'
const NOBODY = 'demo-newcomer'

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString()

function lectureInput(overrides: Json = {}): Json {
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

async function publishedLecture(overrides: Json = {}): Promise<string> {
  const created = await ok<{ id: string }>(SEC, lectureInput(overrides))
  await ok(SEC, { action: 'publish', lectureId: created.id })
  return created.id
}

async function secretOf(lectureId: string): Promise<string> {
  const [doc] = await cloud.backend.store.find('lectures', { _id: lectureId })
  return String((doc as { secret: string }).secret)
}

async function liveToken(lectureId: string): Promise<string> {
  return (await ok<{ token: string }>(SEC, { action: 'displayCode', lectureId })).token
}

/**
 * Waits, when the current 15 s slot is about to end, for the next one: a token the test makes from its
 * own clock then names the same slot when the server checks it.
 */
async function clearOfSlotEdge(marginMs = 3000): Promise<void> {
  const slotMs = 15_000
  const left = slotMs - (Date.now() % slotMs)
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 50))
}

async function checkInCount(lectureId: string): Promise<number> {
  return cloud.backend.store.count('check_ins', { lectureId, present: true })
}

/** Every page of a paginated action, followed through its cursor. */
async function allPages<T = Json>(openid: string | null, event: Json): Promise<T[]> {
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
async function storedState(): Promise<string> {
  const byId = (docs: Json[]) => [...docs].sort((a, b) => String(a._id).localeCompare(String(b._id)))
  const [lectures, checkIns] = await Promise.all([cloud.backend.store.find('lectures', {}), cloud.backend.store.find('check_ins', {})])
  return JSON.stringify({ lectures: byId(lectures), checkIns: byId(checkIns) })
}

const nameOf = (openid: string) => DEMO_PEOPLE.find((p) => p.openid === openid)?.name ?? ''

const BRANCH_1 = '示范社区第一党支部'
const BRANCH_2 = '示范社区第二党支部'
/** Who is who, for the tables: the branch each seeded person belongs to, and whether they lead it. */
const PEOPLE: Record<string, { branch: 1 | 2; secretary: boolean }> = {
  [SEC]: { branch: 1, secretary: true },
  [MEMBER]: { branch: 1, secretary: false },
  [MEMBER2]: { branch: 1, secretary: false },
  [RESIDENT]: { branch: 1, secretary: false },
  [SEC2]: { branch: 2, secretary: true },
  [OTHER]: { branch: 2, secretary: false },
}

describe('lecture: create, publish, cancel', () => {
  it('creates a draft that only its branch secretary sees, then publishes it', async () => {
    const created = await ok<Json>(SEC, lectureInput())
    expect(created).toMatchObject({ status: 'draft', audience: 'branch', checkinMode: 'rotating', checkinCount: 0, branchName: '示范社区第一党支部' })
    expect(JSON.stringify(created)).not.toContain(await secretOf(String(created.id)))
    expect(await errorCode(MEMBER, { action: 'get', lectureId: created.id })).toBe('LECTURE.NOT_FOUND')
    const published = await ok<Json>(SEC, { action: 'publish', lectureId: created.id })
    expect(published.status).toBe('published')
    expect(await ok<Json>(MEMBER, { action: 'get', lectureId: created.id })).toMatchObject({ id: created.id, me: { checkedIn: false, canManage: false } })
  })

  it('links the speaker only to a person in a branch, on create and on update', async () => {
    const refused = await call(SEC, lectureInput({ speaker: { name: '冒名', openid: 'nobody-at-all' } }))
    expect(refused).toMatchObject({ ok: false, error: { code: 'LECTURE.SPEAKER_NOT_FOUND', fields: { 'speaker.openid': expect.any(String) } } })
    expect(await errorCode(SEC, lectureInput({ speaker: { name: '孙丽', openid: NOBODY } }))).toBe('LECTURE.SPEAKER_NOT_FOUND')
    // A teacher from another branch may speak; an outside lecturer is a name only.
    const created = await ok<{ id: string }>(SEC, lectureInput({ speaker: { name: '刘洋', openid: OTHER } }))
    expect(await errorCode(SEC, { action: 'update', lectureId: created.id, speaker: { name: '冒名', openid: 'nobody-at-all' } })).toBe('LECTURE.SPEAKER_NOT_FOUND')
    expect(await ok<Json>(SEC, { action: 'get', lectureId: created.id })).toMatchObject({ speaker: { name: '刘洋', openid: OTHER } })
    expect(await ok<Json>(SEC, { action: 'update', lectureId: created.id, speaker: { name: '党校刘老师' } })).toMatchObject({ speaker: { name: '党校刘老师', openid: null } })
  })

  it('refuses an end before the start', async () => {
    expect(await errorCode(SEC, lectureInput({ startAt: minutes(60), endAt: minutes(30) }))).toBe('LECTURE.BAD_TIMES')
  })

  // A double tap, or a retry after an answer was lost: the lecture is where it was asked to go, so the
  // second press answers it as it is (no error to puzzle over) and changes nothing, whether it raced
  // the first press or came after it.
  it.each<[string, 'at once' | 'one after the other', 'publish' | 'cancel']>([
    ['publishes', 'at once', 'publish'],
    ['publishes', 'one after the other', 'publish'],
    ['cancels', 'at once', 'cancel'],
    ['cancels', 'one after the other', 'cancel'],
  ])('%s once when the button is pressed twice %s', async (_label, timing, action) => {
    const id = action === 'publish' ? (await ok<{ id: string }>(SEC, lectureInput())).id : await publishedLecture()
    const press = (n: number) => call(SEC, action === 'publish' ? { action, lectureId: id } : { action, lectureId: id, reason: n === 1 ? '场地临时维修' : '主讲人临时出差' })
    const target = action === 'publish' ? 'published' : 'cancelled'
    const storedDoc = async () => (await cloud.backend.store.find('lectures', { _id: id }))[0] as Json

    let answers: Awaited<ReturnType<typeof call>>[]
    if (timing === 'at once') {
      answers = await Promise.all([press(1), press(2)])
    } else {
      const first = await press(1)
      const afterFirst = await storedDoc()
      answers = [first, await press(2)]
      // The second press wrote nothing: not even updatedAt, publishedAt or the reason moved.
      expect(await storedDoc()).toEqual(afterFirst)
    }
    const stored = await storedDoc()
    expect(stored.status).toBe(target)
    for (const res of answers) {
      expect(res).toMatchObject({ ok: true, data: { id, status: target, cancelReason: stored.cancelReason } })
    }
    if (action === 'cancel') {
      expect(['场地临时维修', '主讲人临时出差']).toContain(stored.cancelReason)
      if (timing === 'one after the other') expect(stored.cancelReason).toBe('场地临时维修')
    }
  })

  it('cannot publish or edit a cancelled lecture', async () => {
    const created = await ok<{ id: string }>(SEC, lectureInput())
    await ok(SEC, { action: 'cancel', lectureId: created.id, reason: '场地临时维修' })
    expect(await errorCode(SEC, { action: 'publish', lectureId: created.id })).toBe('LECTURE.WRONG_STATE')
    expect(await errorCode(SEC, { action: 'update', lectureId: created.id, title: '新标题' })).toBe('LECTURE.CANCELLED')
  })

  it('updates fields of its own lecture', async () => {
    const id = await publishedLecture()
    const updated = await ok<Json>(SEC, { action: 'update', lectureId: id, title: '改革开放史专题', audience: 'open', materials: [{ title: '学习材料', url: 'https://example.org/a.pdf' }] })
    expect(updated).toMatchObject({ title: '改革开放史专题', audience: 'open', materials: [{ title: '学习材料', url: 'https://example.org/a.pdf' }] })
  })

  it.each([
    ['secretary of another branch', SEC2, 'LECTURE.NOT_FOUND'],
    ['member', MEMBER, 'AUTH.FORBIDDEN'],
    ['member of another branch', OTHER, 'AUTH.FORBIDDEN'],
    ['resident', RESIDENT, 'AUTH.FORBIDDEN'],
    ['person without a branch', NOBODY, 'AUTH.NO_PROFILE'],
    ['nobody signed in', null, 'AUTH.REQUIRED'],
  ])('refuses management by a %s', async (_label, openid, code) => {
    const id = await publishedLecture()
    for (const event of [
      { action: 'update', lectureId: id, title: '篡改' },
      { action: 'publish', lectureId: id },
      { action: 'cancel', lectureId: id, reason: '捣乱' },
      { action: 'displayCode', lectureId: id },
      { action: 'markAttendance', lectureId: id, openid: MEMBER, present: true, reason: '补录' },
      { action: 'exportAttendance', lectureId: id },
    ]) {
      expect(await errorCode(openid, event)).toBe(code)
    }
    if (openid !== SEC2) expect(await errorCode(openid, lectureInput())).toBe(code)
  })
})

describe('lecture.list', () => {
  it('shows own branch and open lectures of other branches, marked, paginated without repeats', async () => {
    const open2 = await ok<{ id: string }>(SEC2, lectureInput({ title: '第二支部开放党课', audience: 'open' }))
    await ok(SEC2, { action: 'publish', lectureId: open2.id })
    const closed2 = await ok<{ id: string }>(SEC2, lectureInput({ title: '第二支部内部党课' }))
    await ok(SEC2, { action: 'publish', lectureId: closed2.id })

    const seen: Json[] = []
    let cursor: string | undefined
    for (let i = 0; i < 20; i += 1) {
      const page = await ok<{ items: Json[]; nextCursor?: string }>(MEMBER, { action: 'list', scope: 'upcoming', limit: 2, ...(cursor ? { cursor } : {}) })
      seen.push(...page.items)
      cursor = page.nextCursor
      if (!cursor) break
    }
    const ids = seen.map((l) => l.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toContain(open2.id)
    expect(ids).not.toContain(closed2.id)
    expect(seen.find((l) => l.id === open2.id)).toMatchObject({ fromOtherBranch: true, branchName: '示范社区第二党支部' })
    expect(seen.every((l) => l.status !== 'draft')).toBe(true)
    const starts = seen.map((l) => Date.parse(String(l.startAt)))
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
  })

  it('lists past lectures newest first', async () => {
    await publishedLecture({ title: '往期党课', startAt: minutes(-300), endAt: minutes(-240) })
    const page = await ok<{ items: Json[] }>(MEMBER, { action: 'list', scope: 'past' })
    expect(page.items.map((l) => l.title)).toContain('往期党课')
  })

  it('answers a person without a branch with AUTH.NO_PROFILE', async () => {
    expect(await errorCode(NOBODY, { action: 'list', scope: 'upcoming' })).toBe('AUTH.NO_PROFILE')
  })
})

describe('lecture: who sees what (list and get), for every role', () => {
  type Fixture = 'draft1' | 'branchOnly1' | 'open1' | 'draft2' | 'branchOnly2' | 'open2'
  const ids = {} as Record<Fixture, string>
  const titles: Record<Fixture, string> = {
    draft1: '一支部草稿（开放）',
    branchOnly1: '一支部内部党课',
    open1: '一支部开放党课',
    draft2: '二支部草稿（开放）',
    branchOnly2: '二支部内部党课',
    open2: '二支部开放党课',
  }
  const branchOf = (f: Fixture) => (f.endsWith('1') ? 1 : 2)

  beforeAll(async () => {
    // The drafts are open lectures: a draft stays with its secretary even when it will be open to all.
    ids.draft1 = (await ok<{ id: string }>(SEC, lectureInput({ title: titles.draft1, audience: 'open' }))).id
    ids.branchOnly1 = await publishedLecture({ title: titles.branchOnly1 })
    ids.open1 = await publishedLecture({ title: titles.open1, audience: 'open' })
    ids.draft2 = (await ok<{ id: string }>(SEC2, lectureInput({ title: titles.draft2, audience: 'open' }))).id
    for (const [key, audience] of [['branchOnly2', 'branch'], ['open2', 'open']] as const) {
      ids[key] = (await ok<{ id: string }>(SEC2, lectureInput({ title: titles[key], audience }))).id
      await ok(SEC2, { action: 'publish', lectureId: ids[key] })
    }
  })

  const VISIBLE: Array<[string, string, Fixture[]]> = [
    ['secretary of the branch', SEC, ['draft1', 'branchOnly1', 'open1', 'open2']],
    ['secretary of another branch', SEC2, ['draft2', 'branchOnly2', 'open2', 'open1']],
    ['member', MEMBER, ['branchOnly1', 'open1', 'open2']],
    ['member of another branch', OTHER, ['branchOnly2', 'open2', 'open1']],
    ['resident', RESIDENT, ['branchOnly1', 'open1', 'open2']],
  ]
  const ALL = Object.keys(titles) as Fixture[]

  it.each(VISIBLE)('list: a %s sees exactly their own branch (drafts only for its secretary) and the open lectures of others, marked', async (_label, openid, visible) => {
    const items = await allPages(openid, { action: 'list', scope: 'upcoming' })
    const mine = ALL.filter((f) => items.some((l) => l.id === ids[f]))
    expect(mine.sort()).toEqual([...visible].sort())
    for (const f of visible) {
      const other = branchOf(f) !== PEOPLE[openid]?.branch
      expect(items.find((l) => l.id === ids[f])).toMatchObject({ title: titles[f], fromOtherBranch: other, branchName: branchOf(f) === 1 ? BRANCH_1 : BRANCH_2 })
    }
  })

  it.each(VISIBLE)('get: a %s opens what they may see and is told NOT_FOUND, without a word of it, for the rest', async (_label, openid, visible) => {
    const who = PEOPLE[openid]
    for (const f of ALL) {
      const res = await call(openid, { action: 'get', lectureId: ids[f] })
      if (visible.includes(f)) {
        const manages = who?.secretary === true && branchOf(f) === who.branch
        expect(res).toMatchObject({ ok: true, data: { id: ids[f], title: titles[f], fromOtherBranch: branchOf(f) !== who?.branch, me: { checkedIn: false, canManage: manages, canSeeAttendance: manages } } })
      } else {
        expect(res).toMatchObject({ ok: false, error: { code: 'LECTURE.NOT_FOUND' } })
        expect(JSON.stringify(res)).not.toContain(titles[f])
      }
    }
  })

  it.each([
    ['person without a branch', 'AUTH.NO_PROFILE', NOBODY],
    ['caller not signed in', 'AUTH.REQUIRED', null],
  ])('list and get: a %s is answered %s and shown nothing', async (_label, code, openid) => {
    for (const scope of ['upcoming', 'past']) expect(await errorCode(openid, { action: 'list', scope })).toBe(code)
    for (const f of ALL) {
      const res = await call(openid, { action: 'get', lectureId: ids[f] })
      expect(res).toMatchObject({ ok: false, error: { code } })
      expect(JSON.stringify(res)).not.toContain(titles[f])
    }
  })
})

describe('lecture.checkIn', () => {
  it('records a member once: first 签到成功, then already, and the display counts them', async () => {
    const id = await publishedLecture()
    const token = await liveToken(id)
    const first = await ok<Json>(MEMBER, { action: 'checkIn', lectureId: id, token })
    expect(first).toMatchObject({ already: false, flags: [] })
    const again = await ok<Json>(MEMBER, { action: 'checkIn', lectureId: id, token })
    expect(again).toMatchObject({ already: true, checkedInAt: first.checkedInAt })
    const display = await ok<Json>(SEC, { action: 'displayCode', lectureId: id })
    expect(display.checkinCount).toBe(1)
    expect(display.recent).toEqual([expect.objectContaining({ name: '李**' })])
    expect(await ok<Json>(MEMBER, { action: 'get', lectureId: id })).toMatchObject({ me: { checkedIn: true } })
  })

  it('gives the display a mini-program code that opens the check-in page with the scene', async () => {
    const id = await publishedLecture()
    const code = await ok<{ scene: string; miniCode: string }>(SEC, { action: 'displayCode', lectureId: id, withMiniCode: true })
    const png = Buffer.from(code.miniCode.replace(/^data:image\/png;base64,/, ''), 'base64')
    expect(decodeQrPng(png).text).toBe(`pages/check-in/index?scene=${encodeURIComponent(code.scene)}`)
    expect(code.scene.length).toBeLessThanOrEqual(32)
    expect(await ok<Json>(SEC, { action: 'displayCode', lectureId: id })).not.toHaveProperty('miniCode')
  })

  it('refuses a token two slots old as expired and a made-up one as invalid', async () => {
    const id = await publishedLecture()
    const secret = await secretOf(id)
    const old = tokenFor(secret, id, slotOf(Date.now()) - 2)
    expect(await errorCode(MEMBER, { action: 'checkIn', lectureId: id, token: old })).toBe('CHECKIN.TOKEN_EXPIRED')
    expect(await errorCode(MEMBER, { action: 'checkIn', lectureId: id, token: 'ABCDEFGHJK' })).toBe('CHECKIN.TOKEN_INVALID')
    expect(await checkInCount(id)).toBe(0)
  })

  it('accepts the previous slot (a code that changed while being scanned)', async () => {
    const id = await publishedLecture()
    await clearOfSlotEdge()
    const previous = tokenFor(await secretOf(id), id, slotOf(Date.now()) - 1)
    expect(await ok<Json>(MEMBER, { action: 'checkIn', lectureId: id, token: previous })).toMatchObject({ already: false })
  })

  it('refuses another branch on a branch lecture and welcomes them on an open one', async () => {
    const closed = await publishedLecture()
    expect(await errorCode(OTHER, { action: 'checkIn', lectureId: closed, token: await liveToken(closed) })).toBe('CHECKIN.AUDIENCE')
    const open = await publishedLecture({ audience: 'open' })
    expect(await ok<Json>(OTHER, { action: 'checkIn', lectureId: open, token: await liveToken(open) })).toMatchObject({ already: false })
    const rows = await ok<{ items: Json[] }>(SEC, { action: 'attendance', lectureId: open })
    expect(rows.items).toEqual([expect.objectContaining({ openid: OTHER, visitor: true, branchName: '示范社区第二党支部' })])
  })

  it('says when the window opens, and refuses after it closes', async () => {
    const later = await publishedLecture({ startAt: minutes(120), endAt: minutes(180) })
    const res = await call(MEMBER, { action: 'checkIn', lectureId: later, token: await liveToken(later) })
    expect(res.ok).toBe(false)
    if (!res.ok) {
      expect(res.error.code).toBe('CHECKIN.NOT_OPEN')
      expect(res.error.message).toMatch(/\d+月\d+日 \d{2}:\d{2}/)
    }
    const over = await publishedLecture({ startAt: minutes(-120), endAt: minutes(-60) })
    expect(await errorCode(MEMBER, { action: 'checkIn', lectureId: over, token: await liveToken(over) })).toBe('CHECKIN.CLOSED')
  })

  it('refuses drafts and cancelled lectures', async () => {
    const draft = await ok<{ id: string }>(SEC, lectureInput())
    expect(await errorCode(MEMBER, { action: 'checkIn', lectureId: draft.id, token: 'ABCDEFGHJK' })).toBe('CHECKIN.NOT_PUBLISHED')
    const id = await publishedLecture()
    const token = await liveToken(id)
    await ok(SEC, { action: 'cancel', lectureId: id, reason: '临时取消' })
    expect(await errorCode(MEMBER, { action: 'checkIn', lectureId: id, token })).toBe('CHECKIN.CANCELLED')
  })

  it('records but flags someone far from the venue', async () => {
    const id = await publishedLecture()
    const res = await ok<Json>(MEMBER, { action: 'checkIn', lectureId: id, token: await liveToken(id), location: { latitude: 31.26, longitude: 121.4737 } })
    expect(res).toMatchObject({ already: false, flags: ['far'] })
  })

  it('answers someone who saved a profile but joined no branch with AUTH.NOT_IN_BRANCH, on every action', async () => {
    const id = await publishedLecture({ audience: 'open' })
    const at = new Date()
    // What member.updateProfile stores for a person before they join with an invite code.
    await cloud.backend.store.insert('members', [{ _id: 'profile-only', openid: 'profile-only', name: '钱多多', phone: '', post: '', avatar: '', role: null, branchId: null, joinedAt: null, updatedAt: at }])
    const token = await liveToken(id)
    const events: Json[] = [
      { action: 'checkIn', lectureId: id, token },
      { action: 'list', scope: 'upcoming' },
      { action: 'get', lectureId: id },
      { action: 'myCheckIns' },
      { action: 'attendance', lectureId: id },
      { action: 'displayCode', lectureId: id },
      { action: 'markAttendance', lectureId: id, openid: MEMBER, present: true, reason: '补录' },
    ]
    for (const event of events) expect([event.action, await errorCode('profile-only', event)]).toEqual([event.action, 'AUTH.NOT_IN_BRANCH'])
    expect(await checkInCount(id)).toBe(0)
  })

  it('answers who may not check in before anything about the lecture (the lecture is read alongside the caller)', async () => {
    expect(await errorCode(NOBODY, { action: 'checkIn', lectureId: 'L0000000000', token: 'ABCDEFGHJK' })).toBe('AUTH.NO_PROFILE')
    expect(await errorCode(null, { action: 'checkIn', lectureId: 'L0000000000', token: 'ABCDEFGHJK' })).toBe('AUTH.REQUIRED')
    expect(await errorCode(MEMBER, { action: 'checkIn', lectureId: 'L0000000000', token: 'ABCDEFGHJK' })).toBe('LECTURE.NOT_FOUND')
  })

  it('answers people without a branch with AUTH.NO_PROFILE', async () => {
    const id = await publishedLecture({ audience: 'open' })
    expect(await errorCode(NOBODY, { action: 'checkIn', lectureId: id, token: await liveToken(id) })).toBe('AUTH.NO_PROFILE')
  })

  it.each<[string, string, string | null, 'branch' | 'open', { visitor: boolean; branchName: string } | string]>([
    ['secretary of the branch', 'branch-only', SEC, 'branch', { visitor: false, branchName: BRANCH_1 }],
    ['member', 'branch-only', MEMBER, 'branch', { visitor: false, branchName: BRANCH_1 }],
    ['resident', 'branch-only', RESIDENT, 'branch', { visitor: false, branchName: BRANCH_1 }],
    ['secretary of another branch', 'branch-only', SEC2, 'branch', 'CHECKIN.AUDIENCE'],
    ['member of another branch', 'branch-only', OTHER, 'branch', 'CHECKIN.AUDIENCE'],
    ['person without a branch', 'branch-only', NOBODY, 'branch', 'AUTH.NO_PROFILE'],
    ['caller not signed in', 'branch-only', null, 'branch', 'AUTH.REQUIRED'],
    ['secretary of the branch', 'open', SEC, 'open', { visitor: false, branchName: BRANCH_1 }],
    ['resident', 'open', RESIDENT, 'open', { visitor: false, branchName: BRANCH_1 }],
    ['secretary of another branch', 'open', SEC2, 'open', { visitor: true, branchName: BRANCH_2 }],
    ['member of another branch', 'open', OTHER, 'open', { visitor: true, branchName: BRANCH_2 }],
    ['person without a branch', 'open', NOBODY, 'open', 'AUTH.NO_PROFILE'],
    ['caller not signed in', 'open', null, 'open', 'AUTH.REQUIRED'],
  ])('a %s scanning the live code of a %s lecture', async (_label, _shown, openid, audience, expected) => {
    const id = await publishedLecture({ audience })
    const token = await liveToken(id)
    const before = await storedState()
    const res = await call(openid, { action: 'checkIn', lectureId: id, token })
    const display = await ok<Json>(SEC, { action: 'displayCode', lectureId: id })
    const rows = (await ok<{ items: Json[] }>(SEC, { action: 'attendance', lectureId: id })).items
    if (typeof expected === 'string') {
      expect(res).toMatchObject({ ok: false, error: { code: expected } })
      expect(await storedState()).toBe(before)
      expect(display.checkinCount).toBe(0)
      expect(rows).toEqual([])
      return
    }
    expect(res).toMatchObject({ ok: true, data: { already: false, flags: [] } })
    expect(await checkInCount(id)).toBe(1)
    expect(display.checkinCount).toBe(1)
    expect(rows).toEqual([expect.objectContaining({ openid, method: 'scan', present: true, ...expected })])
    expect(await ok<Json>(openid, { action: 'get', lectureId: id })).toMatchObject({ me: { checkedIn: true } })
  })

  it('keeps exactly one record when one person taps 100 times at once', async () => {
    const id = await publishedLecture()
    const token = await liveToken(id)
    const results = await Promise.all(Array.from({ length: 100 }, () => call(MEMBER, { action: 'checkIn', lectureId: id, token })))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(results.filter((r) => r.ok && !(r.data as Json).already)).toHaveLength(1)
    expect(await checkInCount(id)).toBe(1)
    expect((await ok<Json>(SEC, { action: 'displayCode', lectureId: id })).checkinCount).toBe(1)
  })

  it('records 300 different people checking in at once: 300 records, checkinCount 300', async () => {
    const id = await publishedLecture({ audience: 'open' })
    const token = await liveToken(id)
    const people = Array.from({ length: 300 }, (_, i) => `load-person-${String(i).padStart(3, '0')}`)
    const joinedAt = new Date()
    await cloud.backend.store.insert(
      'members',
      people.map((openid, i) => ({ _id: openid, openid, name: `测试党员${i}`, phone: '', post: '', avatar: '', role: 'member', branchId: 'demo-branch-2', joinedAt, updatedAt: joinedAt })),
    )
    const results = await Promise.all(people.map((openid) => call(openid, { action: 'checkIn', lectureId: id, token })))
    expect(results.filter((r) => r.ok)).toHaveLength(300)
    expect(await checkInCount(id)).toBe(300)
    expect((await ok<Json>(SEC, { action: 'displayCode', lectureId: id })).checkinCount).toBe(300)
    const owners = (await cloud.backend.store.find('check_ins', { lectureId: id })).map((c) => c.openid)
    expect(new Set(owners)).toEqual(new Set(people))
  })
})

describe('lecture.displayCode', () => {
  const H5_PAGE = 'http://127.0.0.1:8080/#/pages/check-in/index'
  it.each<[string, string | undefined, (scene: string) => string]>([
    ['in the mini-program (no H5 URL configured)', undefined, (scene) => `zbhd://check-in?scene=${scene}`],
    ['for an H5 deployment (CHECKIN_H5_URL)', H5_PAGE, (scene) => `${H5_PAGE}?scene=${encodeURIComponent(scene)}`],
  ])('answers a rotating code %s: 15 s slots, expiry on the slot boundary, a QR that opens check-in, the live count', async (_label, h5Url, qrFor) => {
    const id = await publishedLecture()
    const saved = process.env.CHECKIN_H5_URL
    if (h5Url === undefined) delete process.env.CHECKIN_H5_URL
    else process.env.CHECKIN_H5_URL = h5Url
    try {
      const asked = Date.now()
      const code = await ok<{ token: string; qrContent: string; scene: string; slotSeconds: number; expiresAt: string; checkinCount: number; recent: Json[] }>(SEC, { action: 'displayCode', lectureId: id })
      expect(code.slotSeconds).toBe(15)
      expect(code.expiresAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
      const expires = Date.parse(code.expiresAt)
      expect(expires).toBeGreaterThan(asked)
      expect(expires).toBeLessThanOrEqual(Date.now() + 15_000)
      expect(expires % 15_000).toBe(0)
      expect(code.scene).toBe(sceneFor(id, code.token))
      expect(code.qrContent).toBe(qrFor(code.scene))
      // What the app's check-in page reads from the scanned text: this lecture and this token.
      expect(sceneFromText(code.qrContent)).toEqual({ lectureId: id, token: code.token })
      expect(parseScene(code.scene)).toEqual({ lectureId: id, token: code.token })
      expect(code).toMatchObject({ checkinCount: 0, recent: [] })

      for (const person of [MEMBER, RESIDENT]) await ok(person, { action: 'checkIn', lectureId: id, token: code.token })
      const after = await ok<{ checkinCount: number; recent: Json[] }>(SEC, { action: 'displayCode', lectureId: id })
      expect(after.checkinCount).toBe(2)
      expect(after.recent.map((r) => r.name).sort()).toEqual(['李**', '赵**'].sort())
    } finally {
      if (saved === undefined) delete process.env.CHECKIN_H5_URL
      else process.env.CHECKIN_H5_URL = saved
    }
  })

  // No clock control in these tests (the functions read the real clock), so "does not rotate" is shown
  // by the code staying the same, by it not being this slot's rotating code, and by it lasting until
  // the window closes rather than to the end of a slot.
  it('answers a static code that does not rotate: the same token every time, valid until check-in closes, and accepted', async () => {
    const id = await publishedLecture({ checkinMode: 'static' })
    const first = await ok<{ token: string; expiresAt: string; slotSeconds: number; qrContent: string }>(SEC, { action: 'displayCode', lectureId: id })
    const lecture = await ok<Json>(SEC, { action: 'get', lectureId: id })
    expect(lecture.checkinMode).toBe('static')
    expect(first.expiresAt).toBe(lecture.checkinClosesAt)
    expect(sceneFromText(first.qrContent)).toEqual({ lectureId: id, token: first.token })

    const secret = await secretOf(id)
    const slot = slotOf(Date.now())
    expect([tokenFor(secret, id, slot), tokenFor(secret, id, slot - 1)]).not.toContain(first.token)
    // A rotating code of this lecture is not what the static display shows, so it is not accepted.
    expect(await errorCode(MEMBER2, { action: 'checkIn', lectureId: id, token: tokenFor(secret, id, slot) })).toBe('CHECKIN.TOKEN_INVALID')

    expect(await ok<Json>(MEMBER, { action: 'checkIn', lectureId: id, token: first.token })).toMatchObject({ already: false })
    const second = await ok<{ token: string; expiresAt: string; checkinCount: number }>(SEC, { action: 'displayCode', lectureId: id })
    expect(second).toMatchObject({ token: first.token, expiresAt: first.expiresAt, checkinCount: 1 })
    expect(await ok<Json>(RESIDENT, { action: 'checkIn', lectureId: id, token: first.token })).toMatchObject({ already: false })
    expect(await checkInCount(id)).toBe(2)
  })
})

describe('lecture attendance', () => {
  it('lets the secretary add and remove by hand with the reason kept, moving the count', async () => {
    const id = await publishedLecture()
    await ok(MEMBER, { action: 'checkIn', lectureId: id, token: await liveToken(id) })
    const added = await ok<Json>(SEC, { action: 'markAttendance', lectureId: id, openid: RESIDENT, present: true, reason: '手机没电，现场核实' })
    expect(added).toMatchObject({ method: 'manual', present: true, reason: '手机没电，现场核实' })
    const removed = await ok<Json>(SEC, { action: 'markAttendance', lectureId: id, openid: MEMBER, present: false, reason: '代签，本人未到场' })
    expect(removed).toMatchObject({ present: false, reason: '代签，本人未到场' })
    const page = await ok<{ items: Json[]; checkinCount: number }>(SEC, { action: 'attendance', lectureId: id })
    expect(page.checkinCount).toBe(1)
    expect(page.items).toHaveLength(2)
    expect(await errorCode(MEMBER, { action: 'checkIn', lectureId: id, token: await liveToken(id) })).toBe('CHECKIN.REMOVED')
    expect(await errorCode(SEC, { action: 'markAttendance', lectureId: id, openid: MEMBER2, present: false, reason: '无' })).toBe('ATTENDANCE.NOT_RECORDED')
    expect(await errorCode(SEC, { action: 'markAttendance', lectureId: id, openid: OTHER, present: true, reason: '外支部' })).toBe('LECTURE.PERSON_NOT_FOUND')
  })

  it('tells a person whose check-in was revoked, with the reason, on get; others are not marked removed', async () => {
    const id = await publishedLecture()
    const before = await ok<{ me: Json }>(MEMBER, { action: 'get', lectureId: id })
    expect(before.me).toMatchObject({ checkedIn: false, removed: false, removedReason: null })
    await ok(MEMBER, { action: 'checkIn', lectureId: id, token: await liveToken(id) })
    expect((await ok<{ me: Json }>(MEMBER, { action: 'get', lectureId: id })).me).toMatchObject({ checkedIn: true, removed: false, removedReason: null })

    await ok(SEC, { action: 'markAttendance', lectureId: id, openid: MEMBER, present: false, reason: '代签，本人未到场' })
    const removed = await ok<{ me: Json }>(MEMBER, { action: 'get', lectureId: id })
    expect(removed.me).toMatchObject({ checkedIn: false, checkedInAt: null, removed: true, removedReason: '代签，本人未到场' })
    // Only the caller's own record counts: the secretary and another member are not "removed".
    expect((await ok<{ me: Json }>(MEMBER2, { action: 'get', lectureId: id })).me).toMatchObject({ removed: false, removedReason: null })
    expect((await ok<{ me: Json }>(SEC, { action: 'get', lectureId: id })).me).toMatchObject({ removed: false, removedReason: null })

    // Added back by hand: checked in again, no longer removed.
    await ok(SEC, { action: 'markAttendance', lectureId: id, openid: MEMBER, present: true, reason: '核实确已到场' })
    expect((await ok<{ me: Json }>(MEMBER, { action: 'get', lectureId: id })).me).toMatchObject({ checkedIn: true, removed: false, removedReason: null })
  })

  it('shows attendance to the speaker but not to other members', async () => {
    const id = await publishedLecture()
    await ok(MEMBER, { action: 'checkIn', lectureId: id, token: await liveToken(id) })
    // The speaker sees who came by masked name; the full name stays with the secretary's ledger.
    expect((await ok<{ items: Json[] }>(MEMBER2, { action: 'attendance', lectureId: id })).items).toEqual([expect.objectContaining({ name: '李**' })])
    expect((await ok<{ items: Json[] }>(SEC, { action: 'attendance', lectureId: id })).items).toEqual([expect.objectContaining({ name: '李秀英' })])
    expect(await errorCode(MEMBER, { action: 'attendance', lectureId: id })).toBe('AUTH.FORBIDDEN')
    expect(await errorCode(RESIDENT, { action: 'attendance', lectureId: id })).toBe('AUTH.FORBIDDEN')
    expect(await errorCode(SEC2, { action: 'attendance', lectureId: id })).toBe('AUTH.FORBIDDEN')
  })

  it('never answers a phone number, to the secretary or to anyone else', async () => {
    const id = await publishedLecture({ audience: 'open' })
    const token = await liveToken(id)
    for (const person of [MEMBER, RESIDENT, OTHER]) await ok(person, { action: 'checkIn', lectureId: id, token })
    const answers = [
      await call(SEC, { action: 'attendance', lectureId: id }),
      await call(MEMBER2, { action: 'attendance', lectureId: id }),
      await call(SEC, { action: 'displayCode', lectureId: id }),
      await call(SEC, { action: 'get', lectureId: id }),
      await call(OTHER, { action: 'list', scope: 'upcoming' }),
      await call(RESIDENT, { action: 'myCheckIns' }),
    ]
    for (const res of answers) {
      expect(res.ok).toBe(true)
      const payload = JSON.stringify(res)
      expect(payload).not.toMatch(/1380013800\d/)
      expect(payload).not.toContain('"phone"')
    }
  })

  it('exports an .xlsx ledger that downloads and names the attendee', async () => {
    const id = await publishedLecture()
    await ok(MEMBER, { action: 'checkIn', lectureId: id, token: await liveToken(id) })
    const exported = await ok<{ url: string; rows: number; fileName: string }>(SEC, { action: 'exportAttendance', lectureId: id })
    expect(exported.rows).toBe(1)
    expect(exported.fileName).toMatch(/^签到台账-.*\.xlsx$/)
    const res = await fetch(exported.url)
    expect(res.status).toBe(200)
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer)
    const text = JSON.stringify(wb.getWorksheet('签到台账')?.getSheetValues())
    expect(text).toContain('李秀英')
    expect(text).toContain('合计签到 1 人')
  })

  it.each<[string, string, string | null, { view: 'secretary'; openids: string[] } | { view: 'speaker'; names: string[] } | string]>([
    ['secretary of the branch', 'both attendees', SEC, { view: 'secretary', openids: [MEMBER, OTHER] }],
    ['speaker', 'both attendees, masked', MEMBER2, { view: 'speaker', names: ['李**', maskName(nameOf(OTHER))] }],
    ['member who attended', 'AUTH.FORBIDDEN', MEMBER, 'AUTH.FORBIDDEN'],
    ['resident', 'AUTH.FORBIDDEN', RESIDENT, 'AUTH.FORBIDDEN'],
    ['secretary of another branch', 'AUTH.FORBIDDEN', SEC2, 'AUTH.FORBIDDEN'],
    ['member of another branch who attended', 'AUTH.FORBIDDEN', OTHER, 'AUTH.FORBIDDEN'],
    ['person without a branch', 'AUTH.NO_PROFILE', NOBODY, 'AUTH.NO_PROFILE'],
    ['caller not signed in', 'AUTH.REQUIRED', null, 'AUTH.REQUIRED'],
  ])('attendance of an open lecture: a %s gets %s', async (_label, _shown, openid, expected) => {
    const id = await publishedLecture({ audience: 'open' })
    const token = await liveToken(id)
    for (const person of [MEMBER, OTHER]) await ok(person, { action: 'checkIn', lectureId: id, token })
    const res = await call(openid, { action: 'attendance', lectureId: id })
    if (typeof expected === 'string') {
      expect(res).toMatchObject({ ok: false, error: { code: expected } })
      expect(JSON.stringify(res)).not.toContain('李秀英')
      return
    }
    expect(res.ok).toBe(true)
    const page = (res.ok ? res.data : {}) as { view: string; items: Json[]; checkinCount: number }
    expect(page.checkinCount).toBe(2)
    expect(page.view).toBe(expected.view)
    if (expected.view === 'secretary') expect(page.items.map((r) => r.openid).sort()).toEqual([...expected.openids].sort())
    else expect(page.items.map((r) => r.name).sort()).toEqual([...expected.names].sort())
  })

  describe("the speaker's view: who came, and nothing that names or tracks them", () => {
    const REMOVED_REASON = '代签，本人未到场'
    const ADDED_REASON = '手机没电，现场核实到会'
    const guests = Array.from({ length: 5 }, (_, i) => `speaker-view-guest-${i}`)
    let id = ''
    /** Everyone with a record at this lecture (the removed one too), and who is still present. */
    let recorded: string[] = []
    let present: string[] = []

    type Paged = { view: string; items: Json[]; checkinCount: number; nextCursor?: string }
    /** Every page, `limit` at a time, with the raw answers (to search them for what must not be there). */
    async function pages(openid: string, lectureId: string, limit: number, between?: (i: number) => Promise<void>) {
      const answers: Paged[] = []
      let cursor: string | undefined
      for (let i = 0; i < 50; i += 1) {
        const page = await ok<Paged>(openid, { action: 'attendance', lectureId, limit, ...(cursor ? { cursor } : {}) })
        answers.push(page)
        cursor = page.nextCursor
        if (!cursor) return answers
        await between?.(i)
      }
      throw new Error('more than 50 pages')
    }

    /** Masked names of a lecture's present attendees in (at, _id) order, as stored: the speaker's order. */
    async function speakerOrder(lectureId: string): Promise<string[]> {
      const stored = await cloud.backend.store.find('check_ins', { lectureId, present: true })
      const key = (c: Json) => [new Date(c.at as Date).getTime(), String(c._id)] as const
      return [...stored]
        .sort((a, b) => {
          const [ta, ia] = key(a)
          const [tb, ib] = key(b)
          return ta - tb || (ia < ib ? -1 : ia > ib ? 1 : 0)
        })
        .map((c) => maskName(String(c.name)))
    }

    beforeAll(async () => {
      id = await publishedLecture({ audience: 'open' })
      const joinedAt = new Date()
      await cloud.backend.store.insert(
        'members',
        guests.map((openid, i) => ({ _id: openid, openid, name: `访客党员${i}`, phone: '', post: '', avatar: '', role: 'member', branchId: 'demo-branch-2', joinedAt, updatedAt: joinedAt })),
      )
      const token = await liveToken(id)
      // One far from the venue (a flag and a distance), the others at it, one after another.
      await ok(MEMBER, { action: 'checkIn', lectureId: id, token, location: { latitude: 31.26, longitude: 121.4737 } })
      for (const person of [OTHER, SEC2, ...guests]) await ok(person, { action: 'checkIn', lectureId: id, token })
      await ok(SEC, { action: 'markAttendance', lectureId: id, openid: RESIDENT, present: true, reason: ADDED_REASON })
      await ok(SEC, { action: 'markAttendance', lectureId: id, openid: SEC2, present: false, reason: REMOVED_REASON })
      recorded = [MEMBER, OTHER, SEC2, ...guests, RESIDENT]
      present = recorded.filter((p) => p !== SEC2)
    })

    it('pages through the present attendees only, in check-in order, by masked name and a key', async () => {
      const answers = await pages(MEMBER2, id, 2)
      expect(answers.length).toBe(Math.ceil(present.length / 2))
      const items = answers.flatMap((a) => a.items)
      for (const a of answers) expect(a).toMatchObject({ view: 'speaker', checkinCount: present.length })
      expect(items).toHaveLength(present.length)
      for (const row of items) expect(Object.keys(row).sort()).toEqual(['at', 'branchName', 'key', 'method', 'name', 'visitor'])
      // Check-in order (time, then record id for the same millisecond), everyone present once.
      expect(items.map((r) => r.name)).toEqual(await speakerOrder(id))
      expect(items.map((r) => r.at)).toEqual([...items.map((r) => String(r.at))].sort())
      expect(new Set(items.map((r) => r.key)).size).toBe(present.length)
      expect(items.find((r) => r.name === maskName(nameOf(RESIDENT)))).toMatchObject({ method: 'manual', visitor: false, branchName: BRANCH_1 })
      expect(items.filter((r) => r.visitor)).toHaveLength(1 + guests.length)
    })

    it('answers no openid, reason, distance, flag, full name or removed person — not even inside a cursor', async () => {
      const answers = await pages(MEMBER2, id, 2)
      const payload = JSON.stringify(answers)
      for (const openid of recorded) expect([openid, payload.includes(openid)]).toEqual([openid, false])
      for (const word of ['"openid"', '"reason"', '"distanceMeters"', '"flags"', '"present"', REMOVED_REASON, ADDED_REASON, nameOf(MEMBER), nameOf(SEC2), maskName(nameOf(SEC2))]) {
        expect([word, payload.includes(word)]).toEqual([word, false])
      }
      const cursors = answers.map((a) => a.nextCursor).filter((c): c is string => typeof c === 'string')
      expect(cursors.length).toBe(answers.length - 1)
      for (const cursor of cursors) {
        expect(decodeCursor(cursor)).toBeNull()
        const bytes = Buffer.from(cursor, 'base64url')
        for (const text of [...recorded, id]) {
          expect([text, bytes.includes(Buffer.from(text, 'utf8')), cursor.includes(text)]).toEqual([text, false, false])
        }
      }
    })

    it('keys a person differently at another lecture, and treats a cursor made elsewhere as none', async () => {
      const own = (await pages(MEMBER2, id, 50))[0]?.items ?? []
      const other = await publishedLecture({ audience: 'open' })
      await ok(OTHER, { action: 'checkIn', lectureId: other, token: await liveToken(other) })
      await ok(RESIDENT, { action: 'checkIn', lectureId: other, token: await liveToken(other) })
      const there = await pages(MEMBER2, other, 1)
      const keysThere = there.flatMap((a) => a.items.map((r) => String(r.key)))
      expect(keysThere).toHaveLength(2)
      for (const key of keysThere) expect(own.map((r) => r.key)).not.toContain(key)
      // The same lecture keys the same person the same way on every ask.
      expect((await pages(MEMBER2, id, 50))[0]?.items.map((r) => r.key)).toEqual(own.map((r) => r.key))
      // A cursor sealed for another lecture, or a secretary's plain one, opens nothing here: the first page.
      const foreign = there[0]?.nextCursor
      const plain = (await ok<Paged>(SEC, { action: 'attendance', lectureId: id, limit: 2 })).nextCursor
      for (const cursor of [foreign, plain]) {
        expect(typeof cursor).toBe('string')
        const page = await ok<Paged>(MEMBER2, { action: 'attendance', lectureId: id, limit: 2, cursor })
        expect(page.items.map((r) => r.key)).toEqual(own.slice(0, 2).map((r) => r.key))
      }
    })

    it('shows someone who checks in while the speaker scrolls once, at the end', async () => {
      const late = await publishedLecture({ audience: 'open' })
      const token = await liveToken(late)
      for (const person of [MEMBER, OTHER, RESIDENT]) await ok(person, { action: 'checkIn', lectureId: late, token })
      const answers = await pages(MEMBER2, late, 2, async (i) => {
        if (i === 0) await ok(guests[0] ?? '', { action: 'checkIn', lectureId: late, token })
      })
      const names = answers.flatMap((a) => a.items.map((r) => r.name))
      expect(names).toEqual(await speakerOrder(late))
      expect(names).toHaveLength(4)
      expect(names[3]).toBe(maskName('访客党员0'))
    })

    it("leaves the secretary's view as it was: every record, removed ones with the reason, openid order, the plain cursor", async () => {
      const answers = await pages(SEC, id, 2)
      const items = answers.flatMap((a) => a.items)
      for (const a of answers) expect(a).toMatchObject({ view: 'secretary', checkinCount: present.length })
      expect(items.map((r) => r.openid)).toEqual([...recorded].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
      expect(items.find((r) => r.openid === SEC2)).toEqual({
        openid: SEC2,
        name: nameOf(SEC2),
        branchName: BRANCH_2,
        visitor: true,
        at: expect.any(String),
        method: 'scan',
        present: false,
        flags: [],
        distanceMeters: null,
        reason: REMOVED_REASON,
      })
      expect(items.find((r) => r.openid === MEMBER)).toMatchObject({ name: nameOf(MEMBER), flags: ['far'], distanceMeters: expect.any(Number), present: true })
      expect(items.find((r) => r.openid === RESIDENT)).toMatchObject({ method: 'manual', reason: ADDED_REASON })
      const cursors = answers.map((a) => a.nextCursor).filter((c): c is string => typeof c === 'string')
      expect(cursors.map((c) => decodeCursor(c))).toEqual(answers.slice(0, -1).map((a) => ({ t: 0, id: `${id}_${String(a.items[a.items.length - 1]?.openid)}` })))
    })

    it('gives a speaker who is also the branch secretary the secretary view', async () => {
      const own = await publishedLecture({ audience: 'open', speaker: { name: nameOf(SEC), openid: SEC } })
      await ok(MEMBER, { action: 'checkIn', lectureId: own, token: await liveToken(own) })
      expect(await ok<Paged>(SEC, { action: 'attendance', lectureId: own })).toMatchObject({ view: 'secretary', items: [{ openid: MEMBER, name: nameOf(MEMBER) }] })
    })
  })

  describe('myCheckIns: each person sees only their own history', () => {
    const people = [SEC, MEMBER, RESIDENT, SEC2, OTHER]
    const attended: Record<string, { id: string; at: string }> = {}

    beforeAll(async () => {
      // One open lecture per person, checked in by that person alone.
      for (const person of people) {
        const id = await publishedLecture({ title: `个人签到记录-${person}`, audience: 'open' })
        const res = await ok<{ checkedInAt: string }>(person, { action: 'checkIn', lectureId: id, token: await liveToken(id) })
        attended[person] = { id, at: res.checkedInAt }
      }
    })

    it.each([
      ['secretary of the branch', SEC],
      ['member', MEMBER],
      ['resident', RESIDENT],
      ['secretary of another branch', SEC2],
      ['member of another branch', OTHER],
      ['member who attended none of them', MEMBER2],
    ])('a %s', async (_label, openid) => {
      const items = await allPages(openid, { action: 'myCheckIns' })
      const fixtureIds = new Set(Object.values(attended).map((a) => a.id))
      const seen = items.filter((c) => fixtureIds.has(String(c.lectureId)))
      const own = attended[openid]
      expect(seen).toEqual(own ? [expect.objectContaining({ lectureId: own.id, lectureTitle: `个人签到记录-${openid}`, at: own.at, method: 'scan' })] : [])
    })

    it.each([
      ['person without a branch', 'AUTH.NO_PROFILE', NOBODY],
      ['caller not signed in', 'AUTH.REQUIRED', null],
    ])('a %s is answered %s', async (_label, code, openid) => {
      expect(await errorCode(openid, { action: 'myCheckIns' })).toBe(code)
    })
  })

  it('lists my newest check-in first, with what the server noted about it', async () => {
    const id = await publishedLecture({ title: '远处签到的党课' })
    await ok(MEMBER, { action: 'checkIn', lectureId: id, token: await liveToken(id), location: { latitude: 31.26, longitude: 121.4737 } })
    const page = await ok<{ items: Json[] }>(MEMBER, { action: 'myCheckIns', limit: 1 })
    expect(page.items).toEqual([expect.objectContaining({ lectureId: id, lectureTitle: '远处签到的党课', method: 'scan', flags: ['far'] })])
  })
})

describe('lecture materials: links and uploaded files', () => {
  const pdf = Buffer.from('%PDF-1.4 学习材料 test bytes')

  /** As the mini-program does with wx.cloud.uploadFile: straight into the environment's storage. */
  async function uploaded(cloudPath: string, bytes: Buffer = pdf): Promise<string> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sdk = require('wx-server-sdk') as typeof import('wx-server-sdk')
    // Same SDK instance the lecture function's entry already initialised (DYNAMIC_CURRENT_ENV).
    const res = (await sdk.uploadFile({ cloudPath, fileContent: bytes })) as { fileID: string }
    return res.fileID
  }

  it('stores a file material by its fileID and answers a temporary URL that serves the file, in get, list and update', async () => {
    const fileID = await uploaded('lecture-materials/202611/lx1-abc.pdf')
    expect(fileID).toMatch(/^cloud:\/\/local\.[^/]+\/lecture-materials\/202611\/lx1-abc\.pdf$/)
    const created = await ok<{ id: string; materials: Json[] }>(
      SEC,
      lectureInput({ materials: [{ title: '讲稿', fileID }, { title: '原文链接', url: 'https://example.org/a' }] }),
    )
    expect(created.materials[0]).toMatchObject({ title: '讲稿', fileID })
    expect(created.materials[1]).toEqual({ title: '原文链接', url: 'https://example.org/a' })
    await ok(SEC, { action: 'publish', lectureId: created.id })

    // Stored as given: the fileID, never a URL that would expire.
    const [doc] = (await cloud.backend.store.find('lectures', { _id: created.id })) as Array<{ materials: Json[] }>
    expect(doc?.materials).toEqual([{ title: '讲稿', fileID }, { title: '原文链接', url: 'https://example.org/a' }])

    const got = await ok<{ materials: Array<{ title: string; url: string; fileID?: string }> }>(MEMBER, { action: 'get', lectureId: created.id })
    const file = got.materials[0]
    expect(file?.fileID).toBe(fileID)
    expect(file?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\/lecture-materials\//)
    const res = await fetch(file?.url ?? '')
    expect(res.status).toBe(200)
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true)

    const listed = await allPages<{ id: string; materials: Array<{ url: string; fileID?: string }> }>(MEMBER, { action: 'list', scope: 'upcoming' })
    const inList = listed.find((l) => l.id === created.id)
    expect(inList?.materials[0]?.url).toMatch(/\/files\/lecture-materials\//)

    const second = await uploaded('lecture-materials/202611/lx2-def.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]))
    const updated = await ok<{ materials: Array<{ url: string; fileID?: string }> }>(SEC, {
      action: 'update',
      lectureId: created.id,
      materials: [{ title: '讲稿', fileID }, { title: '现场照片', fileID: second }],
    })
    expect(updated.materials.map((m) => m.fileID)).toEqual([fileID, second])
    expect((await fetch(updated.materials[1]?.url ?? '')).status).toBe(200)
  })

  it('answers an empty URL (not a failure) for a file that has since been deleted', async () => {
    const fileID = await uploaded('lecture-materials/202611/gone.pdf')
    const id = await publishedLecture({ materials: [{ title: '将被删除', fileID }] })
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sdk = require('wx-server-sdk') as typeof import('wx-server-sdk')
    await sdk.deleteFile({ fileList: [fileID] })
    const got = await ok<{ materials: Json[] }>(MEMBER, { action: 'get', lectureId: id })
    expect(got.materials).toEqual([{ title: '将被删除', fileID, url: '' }])
  })

  it.each<[string, () => Promise<unknown>]>([
    ['a file of another environment', async () => 'cloud://other-env.other-bucket/lecture-materials/202611/x.pdf'],
    ['a file outside the materials folder (an attendance export)', async () => uploaded('exports/attendance/Labc/20261122.xlsx')],
    ['a file that was never uploaded', async () => 'cloud://local.local-bucket/lecture-materials/202611/never.pdf'],
    ['a path that climbs out of the folder', async () => 'cloud://local.local-bucket/lecture-materials/../exports/x.xlsx'],
    ['an http URL as a fileID', async () => 'https://example.org/a.pdf'],
    ['an operator as a fileID', async () => ({ $ne: null })],
  ])('refuses %s with COMMON.INVALID_INPUT and writes nothing', async (_label, makeId) => {
    const fileID = await makeId()
    const before = await cloud.backend.store.count('lectures')
    expect(await errorCode(SEC, lectureInput({ materials: [{ title: '资料', fileID }] }))).toBe('COMMON.INVALID_INPUT')
    expect(await cloud.backend.store.count('lectures')).toBe(before)

    const id = await publishedLecture({ materials: [{ title: '原有链接', url: 'https://example.org/keep' }] })
    const res = await call(SEC, { action: 'update', lectureId: id, title: '不该改', materials: [{ title: '资料', fileID }] })
    expect(res.ok).toBe(false)
    if (!res.ok) {
      expect(res.error.code).toBe('COMMON.INVALID_INPUT')
      // The field when it is a string of the wrong kind; the whole item when it is not even a string.
      expect(Object.keys(res.error.fields ?? {})).toEqual([typeof fileID === 'string' ? 'materials.0.fileID' : 'materials.0'])
    }
    const [doc] = (await cloud.backend.store.find('lectures', { _id: id })) as Array<{ title: string; materials: Json[] }>
    expect(doc?.title).toBe('学习贯彻党的二十届三中全会精神')
    expect(doc?.materials).toEqual([{ title: '原有链接', url: 'https://example.org/keep' }])
  })

  it.each<[string, Json]>([
    ['both a link and a file', { title: '资料', url: 'https://example.org/a', fileID: 'cloud://local.local-bucket/lecture-materials/a.pdf' }],
    ['neither a link nor a file', { title: '资料' }],
    ['a cloud:// id given as a link', { title: '资料', url: 'cloud://local.local-bucket/lecture-materials/a.pdf' }],
  ])('refuses a material with %s', async (_label, material) => {
    const before = await cloud.backend.store.count('lectures')
    expect(await errorCode(SEC, lectureInput({ materials: [material] }))).toBe('COMMON.INVALID_INPUT')
    expect(await cloud.backend.store.count('lectures')).toBe(before)
  })
})

describe('lecture: bad input is refused with COMMON.INVALID_INPUT', () => {
  const big = '长'.repeat(100 * 1024)
  it.each<[string, Json]>([
    ['create without a title', { ...lectureInput(), title: '' }],
    ['create with a local time without offset', { ...lectureInput(), startAt: '2026-11-22 19:00' }],
    ['create with a 100 KB topic', { ...lectureInput(), topic: big }],
    ['create with an object title', { ...lectureInput(), title: { $ne: null } }],
    ['create with an unknown key', { ...lectureInput(), status: 'published' }],
    ['create with a javascript: material', { ...lectureInput(), materials: [{ title: 'x', url: 'javascript:alert(1)' }] }],
    ['get with an operator id', { action: 'get', lectureId: { $ne: null } }],
    ['checkIn with an operator token', { action: 'checkIn', lectureId: 'Labcdefghij', token: { $gt: '' } }],
    ['checkIn with a bad location', { action: 'checkIn', lectureId: 'Labcdefghij', token: 'ABCDEFGHJK', location: { latitude: 999, longitude: 0 } }],
    ['list with an unknown scope', { action: 'list', scope: 'all' }],
    ['markAttendance without reason', { action: 'markAttendance', lectureId: 'Labcdefghij', openid: MEMBER, present: true, reason: '' }],
    ['attendance with a huge limit', { action: 'attendance', lectureId: 'Labcdefghij', limit: 5000 }],
  ])('%s', async (_label, event) => {
    const before = await cloud.backend.store.count('lectures')
    expect(await errorCode(SEC, event)).toBe('COMMON.INVALID_INPUT')
    expect(await cloud.backend.store.count('lectures')).toBe(before)
  })

  describe('on the actions that change or hand out a lecture, as the secretary and as a member, writing nothing', () => {
    type Ids = { draft: string; published: string }
    const ids = {} as Ids
    beforeAll(async () => {
      ids.draft = (await ok<{ id: string }>(SEC, lectureInput({ title: '坏输入靶子（草稿）' }))).id
      ids.published = await publishedLecture({ title: '坏输入靶子（已发布）' })
      await ok(MEMBER, { action: 'checkIn', lectureId: ids.published, token: await liveToken(ids.published) })
    })

    const op = { $ne: null }
    // Each event, were it let through, would write: a changed title, a published draft, a cancelled lecture.
    const EVENTS: Array<[string, (ids: Ids) => unknown, string]> = [
      ['update with an operator as the lecture id', () => ({ action: 'update', lectureId: op, title: '篡改' }), 'COMMON.INVALID_INPUT'],
      ['update with an operator as the title', (i) => ({ action: 'update', lectureId: i.draft, title: op }), 'COMMON.INVALID_INPUT'],
      ['update with an operator as the audience', (i) => ({ action: 'update', lectureId: i.draft, audience: { $in: ['open'] } }), 'COMMON.INVALID_INPUT'],
      ['update with an operator as the speaker\'s openid', (i) => ({ action: 'update', lectureId: i.draft, speaker: { name: '王建国', openid: op } }), 'COMMON.INVALID_INPUT'],
      ['update with an operator in the check-in window', (i) => ({ action: 'update', lectureId: i.draft, checkinWindow: { opensBeforeMinutes: { $gt: 0 }, closesAfterMinutes: 0 } }), 'COMMON.INVALID_INPUT'],
      ['update with the status as an unknown key', (i) => ({ action: 'update', lectureId: i.draft, title: '偷偷发布', status: 'published' }), 'COMMON.INVALID_INPUT'],
      ['update with the count as an unknown key', (i) => ({ action: 'update', lectureId: i.published, checkinCount: 999 }), 'COMMON.INVALID_INPUT'],
      ['update with the secret as an unknown key', (i) => ({ action: 'update', lectureId: i.published, secret: 'known-secret' }), 'COMMON.INVALID_INPUT'],
      ['update with an unknown key in the location', (i) => ({ action: 'update', lectureId: i.draft, location: { name: '会议室', floor: 2 } }), 'COMMON.INVALID_INPUT'],
      ['update with a 100 KB title', (i) => ({ action: 'update', lectureId: i.draft, title: big }), 'COMMON.INVALID_INPUT'],
      ['update with a 100 KB topic', (i) => ({ action: 'update', lectureId: i.draft, topic: big }), 'COMMON.INVALID_INPUT'],
      ['update with a 100 KB place name', (i) => ({ action: 'update', lectureId: i.draft, location: { name: big } }), 'COMMON.INVALID_INPUT'],
      ['update with a 100 KB lecture id', () => ({ action: 'update', lectureId: big, title: '篡改' }), 'COMMON.INVALID_INPUT'],
      ['update without a lecture id', () => ({ action: 'update', title: '篡改' }), 'COMMON.INVALID_INPUT'],
      ['publish with an operator as the lecture id', () => ({ action: 'publish', lectureId: op }), 'COMMON.INVALID_INPUT'],
      ['publish with a regex operator as the lecture id', () => ({ action: 'publish', lectureId: { $regex: '.*' } }), 'COMMON.INVALID_INPUT'],
      ['publish with an unknown key', (i) => ({ action: 'publish', lectureId: i.draft, publishedAt: '2020-01-01T00:00:00Z' }), 'COMMON.INVALID_INPUT'],
      ['publish with a 100 KB lecture id', () => ({ action: 'publish', lectureId: big }), 'COMMON.INVALID_INPUT'],
      ['publish without a lecture id', () => ({ action: 'publish' }), 'COMMON.INVALID_INPUT'],
      ['cancel with an operator as the lecture id', () => ({ action: 'cancel', lectureId: op, reason: '捣乱' }), 'COMMON.INVALID_INPUT'],
      ['cancel with an operator as the reason', (i) => ({ action: 'cancel', lectureId: i.published, reason: op }), 'COMMON.INVALID_INPUT'],
      ['cancel with an unknown key', (i) => ({ action: 'cancel', lectureId: i.published, reason: '临时取消', notify: false }), 'COMMON.INVALID_INPUT'],
      ['cancel with a 100 KB reason', (i) => ({ action: 'cancel', lectureId: i.published, reason: big }), 'COMMON.INVALID_INPUT'],
      ['cancel without a reason', (i) => ({ action: 'cancel', lectureId: i.published }), 'COMMON.INVALID_INPUT'],
      ['displayCode with an operator as the lecture id', () => ({ action: 'displayCode', lectureId: op }), 'COMMON.INVALID_INPUT'],
      ['displayCode with an operator as withMiniCode', (i) => ({ action: 'displayCode', lectureId: i.published, withMiniCode: op }), 'COMMON.INVALID_INPUT'],
      ['displayCode with an unknown key', (i) => ({ action: 'displayCode', lectureId: i.published, slotSeconds: 3600 }), 'COMMON.INVALID_INPUT'],
      ['displayCode with a 100 KB lecture id', () => ({ action: 'displayCode', lectureId: big }), 'COMMON.INVALID_INPUT'],
      ['exportAttendance with an operator as the lecture id', () => ({ action: 'exportAttendance', lectureId: { $exists: true } }), 'COMMON.INVALID_INPUT'],
      ['exportAttendance with an unknown key', (i) => ({ action: 'exportAttendance', lectureId: i.published, cloudPath: 'lecture-materials/x.xlsx' }), 'COMMON.INVALID_INPUT'],
      ['exportAttendance with a 100 KB lecture id', () => ({ action: 'exportAttendance', lectureId: big }), 'COMMON.INVALID_INPUT'],
      ['list with an operator as the scope', () => ({ action: 'list', scope: { $in: ['upcoming', 'past'] } }), 'COMMON.INVALID_INPUT'],
      ['list with an operator as the cursor', () => ({ action: 'list', scope: 'upcoming', cursor: op }), 'COMMON.INVALID_INPUT'],
      ['list with a huge limit', () => ({ action: 'list', scope: 'past', limit: 5000 }), 'COMMON.INVALID_INPUT'],
      ['list with an unknown key', () => ({ action: 'list', scope: 'upcoming', branchId: 'demo-branch-2' }), 'COMMON.INVALID_INPUT'],
      ['get with a 100 KB lecture id', () => ({ action: 'get', lectureId: big }), 'COMMON.INVALID_INPUT'],
      ['get with an unknown key', (i) => ({ action: 'get', lectureId: i.published, withSecret: true }), 'COMMON.INVALID_INPUT'],
      ['attendance with an operator as the lecture id', () => ({ action: 'attendance', lectureId: op }), 'COMMON.INVALID_INPUT'],
      ['attendance with an operator as the cursor', (i) => ({ action: 'attendance', lectureId: i.published, cursor: op }), 'COMMON.INVALID_INPUT'],
      ['attendance with an unknown key', (i) => ({ action: 'attendance', lectureId: i.published, present: false }), 'COMMON.INVALID_INPUT'],
      ['markAttendance with an operator as the openid', (i) => ({ action: 'markAttendance', lectureId: i.published, openid: op, present: false, reason: '代签' }), 'COMMON.INVALID_INPUT'],
      ['markAttendance with "true" as present', (i) => ({ action: 'markAttendance', lectureId: i.published, openid: RESIDENT, present: 'true', reason: '补录' }), 'COMMON.INVALID_INPUT'],
      ['markAttendance with an operator as the reason', (i) => ({ action: 'markAttendance', lectureId: i.published, openid: MEMBER, present: false, reason: op }), 'COMMON.INVALID_INPUT'],
      ['markAttendance with a 100 KB reason', (i) => ({ action: 'markAttendance', lectureId: i.published, openid: MEMBER, present: false, reason: big }), 'COMMON.INVALID_INPUT'],
      ['markAttendance with an unknown key', (i) => ({ action: 'markAttendance', lectureId: i.published, openid: RESIDENT, present: true, reason: '补录', method: 'scan' }), 'COMMON.INVALID_INPUT'],
      ['markAttendance without present', (i) => ({ action: 'markAttendance', lectureId: i.published, openid: MEMBER, reason: '代签' }), 'COMMON.INVALID_INPUT'],
      ['myCheckIns with an operator as the cursor', () => ({ action: 'myCheckIns', cursor: op }), 'COMMON.INVALID_INPUT'],
      ['myCheckIns with an operator as the limit', () => ({ action: 'myCheckIns', limit: { $gt: 0 } }), 'COMMON.INVALID_INPUT'],
      ['myCheckIns asking for someone else\'s history', () => ({ action: 'myCheckIns', openid: MEMBER }), 'COMMON.INVALID_INPUT'],
      ['myCheckIns with a 100 KB cursor', () => ({ action: 'myCheckIns', cursor: big }), 'COMMON.INVALID_INPUT'],
      ['myCheckIns with a huge limit', () => ({ action: 'myCheckIns', limit: 5000 }), 'COMMON.INVALID_INPUT'],
      ['an event without an action', (i) => ({ lectureId: i.draft }), 'COMMON.INVALID_INPUT'],
      ['an empty action', (i) => ({ action: '', lectureId: i.draft }), 'COMMON.INVALID_INPUT'],
      ['an operator as the action', (i) => ({ action: op, lectureId: i.draft }), 'COMMON.INVALID_INPUT'],
      ['an event that is not an object', () => 'publish', 'COMMON.INVALID_INPUT'],
      ['an event that is an array', (i) => [{ action: 'publish', lectureId: i.draft }], 'COMMON.INVALID_INPUT'],
      ['an unknown action', (i) => ({ action: 'delete', lectureId: i.published }), 'COMMON.UNKNOWN_ACTION'],
      ['an action in the wrong case', (i) => ({ action: 'Publish', lectureId: i.draft }), 'COMMON.UNKNOWN_ACTION'],
      ['an object-prototype name as the action', (i) => ({ action: 'constructor', lectureId: i.draft }), 'COMMON.UNKNOWN_ACTION'],
      ['__proto__ as the action', (i) => ({ action: '__proto__', lectureId: i.draft }), 'COMMON.UNKNOWN_ACTION'],
      ['a 100 KB action', (i) => ({ action: big, lectureId: i.draft }), 'COMMON.UNKNOWN_ACTION'],
    ]
    const CALLERS: Array<[string, string]> = [
      ['secretary', SEC],
      ['member', MEMBER],
    ]

    it.each(EVENTS.flatMap(([label, event, code]) => CALLERS.map(([who, openid]) => [label, who, code, openid, event] as const)))(
      '%s, as the %s: %s',
      async (_label, _who, code, openid, event) => {
        const before = await storedState()
        const res = await call(openid, event(ids))
        expect(res).toMatchObject({ ok: false, error: { code } })
        if (!res.ok) expect(res.error.message).toMatch(/[\u4e00-\u9fa5]/)
        expect(await storedState()).toBe(before)
      },
    )
  })
})
