import { MOMENT, MONTH, NEXT_MONTH, NO_BRANCH, startCommitmentWorld, type CommitmentWorld } from '../../support/integration/commitment-world'

/**
 * The month of one branch, action by action: a member drafts and submits, the secretary publishes or
 * returns, the board goes public, the member revises (a new version), posts progress and results, and the
 * month closes with its figures kept.
 */
let w: CommitmentWorld

beforeAll(async () => {
  w = await startCommitmentWorld()
})

afterAll(async () => {
  await w.close()
})

beforeEach(() => {
  w.at(MOMENT.running)
})

interface Item {
  itemId: string
  text: string
  version: number
  revisions: number
  versions: Array<{ version: number; text: string; reason: string | null }>
  progress: Array<{ percent: number; note: string; photos: Array<{ fileID: string; url: string }> }>
  percent: number
  outcome: { outcome: string; evidence: string; reason: string | null } | null
}
interface Detail {
  planId: string
  status: string
  items: Item[]
  actions: string[]
  itemActions: Record<string, string[]>
  returnReason: string | null
  boardStatus: string
  phase: string
  card: { name: string; phone: string | null }
  figures: { outcomes: Record<string, number>; fulfilmentRate: number | null }
}
interface Board {
  status: string
  plans: { items: Array<{ planId: string; card: { name: string } }>; nextCursor?: string }
  figures: { outcomes: Record<string, number>; fulfilmentRate: number | null }
  viewer: { inBranch: boolean; secretary: boolean; canPublish: boolean; canClose: boolean }
}

describe('commitment: drafting and submitting', () => {
  it('answers null for mine before anything is saved, then the draft with the items as written', async () => {
    const b = await w.branch()
    const [m] = b.members
    expect(await w.ok(m, { action: 'mine', month: MONTH })).toBeNull()
    const draft = await w.draft<Detail>(m, MONTH, w.items(3))
    expect(draft).toMatchObject({ status: 'draft', actions: ['edit', 'submit'], returnReason: null, phase: 'running' })
    expect(draft.items).toHaveLength(3)
    expect(draft.items.map((i) => i.version)).toEqual([1, 1, 1])
    expect(await w.ok<Detail>(m, { action: 'mine' })).toMatchObject({ planId: draft.planId, status: 'draft' })
  })

  it('rewrites the draft in place: an item keeps its id and its single version, a dropped one is gone', async () => {
    const [m] = (await w.branch()).members
    const first = await w.draft<Detail>(m, MONTH, w.items(2))
    const [a, b] = first.items as [Item, Item]
    const again = await w.draft<Detail>(m, MONTH, [{ itemId: a.itemId, text: '改写后的第一条承诺', category: 'post', measure: '完成 3 次' }])
    expect(again.items).toHaveLength(1)
    expect(again.items[0]).toMatchObject({ itemId: a.itemId, text: '改写后的第一条承诺', version: 1, revisions: 0 })
    expect(again.items.map((i) => i.itemId)).not.toContain(b.itemId)
    expect(again.planId).toBe(first.planId)
  })

  it('lets a member draft next month already, and refuses the month after that', async () => {
    const [m] = (await w.branch()).members
    expect(await w.draft<Detail>(m, NEXT_MONTH)).toMatchObject({ status: 'draft', phase: 'upcoming' })
    expect(await w.errorCode(m, { action: 'saveDraft', month: '2027-02', items: w.items(1) })).toBe('COMMITMENT.WRONG_PHASE')
  })

  it('submits to the secretary, whose queue shows it oldest first, and is no longer editable', async () => {
    const b = await w.branch()
    const first = await w.submitted(b.members[0])
    w.at(Date.parse(MOMENT.running) + 60_000)
    const second = await w.submitted(b.members[1], NEXT_MONTH)
    const queue = await w.ok<{ items: Array<{ planId: string; status: string }> }>(b.secretary, { action: 'queue' })
    expect(queue.items.map((i) => i.planId)).toEqual([first, second])
    expect(await w.ok<{ items: unknown[] }>(b.secretary, { action: 'queue', month: NEXT_MONTH })).toMatchObject({ items: [{ planId: second }] })
    expect(await w.errorCode(b.members[0], { action: 'saveDraft', month: MONTH, items: w.items(1) })).toBe('COMMITMENT.WRONG_STATE')
    expect((await w.ok<Detail>(b.secretary, { action: 'plan', planId: first })).actions).toContain('review')
  })

  it('returns a plan with its reason, which its author reads and edits before submitting again', async () => {
    const b = await w.branch()
    const [m] = b.members
    const planId = await w.submitted(m)
    const returned = await w.ok<Detail>(b.secretary, { action: 'review', planId, decision: 'return', reason: '第二条请写得更具体' })
    expect(returned).toMatchObject({ status: 'returned', returnReason: '第二条请写得更具体' })
    expect(await w.ok<Detail>(m, { action: 'mine' })).toMatchObject({ status: 'returned', returnReason: '第二条请写得更具体', actions: ['edit', 'submit'] })
    await w.draft(m, MONTH, w.items(2, { measure: '每周一次，共 4 次' }))
    expect(await w.ok<Detail>(m, { action: 'submit', month: MONTH })).toMatchObject({ status: 'submitted', returnReason: null })
  })
})

