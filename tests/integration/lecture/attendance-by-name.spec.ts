import { encodeCursor } from '../../../cloudfunctions/shared/cursor'
import { maskName } from '../../../cloudfunctions/shared/privacy.rules'
import { useLectureFunction, ok, errorCode, store, SEC, MEMBER, MEMBER2, publishedLecture, liveToken, nameOf, storedCheckIn, type Json } from '../../support/integration/lecture-function'

/** 签到名单 by name: pinyin order from the database, keyset pages, and records written before the key. */
useLectureFunction()

/** 28 names in the order a secretary expects them (pinyin, a surname read as a surname, Latin by its letters). */
const BY_PINYIN = [
  '阿依古丽',
  'Alice Wang',
  '安然',
  '白雪',
  '陈晨',
  '陈静',
  '邓超',
  '范冰',
  '郭靖',
  '韩梅梅',
  '黄蓉',
  '李雷',
  '刘洋',
  '吕方',
  '马丽',
  '单田芳',
  '孙俪',
  '王芳',
  '吴磊',
  '解晓东',
  '杨洋',
  '曾小贤',
  '张三',
  '章三',
  '张三丰',
  '张四',
  '赵敏',
  '周杰',
]

type Row = { openid: string; name: string; present: boolean; at: string }
type Paged = { view: string; items: Row[]; checkinCount: number; nextCursor?: string }

let seq = 0
/** Members of the first branch, written straight to the store (the people a lecture's door sees). */
async function members(names: readonly string[]): Promise<Map<string, string>> {
  const joinedAt = new Date()
  const people = names.map((name) => ({ name, openid: `by-name-${(seq += 1)}` }))
  await store().insert(
    'members',
    people.map((p) => ({ _id: p.openid, openid: p.openid, name: p.name, phone: '', post: '', avatar: '', role: 'member', branchId: 'demo-branch-1', joinedAt, updatedAt: joinedAt })),
  )
  return new Map(people.map((p) => [p.name, p.openid]))
}

/** Scans in the given order, with a fresh code every few people (a code lives two 15 s slots). */
async function checkIn(lectureId: string, openids: readonly string[]): Promise<void> {
  let token = ''
  for (const [i, openid] of openids.entries()) {
    if (i % 8 === 0) token = await liveToken(lectureId)
    await ok(openid, { action: 'checkIn', lectureId, token })
  }
}

/** A shuffle fixed by the test (every 11th, wrapping), so the check-in order is not the name order. */
function scrambled<T>(items: readonly T[]): T[] {
  return items.map((_, i) => items[(i * 11) % items.length] as T)
}

async function pages(lectureId: string, event: Json, limit: number, between?: (i: number) => Promise<void>): Promise<Paged[]> {
  const answers: Paged[] = []
  let cursor: string | undefined
  for (let i = 0; i < 50; i += 1) {
    const page = await ok<Paged>(SEC, { action: 'attendance', lectureId, order: 'name', limit, ...event, ...(cursor ? { cursor } : {}) })
    answers.push(page)
    cursor = page.nextCursor
    if (!cursor) return answers
    await between?.(i)
  }
  throw new Error('more than 50 pages')
}

const namesOf = (answers: Paged[]) => answers.flatMap((a) => a.items.map((r) => r.name))

