import { NEWCOMER } from '../../support/integration/commitment-demo'
import { NO_BRANCH, startCommitmentWorld, type Branch, type CommitmentWorld } from '../../support/integration/commitment-world'

/**
 * 亮身份 and 亮职责: a party member keeps their own card (photo, post, a phone shown only if they choose);
 * the branch secretary keeps the branch's panel. Nobody else writes either, and a refused call writes nothing.
 */
let w: CommitmentWorld
let A: Branch
let B: Branch

beforeAll(async () => {
  w = await startCommitmentWorld()
  ;({ A, B } = w)
})

afterAll(async () => {
  await w.close()
})

interface MyCard {
  name: string
  post: string
  photo: { fileID: string; url: string } | null
  avatar: string
  role: string
  phone: string | null
  ownPhone: string
  showPhone: boolean
}

interface Panel {
  responsibilities: string[]
  tasks: string[]
  process: string[]
  hotline: string
  updatedAt: string | null
}

const cards = () => w.cloud.backend.store.find('commitment_cards')
const panels = () => w.cloud.backend.store.find('commitment_panels')

describe('commitment.myCard / saveCard', () => {
  it('starts from the profile: its post, no photo, the phone kept to its owner', async () => {
    const member = await w.person(A.id, 'member', '孙建华')
    const card = await w.ok<MyCard>(member, { action: 'myCard' })
    expect(card).toEqual({ name: '孙建华', post: '社区志愿者', photo: null, avatar: '', role: 'member', phone: null, ownPhone: expect.stringMatching(/^139\d{8}$/), showPhone: false })
    expect((await w.ok<MyCard>(A.secretary, { action: 'myCard' })).role).toBe('secretary')
  })

  it('saves the caller’s own card with a photo from storage; a second save replaces the first', async () => {
    const M2 = A.members[1]
    const photo = await w.upload('commitment-photos/card-m2.jpg')
    const saved = await w.ok<MyCard>(M2, { action: 'saveCard', photo, post: '网格员 · 楼道长', phone: '13900139000', showPhone: true })
    expect(saved).toMatchObject({ post: '网格员 · 楼道长', phone: '13900139000', ownPhone: '13900139000', showPhone: true })
    expect(saved.photo?.fileID).toBe(photo)
    expect(saved.photo?.url).toMatch(/^http/)
    const again = await w.ok<MyCard>(M2, { action: 'saveCard', post: '社区网格员', phone: '13900139000', showPhone: false })
    expect(again).toMatchObject({ photo: null, phone: null, ownPhone: '13900139000', showPhone: false })
    expect(await w.ok<MyCard>(M2, { action: 'myCard' })).toEqual(again)
    expect((await cards()).filter((c) => c._id === M2)).toHaveLength(1)
  })

  it.each<[string, Record<string, unknown>, string]>([
    ['a post over 30 characters', { post: '岗'.repeat(31), phone: '', showPhone: false }, 'COMMON.INVALID_INPUT'],
    ['a malformed phone', { post: '网格员', phone: '12345', showPhone: false }, 'COMMON.INVALID_INPUT'],
    ['showing a phone it has not got', { post: '网格员', phone: '', showPhone: true }, 'COMMON.INVALID_INPUT'],
    ['a photo outside the commitment folder', { post: '网格员', phone: '', showPhone: false, photo: 'cloud://local.local-bucket/wish-photos/a.jpg' }, 'COMMON.INVALID_INPUT'],
    ['a photo that was never uploaded', { post: '网格员', phone: '', showPhone: false, photo: 'cloud://local.local-bucket/commitment-photos/none.jpg' }, 'COMMON.INVALID_INPUT'],
    ['a post the content check refuses', { post: '网格员 local-risky', phone: '', showPhone: false }, 'COMMITMENT.TEXT_REJECTED'],
    ['an object for the post', { post: { $ne: null }, phone: '', showPhone: false }, 'COMMON.INVALID_INPUT'],
    ['an unknown key', { post: '网格员', phone: '', showPhone: false, openid: 'demo-secretary' }, 'COMMON.INVALID_INPUT'],
  ])('refuses %s and writes nothing', async (_label, input, code) => {
    const before = JSON.stringify(await cards())
    expect(await w.errorCode(A.members[0], { action: 'saveCard', ...input })).toBe(code)
    expect(JSON.stringify(await cards())).toBe(before)
  })

  it.each<[string, () => string | null, string]>([
    ['a resident', () => A.resident, 'AUTH.FORBIDDEN'],
    ['someone with no branch', () => NO_BRANCH, 'AUTH.NOT_IN_BRANCH'],
    ['someone with no profile', () => NEWCOMER, 'AUTH.NO_PROFILE'],
    ['nobody signed in', () => null, 'AUTH.REQUIRED'],
  ])('is for party members only: %s is refused', async (_label, who, code) => {
    const caller = who()
    expect(await w.errorCode(caller, { action: 'myCard' })).toBe(code)
    expect(await w.errorCode(caller, { action: 'saveCard', post: '居民', phone: '', showPhone: false })).toBe(code)
  })
})