describe('commitment: the public board', () => {
  it('shows nothing to the public until the secretary publishes the board, then every published plan', async () => {
    const b = await w.branch()
    const [p1, p2] = [await w.published(b.members[0], b.secretary), await w.published(b.members[1], b.secretary)]
    expect(await w.errorCode(NO_BRANCH, { action: 'plan', planId: p1 })).toBe('COMMITMENT.NOT_FOUND')
    const before = await w.ok<Board>(b.resident, { action: 'board', branchId: b.id, month: MONTH })
    expect(before).toMatchObject({ status: 'unpublished', plans: { items: [] }, viewer: { inBranch: true, secretary: false, canPublish: false } })
    const preview = await w.ok<Board>(b.secretary, { action: 'board', branchId: b.id })
    expect(preview.plans.items.map((i) => i.planId).sort()).toEqual([p1, p2].sort())
    expect(preview.viewer).toMatchObject({ secretary: true, canPublish: true, canClose: false })

    const published = await w.ok<Board>(b.secretary, { action: 'publishBoard', month: MONTH })
    expect(published.status).toBe('published')
    const seen = await w.ok<Board>(NO_BRANCH, { action: 'board', branchId: b.id, month: MONTH })
    expect(seen.plans.items.map((i) => i.planId).sort()).toEqual([p1, p2].sort())
    expect(seen.viewer).toEqual({ inBranch: false, secretary: false, canPublish: false, canClose: false })
    expect(seen.figures.outcomes).toEqual({ kept: 0, partial: 0, unkept: 0, overdue: 0, open: 4 })
    const detail = await w.ok<Detail>(NO_BRANCH, { action: 'plan', planId: p1 })
    expect(detail).toMatchObject({ status: 'published', boardStatus: 'published', actions: [], returnReason: null })
    expect(Object.values(detail.itemActions).flat()).toEqual([])
    expect(await w.errorCode(b.secretary, { action: 'publishBoard', month: MONTH })).toBe('COMMITMENT.WRONG_STATE')
  })

  it('refuses to publish an empty board', async () => {
    const b = await w.branch()
    await w.submitted(b.members[0])
    expect(await w.errorCode(b.secretary, { action: 'publishBoard', month: MONTH })).toBe('COMMITMENT.EMPTY_BOARD')
  })

  it('pages the board in name order', async () => {
    const b = await w.branch()
    const extra = await Promise.all(['甲', '乙', '丙'].map((n) => w.person(b.id, 'member', `${n}党员`)))
    for (const m of [...b.members, ...extra]) await w.published(m, b.secretary)
    await w.ok(b.secretary, { action: 'publishBoard', month: MONTH })
    const first = await w.ok<Board>(b.resident, { action: 'board', branchId: b.id, month: MONTH, limit: 2 })
    expect(first.plans.items).toHaveLength(2)
    const rest = await w.ok<Board['plans']>(b.resident, { action: 'plans', branchId: b.id, month: MONTH, cursor: first.plans.nextCursor, limit: 10 })
    const names = [...first.plans.items, ...rest.items].map((i) => i.card.name)
    expect(names).toHaveLength(5)
    expect(names).toEqual([...names].sort())
    expect(rest.nextCursor).toBeUndefined()
  })

  it('lists the branch’s published months, newest first', async () => {
    const b = await w.branch()
    await w.board(b)
    const list = await w.ok<{ items: Array<{ month: string; status: string; plans: number }> }>(NO_BRANCH, { action: 'months', branchId: b.id })
    expect(list.items).toEqual([expect.objectContaining({ month: MONTH, status: 'published', plans: 2 })])
  })
})

