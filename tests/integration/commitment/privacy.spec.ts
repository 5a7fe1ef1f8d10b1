import type { Envelope } from '../../../cloudfunctions/contracts'
import { demoPlanId, LAST_MONTH, M1, M2, M3, MEMBER_PHONES, RES, SEC, SEC2, SEEDED_OPENIDS, SHOWN_PHONE, THIS_MONTH } from '../../support/integration/commitment-demo'
import { NO_BRANCH, startCommitmentWorld, type CommitmentWorld } from '../../support/integration/commitment-world'

/**
 * docs/architecture.md "Privacy", for the public board: every answer of every public action, to every
 * caller (down to someone with no branch who scanned the notice-board code), is kept and scanned. None
 * carries an openid; a phone appears only on the card of a member who chose to show it.
 */
let w: CommitmentWorld

beforeAll(async () => {
  w = await startCommitmentWorld()
})

afterAll(async () => {
  await w.close()
})

type Json = Record<string, unknown>

interface Answer {
  caller: string | null
  event: Json
  text: string
}

async function sweep(callers: Array<string | null>, events: Json[]): Promise<Answer[]> {
  const answers: Answer[] = []
  for (const caller of callers) {
    for (const event of events) {
      const res: Envelope<unknown> = await w.call(caller, event)
      answers.push({ caller, event, text: JSON.stringify(res) })
    }
  }
  return answers
}

/** Where `phone` appears in an answer, every time as a card's shown phone. */
function onlyAsShownCardPhone(text: string, phone: string): boolean {
  const all = text.split(phone).length - 1
  const asCard = text.split(`"phone":"${phone}"`).length - 1
  return all === asCard
}

const publicEvents = (): Json[] => [
  { action: 'board', branchId: 'demo-branch-1' },
  { action: 'board', branchId: 'demo-branch-1', month: LAST_MONTH },
  { action: 'board', branchId: 'demo-branch-2' },
  { action: 'plans', branchId: 'demo-branch-1', month: THIS_MONTH },
  { action: 'plans', branchId: 'demo-branch-1', month: LAST_MONTH },
  { action: 'months', branchId: 'demo-branch-1' },
  ...[SEC, M1, M2].flatMap((openid) => [
    { action: 'plan', planId: demoPlanId(openid) },
    { action: 'plan', planId: demoPlanId(openid, LAST_MONTH) },
    { action: 'ratings', planId: demoPlanId(openid) },
    { action: 'ratings', planId: demoPlanId(openid, LAST_MONTH) },
  ]),
]

const viewers = [NO_BRANCH, RES, M3, SEC2, M2, M1, SEC]

describe('commitment privacy', () => {
  it('answers the public board, plans, months and ratings with no openid and no phone but the one shown', async () => {
    // 李秀英 keeps her phone on her card but does not show it; 张伟 has no card (his profile phone stays).
    const answers = await sweep(viewers, publicEvents())
    expect(answers.filter((a) => a.text.includes('"ok":true')).length).toBeGreaterThan(viewers.length * 10)
    for (const a of answers) {
      for (const openid of SEEDED_OPENIDS) expect([a.caller, a.event, a.text.includes(openid)]).toEqual([a.caller, a.event, false])
      for (const phone of MEMBER_PHONES.filter((p) => p !== SHOWN_PHONE)) expect([a.event, a.text.includes(phone)]).toEqual([a.event, false])
      expect([a.event, onlyAsShownCardPhone(a.text, SHOWN_PHONE)]).toEqual([a.event, true])
    }
    // The shown phone is really on the board: the secretary chose to show it.
    const board = answers.find((a) => a.caller === NO_BRANCH && a.event.action === 'board' && !a.event.month)
    expect(board?.text).toContain(`"phone":"${SHOWN_PHONE}"`)
  })

  it('follows the owner’s choice when it changes: hidden at once, shown at once', async () => {
    const phone = '13911112222'
    await w.ok(M1, { action: 'saveCard', post: '退休教师', phone, showPhone: true })
    const shown = await sweep([NO_BRANCH, RES], [{ action: 'plan', planId: demoPlanId(M1) }, { action: 'board', branchId: 'demo-branch-1' }])
    for (const a of shown) expect([a.event, a.text.includes(`"phone":"${phone}"`)]).toEqual([a.event, true])
    await w.ok(M1, { action: 'saveCard', post: '退休教师', phone, showPhone: false })
    const hidden = await sweep([NO_BRANCH, RES, SEC], publicEvents())
    for (const a of hidden) expect([a.event, a.text.includes(phone)]).toEqual([a.event, false])
    // The owner still sees it on their own card editor.
    expect(await w.ok(M1, { action: 'myCard' })).toMatchObject({ ownPhone: phone, showPhone: false, phone: null })
  })

  it('keeps raters anonymous: masked names, a rating id unlinkable across plans, no openid', async () => {
    await w.ok(RES, { action: 'rate', planId: demoPlanId(SEC), satisfaction: 'satisfied' })
    await w.ok(RES, { action: 'rate', planId: demoPlanId(M1), satisfaction: 'basic' })
    const a = await w.ok<{ items: Array<{ ratingId: string; raterName: string; mine: boolean }> }>(RES, { action: 'ratings', planId: demoPlanId(SEC) })
    const b = await w.ok<{ items: Array<{ ratingId: string; raterName: string; mine: boolean }> }>(RES, { action: 'ratings', planId: demoPlanId(M1) })
    const mineA = a.items.find((r) => r.mine)
    const mineB = b.items.find((r) => r.mine)
    expect(mineA?.raterName).toBe('赵**')
    expect(mineA?.ratingId).not.toBe(mineB?.ratingId)
    const text = JSON.stringify([a, b])
    expect(text).not.toContain('赵桂兰')
    for (const openid of SEEDED_OPENIDS) expect(text).not.toContain(openid)
  })
})
