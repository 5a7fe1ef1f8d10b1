import type { WishStats } from '../../../cloudfunctions/contracts'
import { WISH_STATUSES } from '../../../cloudfunctions/contracts/rules/wish.rules'
import { M1, M2, NOBODY, OTHER, RES, RES2, SEC, SEC2, startWishWorld, type Json, type WishWorld } from '../../support/integration/wish-world'

/** The `wish` function end to end: main(event) → real wx-server-sdk → local backend on a temp folder. */
let w: WishWorld

beforeAll(async () => {
  w = await startWishWorld()
})

afterAll(async () => {
  await w.close()
})

interface Detail {
  id: string
  status: string
  relation: string
  actions: string[]
  contact: { name: string; phone: string; address: string } | null
  beneficiaryName: string
  claimerName: string | null
  recordedOnBehalf: boolean
  openToAll: boolean
  fromOtherBranch: boolean
  timeline: Array<{ by: string; from: string | null; to: string; reason: string | null }>
  progress: Array<{ text: string; held: boolean; rejected: boolean; key?: string }>
  fulfilment: { note: { text: string; held: boolean }; photos: Array<{ fileID: string; url: string }> } | null
  confirmation: { satisfaction: string | null; confirmedOnBehalf: boolean; showProofOnWall: boolean; thanks: { text: string } | null } | null
  rejectReason: string | null
  returned: boolean
  textHeld: boolean
  releaseAt: string | null
  confirmOnBehalfFrom: string | null
}
interface Page<T> {
  items: T[]
  nextCursor?: string
}
const get = (openid: string, wishId: string) => w.ok<Detail>(openid, { action: 'get', wishId })
const ids = (page: Page<{ id: string }>) => page.items.map((i) => i.id)
const daysAgo = (n: number) => new Date(Date.now() - n * 24 * 60 * 60 * 1000 - 60_000)

async function allPages(openid: string, event: Json): Promise<string[]> {
  const out: string[] = []
  let cursor: string | undefined
  for (let i = 0; i < 50; i += 1) {
    const page = await w.ok<Page<{ id: string }>>(openid, { ...event, limit: 3, ...(cursor ? { cursor } : {}) })
    out.push(...ids(page))
    cursor = page.nextCursor
    if (!cursor) break
  }
  return out
}

