import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'
import {
  WISH_ACTIONS,
  WISH_CATEGORIES,
  WISH_CATEGORY_LABELS,
  WISH_ID_PATTERN,
  WISH_STATUSES,
  WISH_STATUS_LABELS,
  wishConfirmOnBehalfFrom,
  wishReleaseAt,
  wishWarningAt,
  type WishAction,
  type WishStatus,
} from '../../cloudfunctions/contracts/rules/wish.rules'
import { wishCostSchema, wishPhotoIdSchema } from '../../cloudfunctions/contracts/wish.contract'
import {
  allowedActions,
  beneficiaryKey,
  confirmMove,
  idleCutoff,
  idleStep,
  judge,
  mayReadText,
  monthKey,
  monthLabel,
  moveEffect,
  relationOf,
  slotHasRoom,
  statsDelta,
  type Viewer,
  type WishFacts,
  type WishMove,
} from '../../cloudfunctions/modules/wishes/wish.rules'

dayjs.extend(utc)
dayjs.extend(timezone)
const bj = (s: string) => dayjs.tz(s, 'Asia/Shanghai').valueOf()
const DAY = 24 * 60 * 60 * 1000
const NOW = bj('2026-11-22 10:00')

const BRANCH = 'b1'
const wish = (status: WishStatus, extra: Partial<WishFacts> = {}): WishFacts => ({
  branchId: BRANCH,
  status,
  openToAll: false,
  posterOpenid: 'poster',
  claimerOpenid: ['claimed', 'fulfilled', 'confirmed'].includes(status) ? 'claimer' : null,
  fulfilledAtMs: ['fulfilled', 'confirmed'].includes(status) ? NOW - 8 * DAY : null,
  ...extra,
})

const V: Record<string, Viewer> = {
  poster: { openid: 'poster', role: 'resident', branchId: BRANCH },
  recorder: { openid: 'poster', role: 'member', branchId: BRANCH },
  claimer: { openid: 'claimer', role: 'member', branchId: BRANCH },
  secretary: { openid: 'sec', role: 'secretary', branchId: BRANCH },
  member: { openid: 'm', role: 'member', branchId: BRANCH },
  resident: { openid: 'r', role: 'resident', branchId: BRANCH },
  otherSecretary: { openid: 'sec2', role: 'secretary', branchId: 'b2' },
  otherMember: { openid: 'm2', role: 'member', branchId: 'b2' },
  otherClaimer: { openid: 'claimer', role: 'member', branchId: 'b2' },
}

describe('who sees a wish', () => {
  it.each<[string, WishStatus, boolean, string | null]>([
    ['poster', 'pending', false, 'poster'],
    ['poster', 'withdrawn', false, 'poster'],
    ['secretary', 'pending', false, 'secretary'],
    ['secretary', 'rejected', false, 'secretary'],
    ['member', 'pending', false, null],
    ['member', 'open', false, 'member'],
    ['member', 'confirmed', false, 'member'],
    ['member', 'rejected', false, null],
    ['member', 'withdrawn', false, null],
    ['resident', 'open', false, null],
    ['otherMember', 'open', false, null],
    ['otherMember', 'open', true, 'member'],
    ['otherMember', 'pending', true, null],
    ['otherSecretary', 'open', false, null],
    ['otherSecretary', 'open', true, 'member'],
    ['claimer', 'claimed', false, 'claimer'],
    ['otherClaimer', 'claimed', true, 'claimer'],
  ])('%s, wish %s (open to all: %s) → %s', (who, status, openToAll, relation) => {
    expect(relationOf(wish(status, { openToAll }), V[who] as Viewer)).toBe(relation)
  })
})