describe('commitment: what the public board tells', () => {
  it('names nobody by openid and shows a phone only where its owner chose to', async () => {
    const b = await w.branch()
    const [p1, p2] = await w.board(b)
    const at = new Date()
    await w.cloud.backend.store.insert('commitment_cards', [
      { _id: b.members[0], branchId: b.id, photo: null, post: '楼栋长', phone: '13912345678', showPhone: true, updatedAt: at },
      { _id: b.members[1], branchId: b.id, photo: null, post: '网格员', phone: '13987654321', showPhone: false, updatedAt: at },
    ])
    const seen = await w.ok<Board>(NO_BRANCH, { action: 'board', branchId: b.id })
    const cards = Object.fromEntries(seen.plans.items.map((i) => [i.planId, i.card]))
    expect(cards[p1]).toMatchObject({ post: '楼栋长', phone: '13912345678' })
    expect(cards[p2]).toMatchObject({ post: '网格员', phone: null })
    const answers = JSON.stringify([seen, await w.ok(NO_BRANCH, { action: 'plan', planId: p1 }), await w.ok(NO_BRANCH, { action: 'plan', planId: p2 })])
    for (const openid of [b.secretary, ...b.members, b.resident]) expect(answers).not.toContain(openid)
    expect(answers).not.toContain('13987654321')
    // The profile's phones (seeded for everyone of the branch) never show either.
    const profiles = await w.cloud.backend.store.find('members', { branchId: b.id })
    for (const m of profiles) if (m.phone) expect(answers).not.toContain(String(m.phone))
  })
})

describe('commitment: after publication', () => {
  it('keeps every version of a revised item, with its reason, readable by anyone', async () => {
    const b = await w.branch()
    const [planId] = await w.board(b)
    const [itemId] = await w.itemIds(planId)
    const before = (await w.ok<Detail>(b.resident, { action: 'plan', planId })).items[0] as Item
    const revised = await w.ok<Detail>(b.members[0], {
      action: 'revise',
      planId,
      itemId,
      version: 1,
      text: '每两周到服务站值班一次',
      category: 'service',
      measure: '值班记录 2 次',
      reason: '本月有两周外出培训',
    })
    const item = revised.items[0] as Item
    expect(item).toMatchObject({ version: 2, revisions: 1, text: '每两周到服务站值班一次' })
    const seen = (await w.ok<Detail>(NO_BRANCH, { action: 'plan', planId })).items[0] as Item
    expect(seen.versions).toEqual([
      expect.objectContaining({ version: 1, text: before.text, reason: null }),
      expect.objectContaining({ version: 2, text: '每两周到服务站值班一次', reason: '本月有两周外出培训' }),
    ])
    const summary = (await w.ok<Board>(b.resident, { action: 'board', branchId: b.id })).plans.items.find((p) => p.planId === planId) as unknown as { items: Array<{ revisions: number }> }
    expect(summary.items[0]?.revisions).toBe(1)
  })

  it('posts progress with photos, newest first, and the latest percentage shows', async () => {
    const b = await w.branch()
    const [planId] = await w.board(b)
    const [itemId] = await w.itemIds(planId)
    const photo = await w.upload(`commitment-photos/progress-${planId}.jpg`)
    await w.ok(b.members[0], { action: 'addProgress', planId, itemId, percent: 30, note: '已值班 1 次' })
    const after = await w.ok<Detail>(b.members[0], { action: 'addProgress', planId, itemId, percent: 60, note: '已值班 2 次', photos: [photo] })
    const item = after.items[0] as Item
    expect(item.percent).toBe(60)
    expect(item.progress.map((p) => p.percent)).toEqual([60, 30])
    expect(item.progress[0]?.photos).toEqual([{ fileID: photo, url: expect.stringContaining('http') }])
  })

  it('records outcomes (a reason when not kept), counts them on the board, and a later one replaces the first', async () => {
    const b = await w.branch()
    const [planId] = await w.board(b)
    const [i1, i2] = (await w.itemIds(planId)) as [string, string]
    await w.ok(b.members[0], { action: 'setOutcome', planId, itemId: i1, outcome: 'partial', evidence: '值班 2 次', reason: '外出培训' })
    await w.ok(b.members[0], { action: 'setOutcome', planId, itemId: i1, outcome: 'kept', evidence: '值班 4 次，有记录' })
    const after = await w.ok<Detail>(b.members[0], { action: 'setOutcome', planId, itemId: i2, outcome: 'unkept', evidence: '未能完成', reason: '家中有事' })
    expect(after.items.map((i) => i.outcome?.outcome)).toEqual(['kept', 'unkept'])
    expect(after.items[0]?.outcome?.reason).toBeNull()
    expect(after.items[1]?.outcome?.reason).toBe('家中有事')
    expect(after.figures).toMatchObject({ outcomes: { kept: 1, unkept: 1, open: 0 }, fulfilmentRate: 50 })
    expect(after.itemActions[i1]).toEqual(['addProgress', 'setOutcome'])
    const board = await w.ok<Board>(NO_BRANCH, { action: 'board', branchId: b.id })
    expect(board.figures.outcomes).toMatchObject({ kept: 1, unkept: 1, open: 2 })
    expect(board.figures.fulfilmentRate).toBe(25)
  })
})