describe('wish.post', () => {
  it('lets a resident post a wish for themself; it waits for review and members cannot see it', async () => {
    const photo = await w.upload('wish-photos/post-1.jpg')
    const phone = w.phone()
    const posted = await w.ok<Detail>(RES, w.postInput({ photos: [photo], phone }))
    expect(posted).toMatchObject({
      status: 'pending',
      relation: 'poster',
      actions: ['withdraw'],
      beneficiaryName: '赵桂兰',
      recordedOnBehalf: false,
      contact: { name: '赵桂兰', phone, address: '幸福小区 3 栋 2 单元 501' },
      timeline: [{ by: '心愿人', from: null, to: 'pending', reason: null }],
    })
    expect(ids(await w.ok(RES, { action: 'mine' }))).toContain(posted.id)
    expect(await w.errorCode(M1, { action: 'get', wishId: posted.id })).toBe('WISH.NOT_FOUND')
    expect(ids(await w.ok(M1, { action: 'list' }))).not.toContain(posted.id)
    expect(ids(await w.ok(SEC, { action: 'list', scope: 'pending' }))).toContain(posted.id)
  })

  it.each([
    ['a member', M1],
    ['the secretary', SEC],
  ])('lets %s record a wish on behalf of a resident (代录), marked as such', async (_label, openid) => {
    const posted = await w.ok<Detail>(openid, w.postInput({ onBehalfOf: { name: '陈阿婆' } }))
    expect(posted).toMatchObject({ status: 'pending', relation: 'poster', beneficiaryName: '陈阿婆', recordedOnBehalf: true })
    expect(posted.timeline[0]?.by).toBe('代录人')
    expect(ids(await w.ok(openid, { action: 'mine' }))).toContain(posted.id)
  })

  it('asks a member to record on behalf, and refuses a resident recording for someone else', async () => {
    const before = await w.snapshot()
    expect(await w.errorCode(M1, w.postInput())).toBe('WISH.ON_BEHALF_REQUIRED')
    expect(await w.errorCode(RES, w.postInput({ onBehalfOf: { name: '陈阿婆' } }))).toBe('WISH.ON_BEHALF_FORBIDDEN')
    expect(await w.snapshot()).toBe(before)
  })

  it('keeps at most 3 unfinished wishes per beneficiary, counting 代录 for the same person, and frees a place on withdrawal', async () => {
    const phone = w.phone()
    const first = await w.ok<Detail>(RES, w.postInput({ phone }))
    await w.ok(RES, w.postInput({ phone }))
    await w.ok(M1, w.postInput({ phone, onBehalfOf: { name: '赵桂兰' } }))
    const before = await w.snapshot()
    expect(await w.errorCode(RES, w.postInput({ phone }))).toBe('WISH.OPEN_LIMIT')
    expect(await w.errorCode(SEC, w.postInput({ phone, onBehalfOf: { name: '赵桂兰' } }))).toBe('WISH.OPEN_LIMIT')
    expect(await w.snapshot()).toBe(before)
    await w.ok(RES, { action: 'withdraw', wishId: first.id })
    await w.ok(RES, w.postInput({ phone }))
  })

  it('refuses a risky text and writes nothing; a doubtful one is pointed out to the secretary who reviews it', async () => {
    const before = await w.snapshot()
    expect(await w.errorCode(RES, w.postInput({ description: '想找人一起赌博' }))).toBe('WISH.TEXT_REJECTED')
    const res = await w.call(RES, w.postInput({ title: 'local-risky 标题' }))
    expect(res.ok ? null : res.error.fields).toEqual({ title: '请修改后再提交' })
    expect(await w.snapshot()).toBe(before)

    const held = await w.ok<Detail>(RES, w.postInput({ description: '需要代购一些药品，想了解请加微信' }))
    expect(held).toMatchObject({ status: 'pending', textHeld: false })
    expect(await get(SEC, held.id)).toMatchObject({ textHeld: true })
    const approved = await w.ok<Detail>(SEC, { action: 'review', wishId: held.id, decision: 'approve' })
    expect(approved).toMatchObject({ status: 'open', textHeld: false })
  })

  it.each<[string, () => Promise<string>]>([
    ['a photo never uploaded', async () => 'cloud://local.local-bucket/wish-photos/never.jpg'],
    ['a photo of another environment', async () => 'cloud://other-env.bucket/wish-photos/a.jpg'],
  ])('refuses %s and writes nothing', async (_label, make) => {
    const before = await w.snapshot()
    const res = await w.call(RES, w.postInput({ photos: [await make()] }))
    expect(res.ok ? 'ok' : res.error.code).toBe('COMMON.INVALID_INPUT')
    expect(res.ok ? null : Object.keys(res.error.fields ?? {})).toEqual(['photos.0'])
    expect(await w.snapshot()).toBe(before)
  })

  it('lets another branch post in its own branch, and refuses people without a branch or identity', async () => {
    const posted = await w.ok<Detail & { branchName: string }>(OTHER, w.postInput({ onBehalfOf: { name: '孙大爷' } }))
    expect(posted.branchName).toBe('示范社区第二党支部')
    expect(await w.errorCode(SEC, { action: 'get', wishId: posted.id })).toBe('WISH.NOT_FOUND')
    expect(await w.errorCode(NOBODY, w.postInput())).toBe('AUTH.NO_PROFILE')
    expect(await w.errorCode(null, w.postInput())).toBe('AUTH.REQUIRED')
  })
})