describe('the state machine: who may make which move from which state', () => {
  const t = (action: WishAction, who: string, status: WishStatus, verdict: string, extra: Partial<WishFacts> = {}) =>
    [action, who, status, verdict, extra] as const
  it.each([
    t('review', 'secretary', 'pending', 'ok'),
    t('review', 'secretary', 'open', 'wrongState'),
    t('review', 'otherSecretary', 'pending', 'notFound'),
    t('review', 'member', 'pending', 'notFound'),
    t('review', 'member', 'open', 'notFound'),
    t('withdraw', 'poster', 'pending', 'ok'),
    t('withdraw', 'poster', 'open', 'ok'),
    t('withdraw', 'recorder', 'open', 'ok'),
    t('withdraw', 'poster', 'claimed', 'alreadyClaimed'),
    t('withdraw', 'poster', 'fulfilled', 'alreadyClaimed'),
    t('withdraw', 'poster', 'rejected', 'wrongState'),
    t('withdraw', 'poster', 'withdrawn', 'wrongState'),
    t('withdraw', 'secretary', 'open', 'notPoster'),
    t('withdraw', 'member', 'open', 'notPoster'),
    t('claim', 'member', 'open', 'ok'),
    t('claim', 'secretary', 'open', 'ok'),
    t('claim', 'member', 'claimed', 'alreadyClaimed'),
    t('claim', 'member', 'fulfilled', 'alreadyClaimed'),
    t('claim', 'member', 'confirmed', 'alreadyClaimed'),
    t('claim', 'member', 'pending', 'notFound'),
    t('claim', 'member', 'withdrawn', 'notFound'),
    t('claim', 'secretary', 'pending', 'wrongState'),
    t('claim', 'recorder', 'open', 'ownWish'),
    t('claim', 'resident', 'open', 'notFound'),
    t('claim', 'otherMember', 'open', 'notFound'),
    t('claim', 'otherMember', 'open', 'ok', { openToAll: true }),
    t('claim', 'otherSecretary', 'open', 'ok', { openToAll: true }),
    t('addProgress', 'claimer', 'claimed', 'ok'),
    t('addProgress', 'member', 'claimed', 'notClaimer'),
    t('addProgress', 'secretary', 'claimed', 'notClaimer'),
    t('addProgress', 'claimer', 'fulfilled', 'wrongState'),
    t('addProgress', 'otherMember', 'claimed', 'notFound'),
    t('giveBack', 'claimer', 'claimed', 'ok'),
    t('giveBack', 'otherClaimer', 'claimed', 'ok', { openToAll: true }),
    t('giveBack', 'member', 'open', 'notClaimer'),
    t('fulfil', 'claimer', 'claimed', 'ok'),
    t('fulfil', 'claimer', 'confirmed', 'wrongState'),
    t('fulfil', 'member', 'open', 'notClaimer'),
    t('confirm', 'poster', 'fulfilled', 'ok'),
    t('confirm', 'recorder', 'fulfilled', 'ok'),
    t('confirm', 'poster', 'claimed', 'wrongState'),
    t('confirm', 'poster', 'confirmed', 'wrongState'),
    t('confirm', 'claimer', 'fulfilled', 'notPoster'),
    t('confirm', 'secretary', 'fulfilled', 'notPoster'),
    t('confirm', 'resident', 'fulfilled', 'notFound'),
    t('confirmOnBehalf', 'secretary', 'fulfilled', 'ok'),
    t('confirmOnBehalf', 'secretary', 'fulfilled', 'ok', { fulfilledAtMs: NOW - 7 * DAY }),
    t('confirmOnBehalf', 'secretary', 'fulfilled', 'tooEarly', { fulfilledAtMs: NOW - 7 * DAY + 1 }),
    t('confirmOnBehalf', 'secretary', 'confirmed', 'wrongState'),
    t('confirmOnBehalf', 'otherSecretary', 'fulfilled', 'notFound', { openToAll: true }),
    t('confirmOnBehalf', 'member', 'fulfilled', 'notFound'),
  ])('%s by %s from %s → %s', (action, who, status, verdict, extra) => {
    expect(judge(action, wish(status, extra), V[who] as Viewer, NOW)).toBe(verdict)
  })

  it.each<[string, WishStatus, Partial<WishFacts>, WishAction[]]>([
    ['poster', 'pending', {}, ['withdraw']],
    ['secretary', 'pending', {}, ['review']],
    ['secretary', 'pending', { posterOpenid: 'sec' }, ['review', 'withdraw']],
    ['member', 'open', {}, ['claim']],
    ['poster', 'open', {}, ['withdraw']],
    ['claimer', 'claimed', {}, ['addProgress', 'giveBack', 'fulfil']],
    ['member', 'claimed', {}, []],
    ['poster', 'fulfilled', {}, ['confirm']],
    ['secretary', 'fulfilled', {}, ['confirmOnBehalf']],
    ['secretary', 'fulfilled', { fulfilledAtMs: NOW - DAY }, []],
    ['poster', 'confirmed', {}, []],
    ['poster', 'rejected', {}, []],
  ])('offers %s of a %s wish (%j): %j', (who, status, extra, actions) => {
    expect(allowedActions(wish(status, extra), V[who] as Viewer, NOW)).toEqual(actions)
  })

  it('offers only actions the contract has', () => {
    for (const status of WISH_STATUSES) for (const v of Object.values(V)) for (const a of allowedActions(wish(status), v, NOW)) expect(WISH_ACTIONS).toContain(a)
  })
})

