import { M1, RES, SEC, SEC2, startWishWorld, type Json, type WishWorld } from '../../support/integration/wish-world'

/**
 * The wish's subscribe messages (they land in the local outbox): the poster when their wish is
 * approved, rejected, claimed and fulfilled; the claimer when it is confirmed; the branch secretary when
 * a wish waits for review. A missing template sends nothing and a failed send fails nothing.
 */
let w: WishWorld

const TEMPLATES: Record<string, string> = {
  WISH_REVIEWED_TEMPLATE_ID: 'tpl-reviewed',
  WISH_CLAIMED_TEMPLATE_ID: 'tpl-claimed',
  WISH_FULFILLED_TEMPLATE_ID: 'tpl-fulfilled',
  WISH_CONFIRMED_TEMPLATE_ID: 'tpl-confirmed',
  WISH_TO_REVIEW_TEMPLATE_ID: 'tpl-to-review',
}

beforeAll(async () => {
  w = await startWishWorld()
  Object.assign(process.env, TEMPLATES)
})

afterAll(async () => {
  for (const key of Object.keys(TEMPLATES)) delete process.env[key]
  await w.close()
})

interface Sent {
  touser: string
  templateId: string
  page?: string
  data: Record<string, { value: string }>
}

/** The messages about one wish, in the order sent. */
async function about(wishId: string): Promise<Sent[]> {
  return ((await w.cloud.backend.outbox()) as Sent[]).filter((m) => m.page?.endsWith(`wish-detail/index?id=${wishId}`))
}

const summary = (m: Sent | undefined) => m && { to: m.touser, template: m.templateId, status: m.data.phrase2?.value }

describe('wish messages', () => {
  it('tells the branch secretary, and no other, that a posted wish waits for review', async () => {
    const id = await w.pending()
    const sent = await about(id)
    expect(sent.map(summary)).toEqual([{ to: SEC, template: 'tpl-to-review', status: '待审核' }])
    expect(sent.some((m) => m.touser === SEC2)).toBe(false)
    expect(sent[0]?.data.thing1?.value).toBe('给孙子买一个新书包')
  })

  it('tells the poster their wish was approved', async () => {
    const id = await w.open()
    expect((await about(id)).map(summary).at(-1)).toEqual({ to: RES, template: 'tpl-reviewed', status: '已通过' })
  })

  it('tells the poster their wish was rejected, and why', async () => {
    const id = await w.pending()
    await w.ok(SEC, { action: 'review', wishId: id, decision: 'reject', reason: '请补充具体需要的物品' })
    const last = (await about(id)).at(-1)
    expect(summary(last)).toEqual({ to: RES, template: 'tpl-reviewed', status: '未通过' })
    expect(last?.data.thing3?.value).toBe('请补充具体需要的物品')
  })

  it('tells the recorder of a wish recorded on behalf, as its poster', async () => {
    const id = await w.open({ poster: M1 })
    expect((await about(id)).map(summary).at(-1)).toEqual({ to: M1, template: 'tpl-reviewed', status: '已通过' })
  })

  it('tells the poster their wish was claimed, then fulfilled', async () => {
    const claimer = await w.member()
    const id = await w.fulfilled(claimer)
    const sent = (await about(id)).map(summary)
    expect(sent.slice(-2)).toEqual([
      { to: RES, template: 'tpl-claimed', status: '已认领' },
      { to: RES, template: 'tpl-fulfilled', status: '已完成' },
    ])
    expect(sent.some((m) => m?.to === claimer)).toBe(false)
  })

  it.each<[string, Json, string]>([
    ['满意', { satisfaction: 'satisfied', thanks: '谢谢你' }, '满意'],
    ['基本满意', { satisfaction: 'basic' }, '基本满意'],
    ['不满意 (sent back)', { satisfaction: 'unsatisfied', reason: '书包尺寸太小' }, '不满意'],
  ])('tells the claimer the poster confirmed: %s', async (_label, input, status) => {
    const claimer = await w.member()
    const id = await w.fulfilled(claimer)
    await w.ok(RES, { action: 'confirm', wishId: id, showProofOnWall: false, ...input })
    const last = (await about(id)).at(-1)
    expect(summary(last)).toEqual({ to: claimer, template: 'tpl-confirmed', status })
    // The poster's own words may wait for the content check: the message carries fixed words only.
    expect(JSON.stringify(last?.data)).not.toMatch(/书包尺寸|谢谢你/)
  })

  it('tells the claimer the secretary confirmed on the poster’s behalf', async () => {
    const claimer = await w.member()
    const id = await w.fulfilled(claimer)
    await w.patch(id, { fulfilledAt: new Date(Date.now() - 8 * 24 * 3600 * 1000) })
    await w.ok(SEC, { action: 'confirmOnBehalf', wishId: id })
    expect(summary((await about(id)).at(-1))).toEqual({ to: claimer, template: 'tpl-confirmed', status: '书记代确认' })
  })

  it('carries no phone, address or openid but the addressee’s', async () => {
    const phone = w.phone()
    const claimer = await w.member()
    const id = await w.open({ overrides: { phone } })
    await w.ok(claimer, { action: 'claim', wishId: id })
    for (const m of await about(id)) {
      const text = JSON.stringify({ data: m.data, page: m.page })
      expect(text).not.toContain(phone)
      expect(text).not.toContain('幸福小区 3 栋')
      expect(text).not.toContain(claimer)
      expect(text).not.toContain(RES)
    }
  })

  it('sends nothing when the template is not configured, and the action still succeeds', async () => {
    delete process.env.WISH_CLAIMED_TEMPLATE_ID
    try {
      const claimer = await w.member()
      const id = await w.claimed(claimer)
      expect((await w.stored(id)).status).toBe('claimed')
      expect((await about(id)).some((m) => m.templateId === 'tpl-claimed')).toBe(false)
    } finally {
      process.env.WISH_CLAIMED_TEMPLATE_ID = TEMPLATES.WISH_CLAIMED_TEMPLATE_ID
    }
  })

  it('never fails the action when the send fails', async () => {
    // WeChat refuses a blank template id (errCode 40037): the send fails, the claim stands.
    process.env.WISH_CLAIMED_TEMPLATE_ID = ' '
    try {
      const claimer = await w.member()
      const id = await w.open()
      const detail = await w.ok<{ status: string }>(claimer, { action: 'claim', wishId: id })
      expect(detail.status).toBe('claimed')
      expect((await w.stored(id)).status).toBe('claimed')
    } finally {
      process.env.WISH_CLAIMED_TEMPLATE_ID = TEMPLATES.WISH_CLAIMED_TEMPLATE_ID
    }
  })

  it('counts the wishes waiting for review in the secretary’s figures, the badge on 我的', async () => {
    const before = (await w.ok<{ current: { pending: number } }>(SEC, { action: 'stats' })).current.pending
    await w.pending()
    expect((await w.ok<{ current: { pending: number } }>(SEC, { action: 'stats' })).current.pending).toBe(before + 1)
  })
})