describe('wish.review', () => {
  it('opens an approved wish to the branch’s members only, with the beneficiary masked and no contact', async () => {
    const id = await w.pending()
    const approved = await w.ok<Detail>(SEC, { action: 'review', wishId: id, decision: 'approve' })
    expect(approved).toMatchObject({ status: 'open', openToAll: false, relation: 'secretary' })
    expect(approved.timeline.map((e) => [e.by, e.to])).toEqual([
      ['心愿人', 'pending'],
      ['书记', 'open'],
    ])
    const seen = await get(M1, id)
    expect(seen).toMatchObject({ relation: 'member', beneficiaryName: '赵**', contact: null, actions: ['claim'], progress: [] })
    expect(ids(await w.ok(M1, { action: 'list' }))).toContain(id)
    expect(await w.errorCode(OTHER, { action: 'get', wishId: id })).toBe('WISH.NOT_FOUND')
    expect(ids(await w.ok(OTHER, { action: 'list' }))).not.toContain(id)
    expect(await w.errorCode(RES2, { action: 'get', wishId: id })).toBe('WISH.NOT_FOUND')
  })

  it('opens a wish to every branch when the secretary says so; another branch’s member sees and claims it', async () => {
    const id = await w.open({ openToAll: true })
    expect(await get(OTHER, id)).toMatchObject({ relation: 'member', fromOtherBranch: true, openToAll: true, actions: ['claim'] })
    expect(ids(await w.ok(OTHER, { action: 'list' }))).toContain(id)
    const claimed = await w.ok<Detail>(OTHER, { action: 'claim', wishId: id })
    expect(claimed).toMatchObject({ status: 'claimed', relation: 'claimer', contact: expect.objectContaining({ name: '赵桂兰' }) })
  })

  it('rejects with a reason the poster reads; members never see it', async () => {
    const id = await w.pending()
    await w.ok(SEC, { action: 'review', wishId: id, decision: 'reject', reason: '请补充具体需要的物品' })
    expect(await get(RES, id)).toMatchObject({
      status: 'rejected',
      rejectReason: '请补充具体需要的物品',
      actions: [],
      timeline: [expect.anything(), { by: '书记', from: 'pending', to: 'rejected', reason: '请补充具体需要的物品' }],
    })
    expect(await w.errorCode(M1, { action: 'get', wishId: id })).toBe('WISH.NOT_FOUND')
    const before = await w.snapshot()
    expect(await w.errorCode(SEC, { action: 'review', wishId: id, decision: 'approve' })).toBe('WISH.WRONG_STATE')
    expect(await w.snapshot()).toBe(before)
  })
})

describe('wish.list, mine, myClaims', () => {
  it('pages the open wishes with a keyset cursor, without repeats or gaps, and filters by category', async () => {
    const mine = [
      await w.open({ overrides: { category: 'repair', title: '修水龙头' } }),
      await w.open({ overrides: { category: 'repair', title: '修门锁' } }),
      await w.open({ overrides: { category: 'company', title: '陪老人聊天' } }),
    ]
    const listed = await allPages(M1, { action: 'list' })
    expect(new Set(listed).size).toBe(listed.length)
    for (const id of mine) expect(listed).toContain(id)
    const repair = await allPages(M1, { action: 'list', category: 'repair' })
    expect(repair).toEqual(expect.arrayContaining(mine.slice(0, 2)))
    expect(repair).not.toContain(mine[2])
  })

  it('gives the secretary the review queue and the wishes awaiting confirmation, oldest first', async () => {
    const a = await w.pending()
    const b = await w.pending()
    const pending = await allPages(SEC, { action: 'list', scope: 'pending' })
    expect(pending.indexOf(a)).toBeLessThan(pending.indexOf(b))
    const done = await w.fulfilled(await w.member())
    expect(await allPages(SEC, { action: 'list', scope: 'fulfilled' })).toContain(done)
    expect(await allPages(SEC2, { action: 'list', scope: 'pending' })).not.toContain(a)
  })

  it.each([
    ['a resident the open wishes', RES, {}],
    ['a member the review queue', M1, { scope: 'pending' }],
    ['a member the confirmation queue', M1, { scope: 'fulfilled' }],
  ])('refuses %s', async (_label, openid, extra) => {
    expect(await w.errorCode(openid, { action: 'list', ...extra })).toBe('AUTH.FORBIDDEN')
  })

  it('lists what a member claimed under 我认领的, and a give-back takes it off', async () => {
    const c = await w.member()
    const id = await w.claimed(c)
    expect(ids(await w.ok(c, { action: 'myClaims' }))).toContain(id)
    await w.ok(c, { action: 'giveBack', wishId: id, reason: '临时出差，无法按时完成' })
    expect(ids(await w.ok(c, { action: 'myClaims' }))).not.toContain(id)
    expect(await w.errorCode(RES, { action: 'myClaims' })).toBe('AUTH.FORBIDDEN')
  })
})

