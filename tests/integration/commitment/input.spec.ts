import { MOMENT, MONTH, startCommitmentWorld, type CommitmentWorld, type Json } from '../../support/integration/commitment-world'

/**
 * Bad input on every action: a clear Chinese refusal naming the field where there is one, and nothing
 * written. The plan the cases aim at is published on a published board, its author is `owner`.
 */
let w: CommitmentWorld
let owner: string
let secretary: string
let branchId: string
let planId: string
let itemId: string
let draftPlanId: string

beforeAll(async () => {
  w = await startCommitmentWorld()
  const b = await w.branch()
  ;[owner, secretary, branchId] = [b.members[0], b.secretary, b.id]
  ;[planId] = await w.board(b)
  ;[itemId = ''] = await w.itemIds(planId)
  draftPlanId = await w.submitted(await w.person(b.id))
})

afterAll(async () => {
  await w.close()
})

beforeEach(() => {
  w.at(MOMENT.running)
})

const item = (over: Json = {}) => ({ text: '每周值班一次', category: 'service', measure: '4 次', ...over })
const long = (n: number) => '字'.repeat(n)
const INVALID = 'COMMON.INVALID_INPUT'

type Case = [label: string, who: 'owner' | 'secretary', event: () => Json, code: string, field?: string]

const CASES: Case[] = [
  ['board: a branch id that is an operator', 'owner', () => ({ action: 'board', branchId: { $ne: null } }), INVALID, 'branchId'],
  ['board: a month that does not exist', 'owner', () => ({ action: 'board', branchId, month: '2026-13' }), INVALID, 'month'],
  ['board: an unknown key', 'owner', () => ({ action: 'board', branchId, extra: 1 }), INVALID],
  ['board: a page of 0', 'owner', () => ({ action: 'board', branchId, limit: 0 }), INVALID, 'limit'],
  ['board: a branch nobody made', 'owner', () => ({ action: 'board', branchId: 'no-such-branch' }), 'COMMITMENT.NOT_FOUND'],
  ['plans: no month', 'owner', () => ({ action: 'plans', branchId }), INVALID, 'month'],
  ['plans: a cursor with odd characters', 'owner', () => ({ action: 'plans', branchId, month: MONTH, cursor: '{"$gt":""}' }), INVALID, 'cursor'],
  ['months: no branch', 'owner', () => ({ action: 'months' }), INVALID, 'branchId'],
  ['plan: a made-up id', 'owner', () => ({ action: 'plan', planId: 'C202612zzzz' }), INVALID, 'planId'],
  ['plan: an id of no plan', 'owner', () => ({ action: 'plan', planId: 'C202612aaaaaaaaaaaa' }), 'COMMITMENT.NOT_FOUND'],
  ['mine: a month in words', 'owner', () => ({ action: 'mine', month: '十二月' }), INVALID, 'month'],
  ['saveDraft: no items', 'owner', () => ({ action: 'saveDraft', month: MONTH, items: [] }), INVALID, 'items'],
  ['saveDraft: six items', 'owner', () => ({ action: 'saveDraft', month: MONTH, items: Array.from({ length: 6 }, () => item()) }), INVALID, 'items'],
  ['saveDraft: a text over 100', 'owner', () => ({ action: 'saveDraft', month: MONTH, items: [item({ text: long(101) })] }), INVALID, 'items.0.text'],
  ['saveDraft: an unknown category', 'owner', () => ({ action: 'saveDraft', month: MONTH, items: [item({ category: 'fun' })] }), INVALID, 'items.0.category'],
  ['saveDraft: an empty measure', 'owner', () => ({ action: 'saveDraft', month: MONTH, items: [item({ measure: '   ' })] }), INVALID, 'items.0.measure'],
  ['saveDraft: an item id of another plan', 'secretary', () => ({ action: 'saveDraft', month: MONTH, items: [item({ itemId })] }), INVALID, 'items.0.itemId'],
  ['saveDraft: a text the content check refuses', 'secretary', () => ({ action: 'saveDraft', month: MONTH, items: [item({ text: '内容 local-risky 内容' })] }), 'COMMITMENT.TEXT_REJECTED', 'items.0.text'],
  ['submit: no month', 'owner', () => ({ action: 'submit' }), INVALID, 'month'],
  ['revise: version 0', 'owner', () => ({ action: 'revise', planId, itemId, version: 0, text: '改', category: 'post', measure: '改', reason: '改' }), INVALID, 'version'],
  ['revise: no reason', 'owner', () => ({ action: 'revise', planId, itemId, version: 1, text: '改', category: 'post', measure: '改', reason: '' }), INVALID, 'reason'],
  ['revise: an item of no plan', 'owner', () => ({ action: 'revise', planId, itemId: 'zzzzzz', version: 1, text: '改', category: 'post', measure: '改', reason: '改' }), 'COMMITMENT.ITEM_NOT_FOUND', 'itemId'],
  ['revise: the same text again', 'owner', () => ({ action: 'revise', planId, itemId, version: 1, ...currentText(), reason: '改' }), INVALID, 'text'],
  ['revise: a reason held by the content check', 'owner', () => ({ action: 'revise', planId, itemId, version: 1, text: '改', category: 'post', measure: '改', reason: '请 local-review 联系' }), 'COMMITMENT.TEXT_REJECTED', 'reason'],
  ['addProgress: 101 per cent', 'owner', () => ({ action: 'addProgress', planId, itemId, percent: 101, note: '进展' }), INVALID, 'percent'],
  ['addProgress: a fraction', 'owner', () => ({ action: 'addProgress', planId, itemId, percent: 5.5, note: '进展' }), INVALID, 'percent'],
  ['addProgress: no note', 'owner', () => ({ action: 'addProgress', planId, itemId, percent: 5 }), INVALID, 'note'],
  ['addProgress: four photos', 'owner', () => ({ action: 'addProgress', planId, itemId, percent: 5, note: '进展', photos: [1, 2, 3, 4].map((n) => photo(n)) }), INVALID, 'photos'],
  ['addProgress: a photo outside the folder', 'owner', () => ({ action: 'addProgress', planId, itemId, percent: 5, note: '进展', photos: ['cloud://local-env.local-env/wish-photos/a.jpg'] }), INVALID, 'photos.0'],
  ['addProgress: a photo of another environment', 'owner', () => ({ action: 'addProgress', planId, itemId, percent: 5, note: '进展', photos: ['cloud://other-env.other-env/commitment-photos/a.jpg'] }), INVALID, 'photos.0'],
  ['addProgress: a photo never uploaded', 'owner', () => ({ action: 'addProgress', planId, itemId, percent: 5, note: '进展', photos: [photo(9)] }), INVALID, 'photos.0'],
  ['setOutcome: overdue, which only the close sets', 'owner', () => ({ action: 'setOutcome', planId, itemId, outcome: 'overdue', evidence: '证明' }), INVALID, 'outcome'],
  ['setOutcome: partly kept without a reason', 'owner', () => ({ action: 'setOutcome', planId, itemId, outcome: 'partial', evidence: '证明' }), INVALID, 'reason'],
  ['setOutcome: no evidence', 'owner', () => ({ action: 'setOutcome', planId, itemId, outcome: 'kept', evidence: '' }), INVALID, 'evidence'],
  ['queue: a page of 51', 'secretary', () => ({ action: 'queue', limit: 51 }), INVALID, 'limit'],
  ['review: a return without its reason', 'secretary', () => ({ action: 'review', planId: draftPlanId, decision: 'return' }), INVALID, 'reason'],
  ['review: a decision that does not exist', 'secretary', () => ({ action: 'review', planId: draftPlanId, decision: 'maybe' }), INVALID, 'decision'],
  ['publishBoard: no month', 'secretary', () => ({ action: 'publishBoard' }), INVALID, 'month'],
  ['closeMonth: a month without its zero', 'secretary', () => ({ action: 'closeMonth', month: '2026-1' }), INVALID, 'month'],
  ['stats: a month as a number', 'secretary', () => ({ action: 'stats', month: 202612 }), INVALID, 'month'],
]

