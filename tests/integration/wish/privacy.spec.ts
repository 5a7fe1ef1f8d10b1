import type { Envelope } from '../../../cloudfunctions/contracts'
import { M1, M2, MEMBER_PHONES, NOBODY, OTHER, RES, RES2, SEC, SEC2, SEEDED_OPENIDS, startWishWorld, type Json, type WishWorld } from '../../support/integration/wish-world'

/**
 * docs/architecture.md "Privacy", for wishes: every answer of every action, to every caller, is kept and
 * scanned. No answer carries an openid or a member's phone; a beneficiary's phone, address and full name,
 * and the claimer's full name, reach only the poster, the claimer and the wish's branch secretary.
 */
let w: WishWorld

beforeAll(async () => {
  w = await startWishWorld()
})

afterAll(async () => {
  await w.close()
})

interface Answer {
  caller: string | null
  event: Json
  text: string
}
const answers: Answer[] = []

async function as(caller: string | null, event: Json): Promise<Envelope<unknown>> {
  const res = await w.call(caller, event)
  answers.push({ caller, event, text: JSON.stringify(res) })
  return res
}

async function ok<T = Json>(caller: string | null, event: Json): Promise<T> {
  const res = await as(caller, event)
  if (!res.ok) throw new Error(`${String(event.action)} as ${String(caller)}: ${res.error.code} ${res.error.message}`)
  return res.data as T
}

interface Secret {
  wishId: string
  phone: string
  address: string
  names: string[]
  involved: Array<string | null>
}

it('keeps openids, phones, addresses and full names to those who need them, in every answer of every action', async () => {
  const c1 = await w.member('郑国华')
  const c2 = await w.member('孔德明')
  const everyone = [SEC, M1, M2, RES, RES2, SEC2, OTHER, NOBODY, c1, c2, null]

  // A: a resident's own wish, claimed in the branch. B: recorded on behalf, opened to all, claimed by another branch.
  const a = await ok<{ id: string }>(RES2, w.postInput({ phone: '13912340001', address: '和平里 7 号楼 302', photos: [await w.upload('wish-photos/privacy-a.jpg')] }))
  const b = await ok<{ id: string }>(c1, w.postInput({ phone: '13912340002', address: '光明街 18 号', onBehalfOf: { name: '钱淑芬' } }))
  const secrets: Secret[] = [
    { wishId: a.id, phone: '13912340001', address: '和平里 7 号楼 302', names: ['周桂芳', '孔德明'], involved: [RES2, c2, SEC] },
    { wishId: b.id, phone: '13912340002', address: '光明街 18 号', names: ['钱淑芬', '刘洋'], involved: [c1, OTHER, SEC] },
  ]

  /** Everyone reads everything they may try to read. */
  const sweep = async () => {
    for (const caller of everyone) {
      for (const s of secrets) await as(caller, { action: 'get', wishId: s.wishId })
      for (const scope of ['open', 'pending', 'fulfilled']) await as(caller, { action: 'list', scope })
      for (const action of ['mine', 'myClaims', 'wall', 'stats', 'exportLedger']) await as(caller, { action })
    }
  }

  await sweep()
  await ok(SEC, { action: 'review', wishId: a.id, decision: 'approve' })
  await ok(SEC, { action: 'review', wishId: b.id, decision: 'approve', openToAll: true })
  const rejected = await w.pending(RES)
  await ok(SEC, { action: 'review', wishId: rejected, decision: 'reject', reason: '请写明具体需要' })
  const withdrawn = await w.pending(RES)
  await ok(RES, { action: 'withdraw', wishId: withdrawn, reason: '不需要了' })
  await sweep()

  await ok(c2, { action: 'claim', wishId: a.id })
  await ok(OTHER, { action: 'claim', wishId: b.id })
  await ok(c2, { action: 'addProgress', wishId: a.id, note: '已联系，周六上门' })
  await ok(OTHER, { action: 'addProgress', wishId: b.id, note: '有需要 local-review 再说' })
  const held = await ok<{ progress: Array<{ key?: string }> }>(SEC, { action: 'get', wishId: b.id })
  await ok(SEC, { action: 'reviewText', wishId: b.id, key: held.progress[0]?.key, decision: 'pass' })
  await ok(OTHER, { action: 'giveBack', wishId: b.id, reason: '这周加班' })
  await ok(OTHER, { action: 'claim', wishId: b.id })
  await sweep()

  await ok(c2, { action: 'fulfil', wishId: a.id, note: '已送达', photos: [await w.upload('wish-photos/privacy-a-proof.jpg')] })
  await ok(OTHER, { action: 'fulfil', wishId: b.id, note: '已修好', photos: [await w.upload('wish-photos/privacy-b-proof.jpg')] })
  await ok(RES2, { action: 'confirm', wishId: a.id, satisfaction: 'unsatisfied', reason: '颜色不对', showProofOnWall: false })
  await ok(c2, { action: 'fulfil', wishId: a.id, note: '换好了', photos: [await w.upload('wish-photos/privacy-a-proof-2.jpg')] })
  await sweep()
  await ok(RES2, { action: 'confirm', wishId: a.id, satisfaction: 'satisfied', thanks: '谢谢孔师傅', showProofOnWall: true })
  await w.patch(b.id, { fulfilledAt: new Date(Date.now() - 8 * 24 * 3600 * 1000) })
  await ok(SEC, { action: 'confirmOnBehalf', wishId: b.id, reason: '电话回访确认' })

  const idle = await w.claimed(c2)
  await w.patch(idle, { idleSince: new Date(Date.now() - 15 * 24 * 3600 * 1000) })
  await ok(null, { Type: 'Timer', TriggerName: 'releaseIdle', Time: new Date().toISOString() })
  for (const caller of everyone) await as(caller, { action: 'releaseIdle' })
  await sweep()

  // Every action of the contract was answered at least once.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { wishContract } = require('../../../cloudfunctions/contracts/wish.contract') as typeof import('../../../cloudfunctions/contracts/wish.contract')
  const called = new Set(answers.map((x) => String(x.event.action ?? x.event.TriggerName)))
  expect([...Object.keys(wishContract)].filter((k) => !called.has(k))).toEqual([])
  expect(answers.length).toBeGreaterThan(300)

  const openids = [...SEEDED_OPENIDS, c1, c2]
  for (const answer of answers) {
    const where = `${String(answer.event.action ?? 'timer')} as ${String(answer.caller)}`
    for (const openid of openids) expect([where, answer.text.includes(openid)]).toEqual([where, false])
    for (const phone of MEMBER_PHONES) expect([where, answer.text.includes(phone)]).toEqual([where, false])
    for (const s of secrets) {
      if (s.involved.includes(answer.caller)) continue
      for (const value of [s.phone, s.address, ...s.names]) expect([where, value, answer.text.includes(value)]).toEqual([where, value, false])
    }
  }
  // And those involved did get what they need.
  const contact = await ok<{ contact: { phone: string } | null }>(OTHER, { action: 'get', wishId: b.id })
  expect(contact.contact?.phone).toBe('13912340002')
})