describe('wish.withdraw', () => {
  it('lets the poster withdraw a wish in review or open, with the reason on record', async () => {
    const a = await w.pending()
    expect(await w.ok<Detail>(RES, { action: 'withdraw', wishId: a, reason: '家人已经买了' })).toMatchObject({
      status: 'withdrawn',
      timeline: [expect.anything(), { by: '心愿人', from: 'pending', to: 'withdrawn', reason: '家人已经买了' }],
    })
    const b = await w.open({ poster: M1 })
    expect(await w.ok<Detail>(M1, { action: 'withdraw', wishId: b })).toMatchObject({ status: 'withdrawn' })
    expect((await get(M1, b)).timeline[2]).toMatchObject({ by: '代录人', to: 'withdrawn' })
    expect(await w.errorCode(M2, { action: 'get', wishId: b })).toBe('WISH.NOT_FOUND')
  })

  it('refuses once the wish is claimed, and anyone but the poster', async () => {
    const id = await w.claimed(await w.member())
    const before = await w.snapshot()
    expect(await w.errorCode(RES, { action: 'withdraw', wishId: id })).toBe('WISH.ALREADY_CLAIMED')
    expect(await w.errorCode(SEC, { action: 'withdraw', wishId: id })).toBe('WISH.NOT_POSTER')
    expect(await w.snapshot()).toBe(before)
  })
})

describe('wish.claim', () => {
  it('gives the wish to its claimer, who then sees the contact and the release date', async () => {
    const id = await w.open()
    const claimed = await w.ok<Detail>(await w.member(), { action: 'claim', wishId: id })
    expect(claimed).toMatchObject({ status: 'claimed', relation: 'claimer', claimerName: '李秀英', actions: ['addProgress', 'giveBack', 'fulfil'] })
    expect(claimed.contact?.address).toBe('幸福小区 3 栋 2 单元 501')
    expect(Date.parse(claimed.releaseAt ?? '') - Date.now()).toBeGreaterThan(13.9 * 24 * 3600 * 1000)
    expect(await get(RES, id)).toMatchObject({ claimerName: '李秀英', releaseAt: null })
    expect(await get(M2, id)).toMatchObject({ claimerName: '李**', contact: null, actions: [] })
    const before = await w.snapshot()
    expect(await w.errorCode(M2, { action: 'claim', wishId: id })).toBe('WISH.ALREADY_CLAIMED')
    expect(await w.snapshot()).toBe(before)
  })

  it('refuses a member their own 代录 wish, a resident, and a wish not yet approved', async () => {
    const own = await w.open({ poster: M2 })
    expect(await w.errorCode(M2, { action: 'claim', wishId: own })).toBe('WISH.OWN_WISH')
    expect(await w.errorCode(RES, { action: 'claim', wishId: own })).toBe('AUTH.FORBIDDEN')
    const pending = await w.pending()
    expect(await w.errorCode(M1, { action: 'claim', wishId: pending })).toBe('WISH.NOT_FOUND')
    expect(await w.errorCode(SEC, { action: 'claim', wishId: pending })).toBe('WISH.WRONG_STATE')
  })

  it('holds a member to 3 active claims; finishing one frees a place', async () => {
    const [member] = await w.addPeople('claim-limit', 1)
    const claimer = member as string
    const held = [await w.claimed(claimer), await w.claimed(claimer), await w.claimed(claimer)]
    const fourth = await w.open()
    const before = await w.snapshot()
    expect(await w.errorCode(claimer, { action: 'claim', wishId: fourth })).toBe('WISH.CLAIM_LIMIT')
    expect(await w.snapshot()).toBe(before)
    const photo = await w.upload('wish-photos/limit-proof.jpg')
    await w.ok(claimer, { action: 'fulfil', wishId: held[0], note: '已完成', photos: [photo] })
    expect(await w.ok<Detail>(claimer, { action: 'claim', wishId: fourth })).toMatchObject({ status: 'claimed' })
  })
})