describe('commitment: the secretary’s month', () => {
  it('counts plans by state, the party members without one, and each member’s figures', async () => {
    const b = await w.branch()
    const [p1] = await w.board(b)
    const [itemId] = await w.itemIds(p1)
    await w.ok(b.members[0], { action: 'setOutcome', planId: p1, itemId, outcome: 'kept', evidence: '完成' })
    type Stats = {
      status: string
      plans: Record<string, number>
      withoutPlan: number
      figures: { outcomes: Record<string, number> }
      members: Array<{ planId: string; name: string; status: string; figures: { outcomes: { kept: number } } }>
    }
    // The branch has a secretary and two members: the secretary has no plan yet.
    expect((await w.ok<Stats>(b.secretary, { action: 'stats', month: MONTH })).withoutPlan).toBe(1)
    await w.draft(b.secretary)
    const stats = await w.ok<Stats>(b.secretary, { action: 'stats' })
    expect(stats).toMatchObject({ status: 'published', withoutPlan: 0, plans: { draft: 1, submitted: 0, returned: 0, published: 2 }, figures: { outcomes: { kept: 1, open: 3 } } })
    expect(stats.members).toHaveLength(3)
    expect(stats.members.find((m) => m.planId === p1)).toMatchObject({ status: 'published', figures: { outcomes: { kept: 1 } } })
    expect(stats.members.every((m) => m.name.length > 0)).toBe(true)
  })
})

describe('commitment: the month’s phases', () => {
  it('takes progress and results after the month ends, but no revision, and closes early once every item has its outcome', async () => {
    const b = await w.branch()
    const ids = await w.board(b)
    w.at(MOMENT.results)
    const [itemId] = await w.itemIds(ids[0])
    expect(await w.errorCode(b.members[0], { action: 'revise', planId: ids[0], itemId, version: 1, text: '改', category: 'post', measure: '改', reason: '改' })).toBe('COMMITMENT.WRONG_PHASE')
    await w.ok(b.members[0], { action: 'addProgress', planId: ids[0], itemId, percent: 100, note: '完成' })
    expect(await w.errorCode(b.secretary, { action: 'closeMonth', month: MONTH })).toBe('COMMITMENT.OPEN_ITEMS')
    for (const [k, planId] of ids.entries()) {
      for (const item of await w.itemIds(planId)) await w.ok(b.members[k] as string, { action: 'setOutcome', planId, itemId: item, outcome: 'kept', evidence: '已完成' })
    }
    const closed = await w.ok<Board>(b.secretary, { action: 'closeMonth', month: MONTH })
    expect(closed).toMatchObject({ status: 'closed', figures: { fulfilmentRate: 100 } })
    expect(await w.errorCode(b.members[0], { action: 'addProgress', planId: ids[0], itemId, percent: 100, note: '补充' })).toBe('COMMITMENT.FROZEN')
  })

  it('refuses every write once the deadline has passed, even before the timer closes the month', async () => {
    const b = await w.branch()
    const [planId] = await w.board(b)
    const [itemId] = await w.itemIds(planId)
    const late = await w.person(b.id)
    await w.draft(late)
    w.at(MOMENT.due)
    for (const e of [
      { action: 'addProgress', planId, itemId, percent: 10, note: '补一条' },
      { action: 'setOutcome', planId, itemId, outcome: 'kept', evidence: '补交' },
    ]) {
      expect(await w.errorCode(b.members[0], e)).toBe('COMMITMENT.WRONG_PHASE')
    }
    expect(await w.errorCode(late, { action: 'submit', month: MONTH })).toBe('COMMITMENT.WRONG_PHASE')
    expect(await w.errorCode(await w.person(b.id), { action: 'saveDraft', month: MONTH, items: w.items(1) })).toBe('COMMITMENT.WRONG_PHASE')
  })
})
