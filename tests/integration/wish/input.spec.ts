import { M1, RES, SEC, startWishWorld, type Json, type WishWorld } from '../../support/integration/wish-world'

/**
 * Bad input on every action: objects where strings belong, oversized text, unknown keys, photos outside
 * the wish folder, costs out of range. Each is COMMON.INVALID_INPUT with the field named, and nothing
 * is written. Each action is called by someone allowed to, on a wish in the state it starts from, so
 * only the input is wrong.
 */
let w: WishWorld
let claimer: string
const wishes: Record<string, string> = {}

beforeAll(async () => {
  w = await startWishWorld()
  claimer = await w.member()
  wishes.pending = await w.pending()
  wishes.open = await w.open()
  wishes.claimed = await w.claimed(claimer)
  wishes.fulfilled = await w.fulfilled(await w.member())
  await w.patch(wishes.fulfilled, { fulfilledAt: new Date(Date.now() - 8 * 24 * 3600 * 1000) })
})

afterAll(async () => {
  await w.close()
})

const long = (n: number) => '好'.repeat(n)
const PHOTO_OK = 'cloud://local.local-bucket/wish-photos/ok.jpg'

/** [action, who calls, the wish's state (or none), a valid event for it]. */
type Base = [string, () => string, string | null, Json]
const BASES: Base[] = [
  ['post', () => RES, null, {}],
  ['list', () => M1, null, {}],
  ['mine', () => RES, null, {}],
  ['myClaims', () => M1, null, {}],
  ['wall', () => M1, null, {}],
  ['stats', () => SEC, null, {}],
  ['exportLedger', () => SEC, null, {}],
  ['get', () => M1, 'open', {}],
  ['review', () => SEC, 'pending', { decision: 'approve' }],
  ['reviewText', () => SEC, 'claimed', { key: 'a'.repeat(16), decision: 'pass' }],
  ['withdraw', () => RES, 'open', {}],
  ['claim', () => M1, 'open', {}],
  ['addProgress', () => claimer, 'claimed', { note: '进展' }],
  ['giveBack', () => claimer, 'claimed', { reason: '没空' }],
  ['fulfil', () => claimer, 'claimed', { note: '完成', photos: [PHOTO_OK] }],
  ['confirm', () => RES, 'fulfilled', { satisfaction: 'satisfied', showProofOnWall: true }],
  ['confirmOnBehalf', () => SEC, 'fulfilled', {}],
]