describe('wish.addProgress, giveBack, fulfil', () => {
  it('shows progress notes to the poster and the secretary, not to other members, and restarts the idle clock', async () => {
    const c = await w.member()
    const id = await w.claimed(c)
    await w.patch(id, { idleSince: daysAgo(10) })
    const after = await w.ok<Detail>(c, { action: 'addProgress', wishId: id, note: '已联系老人，周末送过去' })
    expect(after.progress.map((p) => p.text)).toEqual(['已联系老人，周末送过去'])
    expect(Date.parse(after.releaseAt ?? '') - Date.now()).toBeGreaterThan(13.9 * 24 * 3600 * 1000)
    expect((await get(RES, id)).progress.map((p) => p.text)).toEqual(['已联系老人，周末送过去'])
    expect((await get(SEC, id)).progress).toHaveLength(1)
    expect((await get(M2, id)).progress).toEqual([])
  })

  it('gives a wish back with the reason: open again, the claimer’s place freed, the reason on record', async () => {
    const giver = await w.member()
    const id = await w.claimed(giver)
    const back = await w.ok<Detail>(giver, { action: 'giveBack', wishId: id, reason: '家里临时有事' })
    expect(back).toMatchObject({ status: 'open', claimerName: null, relation: 'member', actions: ['claim'] })
    expect((await get(RES, id)).timeline.at(-1)).toMatchObject({ by: '认领人', from: 'claimed', to: 'open', reason: '家里临时有事' })
    // Other members see that it came back, not why.
    expect((await get(M1, id)).timeline.at(-1)).toMatchObject({ to: 'open', reason: null })
    expect(await w.ok<Detail>(await w.member('王小明'), { action: 'claim', wishId: id })).toMatchObject({ status: 'claimed', claimerName: '王小明' })
  })

  it('marks a wish fulfilled with a note and the proof photos, which the poster sees and other members do not', async () => {
    const c = await w.member()
    const id = await w.claimed(c)
    const photo = await w.upload('wish-photos/proof/a.jpg')
    const done = await w.ok<Detail>(c, { action: 'fulfil', wishId: id, note: '书包已送到', photos: [photo] })
    expect(done).toMatchObject({ status: 'fulfilled', actions: [], fulfilment: { note: { text: '书包已送到', held: false } } })
    expect(done.fulfilment?.photos[0]?.fileID).toBe(photo)
    expect(done.fulfilment?.photos[0]?.url).toMatch(/^http/)
    expect(await get(RES, id)).toMatchObject({ actions: ['confirm'], fulfilment: { note: { text: '书包已送到' } } })
    expect(await get(M2, id)).toMatchObject({ fulfilment: null })
  })

  it.each([
    ['addProgress', { note: '进展' }],
    ['giveBack', { reason: '没空' }],
    ['fulfil', { note: '完成', photos: ['cloud://local.local-bucket/wish-photos/x.jpg'] }],
  ])('refuses %s to anyone but the claimer, and writes nothing', async (action, extra) => {
    const id = await w.claimed(await w.member())
    const before = await w.snapshot()
    expect(await w.errorCode(M1, { action, wishId: id, ...extra })).toBe('WISH.NOT_CLAIMER')
    expect(await w.errorCode(SEC, { action, wishId: id, ...extra })).toBe('WISH.NOT_CLAIMER')
    expect(await w.errorCode(RES, { action, wishId: id, ...extra })).toBe('AUTH.FORBIDDEN')
    expect(await w.errorCode(OTHER, { action, wishId: id, ...extra })).toBe('WISH.NOT_FOUND')
    expect(await w.snapshot()).toBe(before)
  })

  it('refuses a proof photo that was never uploaded, and writes nothing', async () => {
    const c = await w.member()
    const id = await w.claimed(c)
    const before = await w.snapshot()
    expect(await w.errorCode(c, { action: 'fulfil', wishId: id, note: '完成', photos: ['cloud://local.local-bucket/wish-photos/ghost.jpg'] })).toBe(
      'COMMON.INVALID_INPUT',
    )
    expect(await w.snapshot()).toBe(before)
  })
})