describe('commitment.savePanel', () => {
  const panel = {
    responsibilities: ['联系服务群众', '组织党员志愿服务'],
    tasks: ['楼道清理'],
    process: ['登记', '办理', '反馈'],
    hotline: '0571-12345678',
  }

  it('lets the secretary write their own branch’s panel, which the public board shows', async () => {
    const saved = await w.ok<Panel>(B.secretary, { action: 'savePanel', ...panel })
    expect(saved).toMatchObject(panel)
    expect(Date.parse(saved.updatedAt ?? '')).toBeGreaterThan(Date.now() - 60_000)
    expect(await w.stored('commitment_panels', B.id)).toMatchObject(panel)
    const board = await w.ok<{ panel: Panel }>(NO_BRANCH, { action: 'board', branchId: B.id })
    expect(board.panel).toMatchObject(panel)
    // Another branch's panel is its own; a second save replaces the first whole.
    expect(await w.stored('commitment_panels', A.id)).toBeNull()
    const again = await w.ok<Panel>(B.secretary, { action: 'savePanel', responsibilities: [], tasks: [], process: ['登记'], hotline: '' })
    expect(again).toMatchObject({ responsibilities: [], tasks: [], process: ['登记'], hotline: '' })
    expect((await w.ok<{ panel: Panel }>(A.resident, { action: 'board', branchId: B.id })).panel).toMatchObject(again)
  })

  it.each<[string, () => string | null, string]>([
    ['a member', () => A.members[0], 'AUTH.FORBIDDEN'],
    ['a resident', () => A.resident, 'AUTH.FORBIDDEN'],
    ['someone with no branch', () => NO_BRANCH, 'AUTH.NOT_IN_BRANCH'],
    ['nobody signed in', () => null, 'AUTH.REQUIRED'],
  ])('refuses %s', async (_label, who, code) => {
    const before = JSON.stringify(await panels())
    expect(await w.errorCode(who(), { action: 'savePanel', ...panel })).toBe(code)
    expect(JSON.stringify(await panels())).toBe(before)
  })

  it.each<[string, Record<string, unknown>, string]>([
    ['11 responsibilities', { responsibilities: Array.from({ length: 11 }, (_, i) => `职责${i}`) }, 'COMMON.INVALID_INPUT'],
    ['a line over 60 characters', { tasks: ['任'.repeat(61)] }, 'COMMON.INVALID_INPUT'],
    ['a hotline with letters', { hotline: 'call-me' }, 'COMMON.INVALID_INPUT'],
    ['a blank line', { process: ['登记', '  '] }, 'COMMON.INVALID_INPUT'],
    ['a line the content check refuses', { tasks: ['local-risky'] }, 'COMMITMENT.TEXT_REJECTED'],
  ])('refuses %s and writes nothing', async (_label, change, code) => {
    const before = JSON.stringify(await panels())
    expect(await w.errorCode(A.secretary, { action: 'savePanel', ...panel, ...change })).toBe(code)
    expect(JSON.stringify(await panels())).toBe(before)
  })
})