let envPrefix = ''
function photo(n: number): string {
  return `${envPrefix}/commitment-photos/never-${n}.jpg`
}

let current: Json = {}
function currentText(): Json {
  return current
}

describe('commitment: bad input', () => {
  beforeAll(async () => {
    const uploaded = await w.upload('commitment-photos/probe.jpg')
    envPrefix = uploaded.slice(0, uploaded.indexOf('/commitment-photos/'))
    const plan = await w.ok<{ items: Array<{ text: string; category: string; measure: string }> }>(owner, { action: 'plan', planId })
    const first = plan.items[0]
    current = { text: first?.text, category: first?.category, measure: first?.measure }
  })

  // A rest parameter: a case without a field must not read to Jest as a test taking a `done` callback.
  it.each(CASES)('%s', async (...[, who, event, code, field]: Case) => {
    const before = await w.snapshot()
    const res = await w.call(who === 'owner' ? owner : secretary, event())
    expect(res.ok ? 'ok' : res.error.code).toBe(code)
    if (res.ok) return
    expect(res.error.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(res.error.message).not.toMatch(/[A-Za-z]{4,}/)
    if (field !== undefined) expect(Object.keys(res.error.fields ?? {})).toContain(field)
    expect(await w.snapshot()).toBe(before)
  })

  it('accepts in a draft a text the content check only wants a person to read: the secretary reads it at review', async () => {
    const b = await w.branch()
    const draft = await w.ok<{ items: Array<{ text: string }> }>(b.members[0], { action: 'saveDraft', month: MONTH, items: [item({ text: '有事 local-review 联系' })] })
    expect(draft.items[0]?.text).toBe('有事 local-review 联系')
  })
})