describe('wish.confirm and confirmOnBehalf', () => {
  it('closes the wish with 满意 and a thank-you; the wall shows it masked, with the proof the poster allowed', async () => {
    const id = await w.fulfilled(await w.member())
    const done = await w.ok<Detail>(RES, { action: 'confirm', wishId: id, satisfaction: 'satisfied', thanks: '谢谢李老师！', showProofOnWall: true })
    expect(done).toMatchObject({ status: 'confirmed', confirmation: { satisfaction: 'satisfied', confirmedOnBehalf: false, showProofOnWall: true } })
    const wall = await w.ok<Page<Json>>(NOBODY, { action: 'wall' })
    const entry = wall.items.find((e) => e.id === id)
    expect(entry).toMatchObject({ beneficiaryName: '赵**', claimerName: '李**', satisfaction: 'satisfied', thanks: '谢谢李老师！' })
    expect((entry?.proofPhoto as { url: string } | null)?.url).toMatch(/^http/)
  })

  it('keeps the proof off the wall when the poster did not agree', async () => {
    const id = await w.fulfilled(await w.member())
    await w.ok(RES, { action: 'confirm', wishId: id, satisfaction: 'basic', showProofOnWall: false })
    const wall = await w.ok<Page<Json>>(M2, { action: 'wall', limit: 50 })
    expect(wall.items.find((e) => e.id === id)).toMatchObject({ satisfaction: 'basic', proofPhoto: null, thanks: null })
  })

  it('sends a wish back to the claimer with 不满意 once; the second 不满意 closes it', async () => {
    const c = await w.member()
    const id = await w.fulfilled(c)
    const back = await w.ok<Detail>(RES, { action: 'confirm', wishId: id, satisfaction: 'unsatisfied', reason: '书包尺寸太小', showProofOnWall: false })
    expect(back).toMatchObject({ status: 'claimed', returned: true, confirmation: null })
    expect(back.timeline.at(-1)).toMatchObject({ by: '心愿人', from: 'fulfilled', to: 'claimed', reason: '书包尺寸太小' })
    expect(await get(c, id)).toMatchObject({ relation: 'claimer', actions: ['addProgress', 'giveBack', 'fulfil'] })
    const photo = await w.upload('wish-photos/second-proof.jpg')
    await w.ok(c, { action: 'fulfil', wishId: id, note: '换了大号的', photos: [photo] })
    const closed = await w.ok<Detail>(RES, { action: 'confirm', wishId: id, satisfaction: 'unsatisfied', reason: '还是不合适', showProofOnWall: false })
    expect(closed).toMatchObject({ status: 'confirmed', confirmation: { satisfaction: 'unsatisfied' } })
  })

  it('refuses a confirmation before fulfilment, by anyone but the poster, and 不满意 without a reason', async () => {
    const c = await w.member()
    const id = await w.claimed(c)
    expect(await w.errorCode(RES, { action: 'confirm', wishId: id, satisfaction: 'satisfied', showProofOnWall: false })).toBe('WISH.WRONG_STATE')
    const done = await w.fulfilled(c)
    const before = await w.snapshot()
    expect(await w.errorCode(c, { action: 'confirm', wishId: done, satisfaction: 'satisfied', showProofOnWall: false })).toBe('WISH.NOT_POSTER')
    expect(await w.errorCode(SEC, { action: 'confirm', wishId: done, satisfaction: 'satisfied', showProofOnWall: false })).toBe('WISH.NOT_POSTER')
    const res = await w.call(RES, { action: 'confirm', wishId: done, satisfaction: 'unsatisfied', showProofOnWall: false })
    expect(res.ok ? null : [res.error.code, res.error.fields]).toEqual(['COMMON.INVALID_INPUT', { reason: '请写下不满意的原因' }])
    expect(await w.snapshot()).toBe(before)
  })

  it('lets the secretary confirm on the poster’s behalf only after 7 days, visibly marked', async () => {
    const id = await w.fulfilled(await w.member())
    expect(await w.errorCode(SEC, { action: 'confirmOnBehalf', wishId: id })).toBe('WISH.TOO_EARLY')
    await w.patch(id, { fulfilledAt: daysAgo(7) })
    expect((await get(SEC, id)).actions).toEqual(['confirmOnBehalf'])
    expect(await w.errorCode(SEC2, { action: 'confirmOnBehalf', wishId: id })).toBe('WISH.NOT_FOUND')
    expect(await w.errorCode(M1, { action: 'confirmOnBehalf', wishId: id })).toBe('AUTH.FORBIDDEN')
    const done = await w.ok<Detail>(SEC, { action: 'confirmOnBehalf', wishId: id, reason: '电话回访，老人表示已收到' })
    expect(done).toMatchObject({ status: 'confirmed', confirmation: { satisfaction: null, confirmedOnBehalf: true, showProofOnWall: false } })
    expect(done.timeline.at(-1)).toMatchObject({ by: '书记', from: 'fulfilled', to: 'confirmed', reason: '电话回访，老人表示已收到' })
  })
})