describe('what each move changes', () => {
  it.each<[WishMove, WishStatus, string | null, string | null]>([
    ['post', 'pending', null, 'add'],
    ['approve', 'open', null, null],
    ['reject', 'rejected', null, 'remove'],
    ['withdraw', 'withdrawn', null, 'remove'],
    ['claim', 'claimed', 'add', null],
    ['giveBack', 'open', 'remove', null],
    ['release', 'open', 'remove', null],
    ['fulfil', 'fulfilled', 'remove', null],
    ['return', 'claimed', 'add', null],
    ['confirm', 'confirmed', null, 'remove'],
    ['confirmOnBehalf', 'confirmed', null, 'remove'],
  ])('%s → %s; claimer slot %s, beneficiary slot %s', (move, to, claimerSlot, beneficiarySlot) => {
    expect(moveEffect(move)).toEqual({ to, claimerSlot, beneficiarySlot })
  })

  it.each([
    ['satisfied', false, 'confirm'],
    ['basic', false, 'confirm'],
    ['unsatisfied', false, 'return'],
    ['unsatisfied', true, 'confirm'],
    ['satisfied', true, 'confirm'],
  ] as const)('%s (sent back before: %s) → %s', (satisfaction, returned, move) => {
    expect(confirmMove(satisfaction, returned)).toBe(move)
  })

  it.each([
    [[], 'w1', true],
    [['a', 'b'], 'w1', true],
    [['a', 'b', 'c'], 'w1', false],
    [['a', 'b', 'w1'], 'w1', true],
  ])('a slot holding %j has room for %s: %s', (held, id, room) => {
    expect(slotHasRoom(held, id, 3)).toBe(room)
  })
})

describe('the branch figures', () => {
  const at = bj('2026-05-31 23:59')
  const base = { category: 'study' as const, nowMs: at }
  it.each<[string, Parameters<typeof statsDelta>[0], Record<string, number>]>([
    [
      'a post',
      { ...base, move: 'post', from: null, to: 'pending', reached: [] },
      { 'current.pending': 1, 'funnel.posted': 1, 'categories.study': 1, 'months.m202605.posted': 1 },
    ],
    ['an approval', { ...base, move: 'approve', from: 'pending', to: 'open', reached: ['pending'] }, { 'current.pending': -1, 'current.open': 1, 'funnel.approved': 1 }],
    ['a first claim', { ...base, move: 'claim', from: 'open', to: 'claimed', reached: ['pending', 'open'] }, { 'current.open': -1, 'current.claimed': 1, 'funnel.claimed': 1 }],
    ['a second claim after a give-back', { ...base, move: 'claim', from: 'open', to: 'claimed', reached: ['pending', 'open', 'claimed'] }, { 'current.open': -1, 'current.claimed': 1 }],
    ['a release', { ...base, move: 'release', from: 'claimed', to: 'open', reached: ['pending', 'open', 'claimed'] }, { 'current.claimed': -1, 'current.open': 1, released: 1 }],
    [
      'a return (不满意)',
      { ...base, move: 'return', from: 'fulfilled', to: 'claimed', reached: ['pending', 'open', 'claimed', 'fulfilled'], satisfaction: 'unsatisfied' },
      { 'current.fulfilled': -1, 'current.claimed': 1, returned: 1 },
    ],
    [
      'a confirmation at Beijing midnight',
      { ...base, nowMs: bj('2026-06-01 00:00'), move: 'confirm', from: 'fulfilled', to: 'confirmed', reached: ['pending', 'open', 'claimed', 'fulfilled'], satisfaction: 'basic' },
      { 'current.fulfilled': -1, 'current.confirmed': 1, 'funnel.confirmed': 1, 'months.m202606.confirmed': 1, 'satisfaction.basic': 1 },
    ],
    [
      'a confirmation on behalf',
      { ...base, move: 'confirmOnBehalf', from: 'fulfilled', to: 'confirmed', reached: ['pending', 'open', 'claimed', 'fulfilled'], satisfaction: null },
      { 'current.fulfilled': -1, 'current.confirmed': 1, 'funnel.confirmed': 1, 'months.m202605.confirmed': 1, confirmedOnBehalf: 1 },
    ],
    ['a rejection', { ...base, move: 'reject', from: 'pending', to: 'rejected', reached: ['pending'] }, { 'current.pending': -1, 'current.rejected': 1 }],
  ])('%s', (_label, change, delta) => {
    expect(statsDelta(change)).toEqual(delta)
  })

  it.each([
    ['2026-05-31 23:59:59', 'm202605'],
    ['2026-06-01 00:00:00', 'm202606'],
    ['2026-12-31 23:59:59', 'm202612'],
    ['2027-01-01 00:00:00', 'm202701'],
  ])('counts %s Beijing time in %s', (at, key) => {
    expect(monthKey(bj(at))).toBe(key)
    expect(monthLabel(key)).toBe(`${key.slice(1, 5)}-${key.slice(5)}`)
  })
})

