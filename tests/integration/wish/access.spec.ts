import { M1, NOBODY, OTHER, RES, RES2, SEC, SEC2, startWishWorld, type Json, type WishWorld } from '../../support/integration/wish-world'

/**
 * Every action × every role: each is either answered or refused with its own code and a Chinese
 * message, and a refusal writes nothing. Each cell gets a wish of its own in the state the action
 * starts from (posted by RES, claimed by a fresh member: `claimer`).
 */
let w: WishWorld

beforeAll(async () => {
  w = await startWishWorld()
})

afterAll(async () => {
  await w.close()
})

const ROLES = ['secretary', 'member', 'poster', 'resident', 'claimer', 'otherSecretary', 'otherMember', 'noBranch', 'noIdentity'] as const
type Role = (typeof ROLES)[number]

interface Fixture {
  /** The claimer of the fixture's wish, or a fresh member who has claimed nothing. */
  claimer: string
  event: (openid: string | null) => Json
}

const daysAgo = (n: number) => new Date(Date.now() - n * 24 * 60 * 60 * 1000 - 60_000)

/** A resident posts for themself; anyone else records on behalf. */
const postEvent = (openid: string | null) => w.postInput(openid === RES || openid === RES2 ? {} : { onBehalfOf: { name: '陈阿婆' } })

async function claimedWish(): Promise<{ claimer: string; wishId: string }> {
  const claimer = await w.member()
  return { claimer, wishId: await w.claimed(claimer) }
}

const FIXTURES: Record<string, () => Promise<Fixture>> = {
  post: async () => ({ claimer: await w.member(), event: postEvent }),
  list: async () => ({ claimer: await w.member(), event: () => ({ action: 'list' }) }),
  mine: async () => ({ claimer: await w.member(), event: () => ({ action: 'mine' }) }),
  myClaims: async () => ({ claimer: await w.member(), event: () => ({ action: 'myClaims' }) }),
  wall: async () => ({ claimer: await w.member(), event: () => ({ action: 'wall' }) }),
  stats: async () => ({ claimer: await w.member(), event: () => ({ action: 'stats' }) }),
  exportLedger: async () => ({ claimer: await w.member(), event: () => ({ action: 'exportLedger' }) }),
  releaseIdle: async () => ({ claimer: await w.member(), event: () => ({ action: 'releaseIdle' }) }),
  get: async () => {
    const { claimer, wishId } = await claimedWish()
    return { claimer, event: () => ({ action: 'get', wishId }) }
  },
  review: async () => {
    const wishId = await w.pending()
    return { claimer: await w.member(), event: () => ({ action: 'review', wishId, decision: 'approve' }) }
  },
  reviewText: async () => {
    const { claimer, wishId } = await claimedWish()
    await w.ok(claimer, { action: 'addProgress', wishId, note: '有需要 local-review 联系' })
    const detail = await w.ok<{ progress: Array<{ key: string }> }>(SEC, { action: 'get', wishId })
    return { claimer, event: () => ({ action: 'reviewText', wishId, key: detail.progress[0]?.key, decision: 'pass' }) }
  },
  withdraw: async () => {
    const wishId = await w.open()
    return { claimer: await w.member(), event: () => ({ action: 'withdraw', wishId }) }
  },
  claim: async () => {
    const wishId = await w.open()
    return { claimer: await w.member(), event: () => ({ action: 'claim', wishId }) }
  },
  addProgress: async () => {
    const { claimer, wishId } = await claimedWish()
    return { claimer, event: () => ({ action: 'addProgress', wishId, note: '已买好，周末送去' }) }
  },
  giveBack: async () => {
    const { claimer, wishId } = await claimedWish()
    return { claimer, event: () => ({ action: 'giveBack', wishId, reason: '临时出差' }) }
  },
  fulfil: async () => {
    const { claimer, wishId } = await claimedWish()
    const photo = await w.upload(`wish-photos/access-${wishId}.jpg`)
    return { claimer, event: () => ({ action: 'fulfil', wishId, note: '已送到', photos: [photo] }) }
  },
  confirm: async () => {
    const claimer = await w.member()
    const wishId = await w.fulfilled(claimer)
    return { claimer, event: () => ({ action: 'confirm', wishId, satisfaction: 'satisfied', showProofOnWall: true }) }
  },
  confirmOnBehalf: async () => {
    const claimer = await w.member()
    const wishId = await w.fulfilled(claimer)
    await w.patch(wishId, { fulfilledAt: daysAgo(8) })
    return { claimer, event: () => ({ action: 'confirmOnBehalf', wishId }) }
  },
}