describe('wish.reviewText: notes the content check held', () => {
  it('shows a held progress note to its author and the secretary only, until the secretary passes it', async () => {
    const c = await w.member()
    const id = await w.claimed(c)
    const mine = await w.ok<Detail>(c, { action: 'addProgress', wishId: id, note: '需要的话 local-review 联系我' })
    expect(mine.progress).toEqual([expect.objectContaining({ held: true })])
    expect(mine.progress[0]?.key).toBeUndefined()
    expect((await get(RES, id)).progress).toEqual([])
    const bySecretary = await get(SEC, id)
    const key = bySecretary.progress[0]?.key as string
    expect(key).toMatch(/^[a-f0-9]{16}$/)
    expect(await allPages(SEC, { action: 'list', scope: 'pending' })).toContain(id)

    expect(await w.errorCode(SEC2, { action: 'reviewText', wishId: id, key, decision: 'pass' })).toBe('WISH.NOT_FOUND')
    expect(await w.errorCode(M1, { action: 'reviewText', wishId: id, key, decision: 'pass' })).toBe('AUTH.FORBIDDEN')
    await w.ok(SEC, { action: 'reviewText', wishId: id, key, decision: 'pass' })
    expect((await get(RES, id)).progress).toEqual([expect.objectContaining({ text: '需要的话 local-review 联系我', held: false })])
    expect(await allPages(SEC, { action: 'list', scope: 'pending' })).not.toContain(id)
    expect(await w.errorCode(SEC, { action: 'reviewText', wishId: id, key, decision: 'reject' })).toBe('WISH.TEXT_DECIDED')
  })

  it('holds a doubtful give-back reason on the record for the secretary, and refuses a risky note outright', async () => {
    const c = await w.member()
    const id = await w.claimed(c)
    const before = await w.snapshot()
    expect(await w.errorCode(c, { action: 'addProgress', wishId: id, note: 'local-risky 内容' })).toBe('WISH.TEXT_REJECTED')
    expect(await w.snapshot()).toBe(before)
    await w.ok(c, { action: 'giveBack', wishId: id, reason: '有事 local-review' })
    expect((await get(RES, id)).timeline.at(-1)).toMatchObject({ to: 'open', reason: null })
    const bySecretary = (await get(SEC, id)) as Detail & { timeline: Array<{ reason: string | null }> }
    expect(bySecretary.timeline.at(-1)?.reason).toBe('有事 local-review')
    const stored = (await w.stored(id)) as { timeline: Array<{ reason: { key: string } | null }> }
    const key = stored.timeline.at(-1)?.reason?.key
    await w.ok(SEC, { action: 'reviewText', wishId: id, key, decision: 'pass' })
    expect((await get(RES, id)).timeline.at(-1)).toMatchObject({ to: 'open', reason: '有事 local-review' })
  })

  it('keeps a rejected thank-you off the wall', async () => {
    const id = await w.fulfilled(await w.member())
    await w.ok(RES, { action: 'confirm', wishId: id, satisfaction: 'satisfied', thanks: '谢谢，local-review', showProofOnWall: true })
    const key = (await get(SEC, id)) as Detail & { confirmation: { thanks: { key: string } } }
    await w.ok(SEC, { action: 'reviewText', wishId: id, key: key.confirmation.thanks.key, decision: 'reject' })
    const wall = await w.ok<Page<Json>>(M1, { action: 'wall', limit: 50 })
    expect(wall.items.find((e) => e.id === id)).toMatchObject({ thanks: null })
  })
})

describe('wish.stats', () => {
  it('moves the branch figures with each step, without recounting', async () => {
    const before = await w.ok<WishStats>(SEC, { action: 'stats' })
    const id = await w.fulfilled(await w.member(), { poster: RES })
    await w.ok(RES, { action: 'confirm', wishId: id, satisfaction: 'basic', showProofOnWall: false })
    await w.pending()
    const after = await w.ok<WishStats>(SEC, { action: 'stats' })
    expect(after.funnel.posted - before.funnel.posted).toBe(2)
    expect(after.funnel.approved - before.funnel.approved).toBe(1)
    expect(after.funnel.confirmed - before.funnel.confirmed).toBe(1)
    expect(after.current.pending - before.current.pending).toBe(1)
    expect(after.satisfaction.basic - before.satisfaction.basic).toBe(1)
    expect(after.byCategory.study - before.byCategory.study).toBe(2)
    expect(after.byMonth.at(-1)?.month).toMatch(/^\d{4}-\d{2}$/)

    // The kept figures equal a recount of the stored wishes.
    const stored = await w.cloud.backend.store.find('wishes', { branchId: 'demo-branch-1' })
    for (const status of WISH_STATUSES) {
      expect([status, after.current[status]]).toEqual([status, stored.filter((d) => d.status === status).length])
    }
    expect(after.funnel.posted).toBe(stored.length)
    expect(await w.errorCode(M1, { action: 'stats' })).toBe('AUTH.FORBIDDEN')
  })
})