describe('签到名单 by name', () => {
  let id = ''
  let people = new Map<string, string>()
  const removed = ['陈静', '张三丰']

  beforeAll(async () => {
    expect(scrambled(BY_PINYIN).sort()).toEqual([...BY_PINYIN].sort())
    id = await publishedLecture()
    people = await members(BY_PINYIN)
    await checkIn(id, scrambled(BY_PINYIN).map((n) => people.get(n) ?? ''))
    for (const name of removed) await ok(SEC, { action: 'markAttendance', lectureId: id, openid: people.get(name), present: false, reason: '代签，本人未到场' })
  })

  it('pages through every record in pinyin order, removed ones too, with no repeat or gap', async () => {
    const answers = await pages(id, {}, 10)
    expect(answers.map((a) => a.items.length)).toEqual([10, 10, 8])
    expect(namesOf(answers)).toEqual(BY_PINYIN)
    for (const a of answers) expect(a).toMatchObject({ view: 'secretary', checkinCount: BY_PINYIN.length - removed.length })
    const rows = answers.flatMap((a) => a.items)
    expect(rows.filter((r) => !r.present).map((r) => r.name)).toEqual(['陈静', '张三丰'])
    // The same records by check-in time: the order they came in, not the names'.
    const byTime = await ok<Paged>(SEC, { action: 'attendance', lectureId: id, limit: 50 })
    expect(byTime.items.map((r) => r.name)).toEqual(scrambled(BY_PINYIN))
  })

  it('keeps its place when someone checks in between pages: behind the page, not shown again; ahead, shown once in place', async () => {
    const late = await members(['艾青', '吴京'])
    const answers = await pages(id, {}, 10, async (i) => {
      if (i === 0) await checkIn(id, [late.get('艾青') ?? '', late.get('吴京') ?? ''])
    })
    // 艾青 sorts before the first page's last row, so this scroll has passed it; 吴京 (wu jing) is ahead of 吴磊.
    const expected = [...BY_PINYIN]
    expected.splice(expected.indexOf('吴磊'), 0, '吴京')
    expect(namesOf(answers)).toEqual(expected)
    expect(namesOf(await pages(id, {}, 50))).toEqual(['阿依古丽', '艾青', ...expected.slice(1)])
  })

  it('searches by part of a name in name order, paging within the matches', async () => {
    const first = await ok<Paged>(SEC, { action: 'attendance', lectureId: id, order: 'name', search: '张', limit: 2 })
    expect(first.items.map((r) => r.name)).toEqual(['张三', '张三丰'])
    const rest = await ok<Paged>(SEC, { action: 'attendance', lectureId: id, order: 'name', search: '张', limit: 2, cursor: first.nextCursor })
    expect(rest.items.map((r) => r.name)).toEqual(['张四'])
    expect(rest.nextCursor).toBeUndefined()
    expect(namesOf(await pages(id, { search: '三' }, 1))).toEqual(['张三', '章三', '张三丰'])
  })

  it('refuses a cursor of the other order, or none of ours, instead of answering a wrong page', async () => {
    const byName = (await ok<Paged>(SEC, { action: 'attendance', lectureId: id, order: 'name', limit: 2 })).nextCursor
    const byTime = (await ok<Paged>(SEC, { action: 'attendance', lectureId: id, limit: 2 })).nextCursor
    expect(typeof byName).toBe('string')
    expect(typeof byTime).toBe('string')
    expect(await errorCode(SEC, { action: 'attendance', lectureId: id, order: 'time', cursor: byName })).toBe('COMMON.INVALID_INPUT')
    expect(await errorCode(SEC, { action: 'attendance', lectureId: id, cursor: byName })).toBe('COMMON.INVALID_INPUT')
    expect(await errorCode(SEC, { action: 'attendance', lectureId: id, order: 'name', cursor: byTime })).toBe('COMMON.INVALID_INPUT')
    expect(await errorCode(SEC, { action: 'attendance', lectureId: id, order: 'name', cursor: encodeCursor({ t: 1, id: 'x' }) })).toBe('COMMON.INVALID_INPUT')
    expect(await errorCode(SEC, { action: 'attendance', lectureId: id, order: 'name', cursor: 'bm90LWEtY3Vyc29y' })).toBe('COMMON.INVALID_INPUT')
    expect(await errorCode(SEC, { action: 'attendance', lectureId: id, order: 'pinyin' })).toBe('COMMON.INVALID_INPUT')
  })

  it("leaves the speaker's view in check-in order and refuses them the order by name", async () => {
    // MEMBER2 is the lecture's speaker: masked names, present people only, by time.
    const speaker = await ok<{ view: string; items: Array<{ name: string }> }>(MEMBER2, { action: 'attendance', lectureId: id, limit: 50 })
    expect(speaker.view).toBe('speaker')
    const present = scrambled(BY_PINYIN).filter((n) => !removed.includes(n))
    expect(speaker.items.slice(0, present.length).map((r) => r.name)).toEqual(present.map(maskName))
    expect(await errorCode(MEMBER2, { action: 'attendance', lectureId: id, order: 'name' })).toBe('ATTENDANCE.ORDER_FORBIDDEN')
    expect(await ok(MEMBER2, { action: 'attendance', lectureId: id, order: 'time' })).toMatchObject({ view: 'speaker' })
  })
})

describe('records written before the name key', () => {
  it('shows them in their pinyin place, and keys them once', async () => {
    const id = await publishedLecture({ audience: 'open' })
    const old = await members(['赵敏', '白雪', '曾小贤'])
    await store().insert('check_ins', [...old.entries()].map(([name, openid]) => storedCheckIn(id, openid, name)))
    const now = await members(['陈晨', '张三'])
    await checkIn(id, [now.get('张三') ?? '', now.get('陈晨') ?? ''])
    await ok(SEC, { action: 'markAttendance', lectureId: id, openid: MEMBER, present: true, reason: '手机没电，现场核实' })
    await ok(SEC, { action: 'addGuest', lectureId: id, name: 'Bob', reason: '街道办来宾' })

    const expected = ['白雪', 'Bob', '陈晨', nameOf(MEMBER), '曾小贤', '张三', '赵敏']
    expect(namesOf(await pages(id, {}, 3))).toEqual(expected)
    const stored = await store().find('check_ins', { lectureId: id })
    expect(stored.filter((r) => typeof r.nameKey !== 'string')).toEqual([])
    // Once keyed, a second list finds nothing to fill and the order holds.
    expect(namesOf(await pages(id, {}, 50))).toEqual(expected)
  })
})