describe('idle claims', () => {
  const since = bj('2026-11-01 09:30')
  it.each([
    ['a day later', since + DAY, null, 'none'],
    ['12 days less 1 ms later', since + 12 * DAY - 1, null, 'none'],
    ['12 days later', since + 12 * DAY, null, 'warn'],
    ['12 days later, already warned', since + 12 * DAY, since + 12 * DAY, 'none'],
    ['14 days less 1 ms later, already warned', since + 14 * DAY - 1, since + 12 * DAY, 'none'],
    ['14 days later', since + 14 * DAY, since + 12 * DAY, 'release'],
    ['14 days later, never warned', since + 14 * DAY, null, 'release'],
  ])('%s: %s', (_label, now, warnedAt, step) => {
    expect(idleStep(since, warnedAt, now)).toBe(step)
  })

  it('looks at claims idle since 12 days ago or earlier, and names the instants once', () => {
    expect(idleCutoff(NOW)).toBe(NOW - 12 * DAY)
    expect(wishReleaseAt(since)).toBe(since + 14 * DAY)
    expect(wishWarningAt(since)).toBe(since + 12 * DAY)
    expect(wishConfirmOnBehalfFrom(since)).toBe(since + 7 * DAY)
  })
})

describe('beneficiaries, texts and fixed values', () => {
  it('keys a beneficiary by branch, name and phone, without saying who', () => {
    const key = beneficiaryKey('b1', '赵桂兰', '13700000001')
    expect(key).toMatch(/^[0-9a-f]{32}$/)
    expect(beneficiaryKey('b1', ' 赵桂兰 ', '13700000001 ')).toBe(key)
    expect(beneficiaryKey('b1', '赵桂兰', '13700000002')).not.toBe(key)
    expect(beneficiaryKey('b2', '赵桂兰', '13700000001')).not.toBe(key)
  })

  it.each([
    ['pass', 'someone', false, true],
    ['review', 'author', false, true],
    ['review', 'someone', false, false],
    ['review', 'someone', true, true],
    ['rejected', 'someone', false, false],
    ['rejected', 'author', false, true],
  ] as const)('a %s text is read by %s (secretary: %s): %s', (status, openid, isSecretary, may) => {
    expect(mayReadText(status, 'author', { openid, isSecretary })).toBe(may)
  })

  it('labels every category and state in Chinese', () => {
    for (const c of WISH_CATEGORIES) expect(WISH_CATEGORY_LABELS[c]).toMatch(/[\u4e00-\u9fa5]/)
    for (const s of WISH_STATUSES) expect(WISH_STATUS_LABELS[s]).toMatch(/[\u4e00-\u9fa5]/)
    expect(Object.values(WISH_CATEGORY_LABELS)).toEqual(['学习用品', '生活物资', '家政维修', '陪伴关爱', '就医出行', '其他'])
    expect(WISH_ID_PATTERN.test('Wabc123def0')).toBe(true)
    expect(WISH_ID_PATTERN.test('Labc123def0')).toBe(false)
  })

  it.each([
    [0, true],
    [300, true],
    [-1, false],
    [301, false],
    [10000, false],
    [1.5, false],
    ['80', false],
  ])('a cost of %j is accepted: %s', (cost, accepted) => {
    expect(wishCostSchema.safeParse(cost).success).toBe(accepted)
  })

  it.each([
    ['cloud://env-1.bucket/wish-photos/2026/a.jpg', true],
    ['cloud://env-1.bucket/lecture-materials/a.jpg', false],
    ['cloud://env-1.bucket/wish-photos/../exports/a.xlsx', false],
    ['cloud://env-1.bucket/wish-photos/./a.jpg', false],
    ['https://example.org/wish-photos/a.jpg', false],
  ])('a photo %s is accepted: %s', (id, accepted) => {
    expect(wishPhotoIdSchema.safeParse(id).success).toBe(accepted)
  })
})
