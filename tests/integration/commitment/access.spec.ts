import { MOMENT, MONTH, NO_BRANCH, PREVIOUS_MONTH, startCommitmentWorld, type Branch, type CommitmentWorld, type Json } from '../../support/integration/commitment-world'

/**
 * Every action × every role (docs/architecture.md "Rules that hold everywhere"): each is answered or
 * refused with its own code and a Chinese message, and a refusal writes nothing. Each cell gets a branch
 * of its own, with the plan in the state the action starts from; its first member owns the plan.
 * Another branch's people come from a fresh branch per cell as well.
 */
let w: CommitmentWorld

beforeAll(async () => {
  w = await startCommitmentWorld()
})

afterAll(async () => {
  await w.close()
})

const ROLES = ['owner', 'secretary', 'member', 'resident', 'otherSecretary', 'otherMember', 'noBranch', 'noIdentity'] as const
type Role = (typeof ROLES)[number]

function callerOf(role: Role, b: Branch, other: Branch): string | null {
  switch (role) {
    case 'owner':
      return b.members[0]
    case 'secretary':
      return b.secretary
    case 'member':
      return b.members[1]
    case 'resident':
      return b.resident
    case 'otherSecretary':
      return other.secretary
    case 'otherMember':
      return other.members[0]
    case 'noBranch':
      return NO_BRANCH
    case 'noIdentity':
      return null
  }
}

type Fixture = (b: Branch) => Promise<Json>

const FIXTURES: Record<string, Fixture> = {
  board: async (b) => {
    await w.board(b)
    return { action: 'board', branchId: b.id, month: MONTH }
  },
  plans: async (b) => {
    await w.board(b)
    return { action: 'plans', branchId: b.id, month: MONTH }
  },
  months: async (b) => {
    await w.board(b)
    return { action: 'months', branchId: b.id }
  },
  plan: async (b) => ({ action: 'plan', planId: (await w.board(b))[0] }),
  planBeforeReview: async (b) => ({ action: 'plan', planId: await w.submitted(b.members[0]) }),
  mine: async (b) => {
    await w.draft(b.members[0])
    return { action: 'mine' }
  },
  saveDraft: async (b) => {
    await w.draft(b.members[0])
    return { action: 'saveDraft', month: MONTH, items: w.items(1) }
  },
  submit: async (b) => {
    await w.draft(b.members[0])
    return { action: 'submit', month: MONTH }
  },
  revise: async (b) => {
    const [planId] = await w.board(b)
    const [itemId] = await w.itemIds(planId)
    return { action: 'revise', planId, itemId, version: 1, text: '改为每两周一次', category: 'service', measure: '2 次', reason: '外出培训' }
  },
  addProgress: async (b) => {
    const [planId] = await w.board(b)
    const [itemId] = await w.itemIds(planId)
    return { action: 'addProgress', planId, itemId, percent: 50, note: '完成一半' }
  },
  setOutcome: async (b) => {
    const [planId] = await w.board(b)
    const [itemId] = await w.itemIds(planId)
    return { action: 'setOutcome', planId, itemId, outcome: 'kept', evidence: '已完成' }
  },
  queue: async (b) => {
    await w.submitted(b.members[0])
    return { action: 'queue' }
  },
  review: async (b) => ({ action: 'review', planId: await w.submitted(b.members[0]), decision: 'publish' }),
  publishBoard: async (b) => {
    await w.published(b.members[0], b.secretary)
    return { action: 'publishBoard', month: MONTH }
  },
  // Last month, whose deadline has passed at MOMENT.running: the secretary may close it.
  closeMonth: async (b) => {
    await w.board(b, PREVIOUS_MONTH)
    return { action: 'closeMonth', month: PREVIOUS_MONTH }
  },
  stats: async (b) => {
    await w.submitted(b.members[0])
    return { action: 'stats', month: MONTH }
  },
  hourly: async () => ({ action: 'hourly' }),
}