const OK = 'ok'
const NF = 'WISH.NOT_FOUND'
const FB = 'AUTH.FORBIDDEN'
const NP = 'AUTH.NO_PROFILE'
const RQ = 'AUTH.REQUIRED'

/** Per action, what each role is answered, in the order of ROLES. */
const TABLE: Record<string, readonly string[]> = {
  //                secretary member  poster resident claimer  otherSec otherMem noBranch noIdentity
  post: /*       */ [OK, OK, OK, OK, OK, OK, OK, NP, RQ],
  list: /*       */ [OK, OK, FB, FB, OK, OK, OK, NP, RQ],
  mine: /*       */ [OK, OK, OK, OK, OK, OK, OK, NP, RQ],
  myClaims: /*   */ [OK, OK, FB, FB, OK, OK, OK, NP, RQ],
  wall: /*       */ [OK, OK, OK, OK, OK, OK, OK, OK, RQ],
  stats: /*      */ [OK, FB, FB, FB, FB, OK, FB, NP, RQ],
  exportLedger: /**/ [OK, FB, FB, FB, FB, OK, FB, NP, RQ],
  releaseIdle: /**/ [FB, FB, FB, FB, FB, FB, FB, FB, FB],
  get: /*        */ [OK, OK, OK, NF, OK, NF, NF, NP, RQ],
  review: /*     */ [OK, FB, FB, FB, FB, NF, FB, NP, RQ],
  reviewText: /* */ [OK, FB, FB, FB, FB, NF, FB, NP, RQ],
  withdraw: /*   */ ['WISH.NOT_POSTER', 'WISH.NOT_POSTER', OK, NF, 'WISH.NOT_POSTER', NF, NF, NP, RQ],
  claim: /*      */ [OK, OK, FB, FB, OK, NF, NF, NP, RQ],
  addProgress: /**/ ['WISH.NOT_CLAIMER', 'WISH.NOT_CLAIMER', FB, FB, OK, NF, NF, NP, RQ],
  giveBack: /*   */ ['WISH.NOT_CLAIMER', 'WISH.NOT_CLAIMER', FB, FB, OK, NF, NF, NP, RQ],
  fulfil: /*     */ ['WISH.NOT_CLAIMER', 'WISH.NOT_CLAIMER', FB, FB, OK, NF, NF, NP, RQ],
  confirm: /*    */ ['WISH.NOT_POSTER', 'WISH.NOT_POSTER', OK, NF, 'WISH.NOT_POSTER', NF, NF, NP, RQ],
  confirmOnBehalf: [OK, FB, FB, FB, FB, NF, FB, NP, RQ],
}

function openidOf(role: Role, fixture: Fixture): string | null {
  switch (role) {
    case 'secretary':
      return SEC
    case 'member':
      return M1
    case 'poster':
      return RES
    case 'resident':
      return RES2
    case 'claimer':
      return fixture.claimer
    case 'otherSecretary':
      return SEC2
    case 'otherMember':
      return OTHER
    case 'noBranch':
      return NOBODY
    case 'noIdentity':
      return null
  }
}

const CELLS = Object.entries(TABLE).flatMap(([action, answers]) => ROLES.map((role, i) => [action, role, answers[i] as string] as const))

describe('wish: every action × every role', () => {
  it('covers every action of the contract', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { wishContract } = require('../../../cloudfunctions/contracts/wish.contract') as typeof import('../../../cloudfunctions/contracts/wish.contract')
    expect(Object.keys(TABLE).sort()).toEqual(Object.keys(wishContract).sort())
    expect(Object.keys(FIXTURES).sort()).toEqual(Object.keys(wishContract).sort())
  })

  it.each(CELLS)('%s as %s: %s', async (action, role, expected) => {
    const fixture = await (FIXTURES[action] as () => Promise<Fixture>)()
    const openid = openidOf(role, fixture)
    const event = fixture.event(openid)
    if (expected === OK) {
      await w.ok(openid, event)
      return
    }
    const before = await w.snapshot()
    expect(await w.errorCode(openid, event)).toBe(expected)
    expect(await w.snapshot()).toBe(before)
  })
})