/** Bad variants of one action's valid event, each with the field the answer must name. */
const VARIANTS: Record<string, Array<[string, Json, string]>> = {
  post: [
    ['a title that is an object', { title: { $ne: null } }, 'title'],
    ['a title of 31 characters', { title: long(31) }, 'title'],
    ['an empty title', { title: '   ' }, 'title'],
    ['a description of 501 characters', { description: long(501) }, 'description'],
    ['a cost of -1', { cost: -1 }, 'cost'],
    ['a cost of 10000', { cost: 10000 }, 'cost'],
    ['a cost of 301', { cost: 301 }, 'cost'],
    ['a cost of 1.5', { cost: 1.5 }, 'cost'],
    ['a cost as text', { cost: '80' }, 'cost'],
    ['an unknown category', { category: 'food' }, 'category'],
    ['4 photos', { photos: [PHOTO_OK, PHOTO_OK, PHOTO_OK, PHOTO_OK] }, 'photos'],
    ['a photo outside the wish folder', { photos: ['cloud://local.local-bucket/lecture-materials/a.jpg'] }, 'photos.0'],
    ['a photo path that climbs out of the folder', { photos: ['cloud://local.local-bucket/wish-photos/../exports/x.xlsx'] }, 'photos.0'],
    ['a photo given as a web link', { photos: ['https://example.org/a.jpg'] }, 'photos.0'],
    ['a photo that is an object', { photos: [{ $ne: null }] }, 'photos.0'],
    ['a phone of 3 digits', { phone: '123' }, 'phone'],
    ['an address that is an object', { address: { $gt: '' } }, 'address'],
    ['an address of 61 characters', { address: long(61) }, 'address'],
    ['an empty name on behalf', { onBehalfOf: { name: '' } }, 'onBehalfOf.name'],
    ['an unknown key on behalf', { onBehalfOf: { name: '陈阿婆', openid: 'x' } }, 'onBehalfOf'],
    ['a status of its own', { status: 'open' }, ''],
    ['a poster of its own', { posterOpenid: 'demo-member-1' }, ''],
  ],
  list: [
    ['an unknown scope', { scope: 'all' }, 'scope'],
    ['a limit of 0', { limit: 0 }, 'limit'],
    ['a limit of 51', { limit: 51 }, 'limit'],
    ['a cursor that is an object', { cursor: { $gt: '' } }, 'cursor'],
    ['an unknown category', { category: 'x' }, 'category'],
  ],
  mine: [['a limit as text', { limit: '10' }, 'limit']],
  myClaims: [['a cursor with spaces', { cursor: 'a b' }, 'cursor']],
  wall: [['an unknown key', { branchId: 'demo-branch-1' }, '']],
  stats: [['a branch of its own', { branchId: 'demo-branch-2' }, '']],
  exportLedger: [['a branch of its own', { branchId: 'demo-branch-2' }, '']],
  get: [],
  review: [
    ['an unknown decision', { decision: 'maybe' }, 'decision'],
    ['a rejection without a reason', { decision: 'reject' }, 'reason'],
    ['a reason of 101 characters', { decision: 'reject', reason: long(101) }, 'reason'],
    ['openToAll as text', { openToAll: 'yes' }, 'openToAll'],
    ['a reason on an approval', { reason: '好' }, ''],
  ],
  reviewText: [
    ['a key of the wrong shape', { key: 'zz' }, 'key'],
    ['an unknown decision', { decision: 'ok' }, 'decision'],
  ],
  withdraw: [['a reason of 101 characters', { reason: long(101) }, 'reason']],
  claim: [],
  addProgress: [
    ['an empty note', { note: '' }, 'note'],
    ['a note of 301 characters', { note: long(301) }, 'note'],
    ['a note that is an object', { note: { text: '进展' } }, 'note'],
  ],
  giveBack: [['no reason', { reason: undefined }, 'reason']],
  fulfil: [
    ['no photo', { photos: [] }, 'photos'],
    ['4 photos', { photos: [PHOTO_OK, PHOTO_OK, PHOTO_OK, PHOTO_OK] }, 'photos'],
    ['a photo outside the wish folder', { photos: ['cloud://local.local-bucket/exports/a.jpg'] }, 'photos.0'],
    ['no note', { note: undefined }, 'note'],
  ],
  confirm: [
    ['an unknown satisfaction', { satisfaction: 'great' }, 'satisfaction'],
    ['consent as text', { showProofOnWall: 'yes' }, 'showProofOnWall'],
    ['no consent', { showProofOnWall: undefined }, 'showProofOnWall'],
    ['thanks of 201 characters', { thanks: long(201) }, 'thanks'],
  ],
  confirmOnBehalf: [['a reason that is an object', { reason: { $ne: null } }, 'reason']],
}

/** What every action that names a wish refuses. */
const WISH_ID_VARIANTS: Array<[string, Json, string]> = [
  ['a wish id that is an object', { wishId: { $ne: null } }, 'wishId'],
  ['a wish id of the wrong shape', { wishId: 'W123' }, 'wishId'],
  ['no wish id', { wishId: undefined }, 'wishId'],
]

const CASES = BASES.flatMap(([action, who, state, valid]) => {
  const variants = [...(VARIANTS[action] ?? []), ...(state ? WISH_ID_VARIANTS : [])]
  const generic: Array<[string, Json, string]> = [['an unknown key', { admin: true }, '']]
  return [...variants, ...generic].map(([label, change, field]) => [action, label, who, state, valid, change, field] as const)
})

describe('wish: bad input is refused with COMMON.INVALID_INPUT and writes nothing', () => {
  it('has bad input for every action', () => {
    expect(BASES.map(([a]) => a).sort()).toEqual(Object.keys(VARIANTS).sort())
  })

  it.each(CASES)('%s: %s', async (action, _label, who, state, valid, change, field) => {
    const base = action === 'post' ? w.postInput() : { action, ...(state ? { wishId: wishes[state] } : {}), ...valid }
    const event: Json = { ...base, ...change }
    for (const [k, v] of Object.entries(change)) if (v === undefined) delete event[k]
    const before = await w.snapshot()
    const res = await w.call(who(), event)
    expect(res.ok ? 'ok' : res.error.code).toBe('COMMON.INVALID_INPUT')
    if (!res.ok) {
      expect(res.error.message).toMatch(/[\u4e00-\u9fa5]/)
      expect(Object.keys(res.error.fields ?? {})).toContain(field)
    }
    expect(await w.snapshot()).toBe(before)
  })
})