const OK = 'ok'
const NF = 'COMMITMENT.NOT_FOUND'
const NO = 'COMMITMENT.NOT_OWNER'
const FB = 'AUTH.FORBIDDEN'
const NB = 'AUTH.NOT_IN_BRANCH'
const RQ = 'AUTH.REQUIRED'

/** Per action, what each role is answered, in the order of ROLES. */
const TABLE: Record<string, readonly string[]> = {
  //                   owner secretary member resident otherSec otherMem noBranch noIdentity
  board: /*         */ [OK, OK, OK, OK, OK, OK, OK, RQ],
  plans: /*         */ [OK, OK, OK, OK, OK, OK, OK, RQ],
  months: /*        */ [OK, OK, OK, OK, OK, OK, OK, RQ],
  plan: /*          */ [OK, OK, OK, OK, OK, OK, OK, RQ],
  planBeforeReview: [OK, OK, NF, NF, NF, NF, NF, RQ],
  mine: /*          */ [OK, OK, OK, FB, OK, OK, NB, RQ],
  saveDraft: /*     */ [OK, OK, OK, FB, OK, OK, NB, RQ],
  // Nobody but the owner has a plan of this month to submit.
  submit: /*        */ [OK, NF, NF, FB, NF, NF, NB, RQ],
  revise: /*        */ [OK, NO, NO, FB, NO, NO, NB, RQ],
  addProgress: /*   */ [OK, NO, NO, FB, NO, NO, NB, RQ],
  setOutcome: /*    */ [OK, NO, NO, FB, NO, NO, NB, RQ],
  // Another branch's secretary gets their own queue, figures and boards; this branch's stay out of reach.
  queue: /*         */ [FB, OK, FB, FB, OK, FB, NB, RQ],
  review: /*        */ [FB, OK, FB, FB, NF, FB, NB, RQ],
  publishBoard: /*  */ [FB, OK, FB, FB, 'COMMITMENT.EMPTY_BOARD', FB, NB, RQ],
  closeMonth: /*    */ [FB, OK, FB, FB, OK, FB, NB, RQ],
  stats: /*         */ [FB, OK, FB, FB, OK, FB, NB, RQ],
  hourly: /*        */ [FB, FB, FB, FB, FB, FB, FB, FB],
}

const CELLS = Object.entries(TABLE).flatMap(([action, codes]) => ROLES.map((role, i) => [action, role, codes[i] as string] as const))

describe('commitment: every action × role', () => {
  it.each(CELLS)('%s as %s → %s', async (action, role, expected) => {
    w.at(MOMENT.running)
    const b = await w.branch()
    const event = await (FIXTURES[action] as Fixture)(b)
    w.at(MOMENT.running)
    // A branch of its own for the other branch's people too, so one cell's plan never meets the next.
    const caller = callerOf(role, b, role.startsWith('other') ? await w.branch() : w.B)
    const before = await w.snapshot()
    const boardBefore = JSON.stringify(await w.cloud.backend.store.find('commitment_boards', { branchId: b.id }))
    const res = await w.call(caller, event)
    const code = res.ok ? OK : res.error.code
    expect(code).toBe(expected)
    if (!res.ok) {
      expect(res.error.message).toMatch(/[\u4e00-\u9fa5]/)
      expect(await w.snapshot()).toBe(before)
    }
    // Another branch's secretary never changes this branch's board, whatever they are answered.
    if (role === 'otherSecretary') expect(JSON.stringify(await w.cloud.backend.store.find('commitment_boards', { branchId: b.id }))).toBe(boardBefore)
  })

  it('covers every action of the router this side builds', () => {
    const covered = new Set(Object.keys(TABLE).map((a) => (a === 'planBeforeReview' ? 'plan' : a)))
    const mine = ['board', 'plans', 'months', 'plan', 'mine', 'saveDraft', 'submit', 'revise', 'addProgress', 'setOutcome', 'queue', 'review', 'publishBoard', 'closeMonth', 'stats', 'hourly']
    expect([...covered].sort()).toEqual(mine.sort())
  })
})
