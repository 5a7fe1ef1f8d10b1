import type { WishCategory, WishSatisfaction } from '../../contracts/rules/wish.rules'
import { Collections } from '../../shared/collections'
import type { StoredText, TimelineDoc, WishDoc } from '../../modules/wishes/wish.repository'
import { beneficiaryKey, moveEffect, statsDelta, type WishActor, type WishMove } from '../../modules/wishes/wish.rules'

/**
 * Demo wishes (微心愿), one or more in every state, so a fresh local host looks lived-in. Each is
 * described by its moves; the wish documents, the slots that keep the limits of 3 and the branch
 * figures are all derived from those moves with the module's own rules, so they agree as the function
 * would have left them. Beneficiaries and their phones are made up and differ from the members' phones.
 */

const BRANCH_1 = { id: 'demo-branch-1', name: '示范社区第一党支部' }
const BRANCH_2 = { id: 'demo-branch-2', name: '示范社区第二党支部' }

interface Step {
  move: WishMove
  at: string
  actor: WishActor
  by: string | null
  reason?: string
}

interface DemoWish {
  id: string
  branch: { id: string; name: string }
  title: string
  description: string
  category: WishCategory
  cost: number
  beneficiary: { name: string; phone: string; address: string; neighbourhood: string }
  poster: string
  recordedOnBehalf: boolean
  openToAll?: boolean
  claimer?: { openid: string; name: string; branchId: string }
  progress?: Array<{ at: string | 'seeded'; text: string }>
  fulfilNote?: string
  confirmation?: { satisfaction: WishSatisfaction; thanks: string }
  steps: Step[]
}

const ZHAO = { name: '赵桂兰', phone: '13600136001', address: '幸福小区 5 栋 1 单元 202', neighbourhood: '幸福小区' }

const DEMO_WISHES: readonly DemoWish[] = [
  {
    id: 'Wdemo000001',
    branch: BRANCH_1,
    title: '厨房水龙头漏水，想请人修一修',
    description: '水龙头关不紧，一直滴水，自己年纪大了修不了。',
    category: 'repair',
    cost: 50,
    beneficiary: ZHAO,
    poster: 'demo-resident-1',
    recordedOnBehalf: false,
    steps: [{ move: 'post', at: '2025-06-03T01:20:00Z', actor: 'poster', by: 'demo-resident-1' }],
  },
  {
    id: 'Wdemo000002',
    branch: BRANCH_1,
    title: '希望每周有人陪我聊聊天',
    description: '老伴走了以后一个人住，子女在外地，希望有人每周来坐一坐。',
    category: 'company',
    cost: 0,
    beneficiary: { name: '刘玉珍', phone: '13600136002', address: '和谐里 12 号 101', neighbourhood: '和谐里' },
    poster: 'demo-member-2',
    recordedOnBehalf: true,
    steps: [
      { move: 'post', at: '2025-05-20T02:00:00Z', actor: 'recorder', by: 'demo-member-2' },
      { move: 'approve', at: '2025-05-20T06:30:00Z', actor: 'secretary', by: 'demo-secretary' },
    ],
  },
  {
    id: 'Wdemo000003',
    branch: BRANCH_1,
    title: '下周三去区医院复查，需要有人陪同',
    description: '腿脚不便，挂号和取药都不太会用手机，想请人陪着去一趟。',
    category: 'medical',
    cost: 30,
    beneficiary: { name: '陈德顺', phone: '13600136003', address: '幸福小区 2 栋 3 单元 601', neighbourhood: '幸福小区' },
    poster: 'demo-secretary',
    recordedOnBehalf: true,
    claimer: { openid: 'demo-member-1', name: '李秀英', branchId: BRANCH_1.id },
    // Progress "today", so the timer does not release the demo's claim on the first day.
    progress: [{ at: 'seeded', text: '已和陈大爷约好时间，周三早上 8 点出发' }],
    steps: [
      { move: 'post', at: '2025-05-12T01:00:00Z', actor: 'recorder', by: 'demo-secretary' },
      { move: 'approve', at: '2025-05-12T01:05:00Z', actor: 'secretary', by: 'demo-secretary' },
      { move: 'claim', at: '2025-05-13T03:10:00Z', actor: 'claimer', by: 'demo-member-1' },
    ],
  },
  {
    id: 'Wdemo000004',
    branch: BRANCH_1,
    title: '孙子想要一套课外读物',
    description: '孙子上四年级，喜欢看科普书，想要一套适合小学生的科普读物。',
    category: 'study',
    cost: 120,
    beneficiary: ZHAO,
    poster: 'demo-resident-1',
    recordedOnBehalf: false,
    claimer: { openid: 'demo-member-2', name: '张伟', branchId: BRANCH_1.id },
    fulfilNote: '书已经送到，孩子很喜欢',
    steps: [
      { move: 'post', at: '2025-04-02T02:00:00Z', actor: 'poster', by: 'demo-resident-1' },
      { move: 'approve', at: '2025-04-02T08:00:00Z', actor: 'secretary', by: 'demo-secretary' },
      { move: 'claim', at: '2025-04-03T01:00:00Z', actor: 'claimer', by: 'demo-member-2' },
      { move: 'fulfil', at: '2025-04-10T09:00:00Z', actor: 'claimer', by: 'demo-member-2' },
    ],
  },
  {
    id: 'Wdemo000005',
    branch: BRANCH_1,
    title: '冬天想要一床厚棉被',
    description: '家里的被子用了十几年，冬天晚上冷，想要一床厚实的棉被。',
    category: 'supplies',
    cost: 150,
    beneficiary: ZHAO,
    poster: 'demo-resident-1',
    recordedOnBehalf: false,
    claimer: { openid: 'demo-member-1', name: '李秀英', branchId: BRANCH_1.id },
    fulfilNote: '棉被已送到赵阿姨家',
    confirmation: { satisfaction: 'satisfied', thanks: '谢谢李老师，被子很暖和！' },
    steps: [
      { move: 'post', at: '2025-01-15T02:00:00Z', actor: 'poster', by: 'demo-resident-1' },
      { move: 'approve', at: '2025-01-15T05:00:00Z', actor: 'secretary', by: 'demo-secretary' },
      { move: 'claim', at: '2025-01-16T01:00:00Z', actor: 'claimer', by: 'demo-member-1' },
      { move: 'fulfil', at: '2025-01-18T07:00:00Z', actor: 'claimer', by: 'demo-member-1' },
      { move: 'confirm', at: '2025-01-19T02:00:00Z', actor: 'poster', by: 'demo-resident-1' },
    ],
  },
  {
    id: 'Wdemo000006',
    branch: BRANCH_1,
    title: '想换一台新冰箱',
    description: '旧冰箱不制冷了。',
    category: 'supplies',
    cost: 300,
    beneficiary: ZHAO,
    poster: 'demo-resident-1',
    recordedOnBehalf: false,
    steps: [
      { move: 'post', at: '2025-03-01T02:00:00Z', actor: 'poster', by: 'demo-resident-1' },
      { move: 'reject', at: '2025-03-01T06:00:00Z', actor: 'secretary', by: 'demo-secretary', reason: '冰箱超出微心愿的范围，已帮您申请社区临时救助' },
    ],
  },
  {
    id: 'Wdemo000007',
    branch: BRANCH_1,
    title: '帮忙买一盒降压药',
    description: '药快吃完了，行动不便，想请人帮忙去药店买。',
    category: 'medical',
    cost: 40,
    beneficiary: ZHAO,
    poster: 'demo-resident-1',
    recordedOnBehalf: false,
    steps: [
      { move: 'post', at: '2025-02-10T01:00:00Z', actor: 'poster', by: 'demo-resident-1' },
      { move: 'withdraw', at: '2025-02-10T04:00:00Z', actor: 'poster', by: 'demo-resident-1', reason: '女儿已经帮我买了' },
    ],
  },
  {
    id: 'Wdemo000008',
    branch: BRANCH_2,
    title: '楼道灯坏了，想请人换个灯泡',
    description: '晚上楼道太黑，上下楼不安全。',
    category: 'repair',
    cost: 20,
    beneficiary: { name: '孙长海', phone: '13600136008', address: '光华路 8 号 3 楼', neighbourhood: '光华路社区' },
    poster: 'demo-secretary-2',
    recordedOnBehalf: true,
    openToAll: true,
    steps: [
      { move: 'post', at: '2025-06-01T01:00:00Z', actor: 'recorder', by: 'demo-secretary-2' },
      { move: 'approve', at: '2025-06-01T01:02:00Z', actor: 'secretary', by: 'demo-secretary-2' },
    ],
  },
]

/** Keys of held texts are 16 hex characters; demo texts are all passed, their keys only need the shape. */
const text = (seq: number, value: string, by: string | null, at: Date): StoredText => ({
  key: seq.toString(16).padStart(16, '0'),
  text: value,
  status: 'pass',
  by,
  at,
})

function wishDoc(d: DemoWish, seededAt: Date): WishDoc {
  let status = moveEffect('post').to
  const reached: WishDoc['reached'] = []
  const timeline: TimelineDoc[] = []
  d.steps.forEach((s, i) => {
    const to = moveEffect(s.move).to
    timeline.push({ at: new Date(s.at), actor: s.actor, actorOpenid: s.by, from: i === 0 ? null : status, to, reason: s.reason ? text(100 + i, s.reason, s.by, new Date(s.at)) : null })
    status = to
    if (!reached.includes(to)) reached.push(to)
  })
  const when = (move: WishMove) => {
    const step = d.steps.find((s) => s.move === move)
    return step ? new Date(step.at) : null
  }
  const progress = (d.progress ?? []).map((p, i) => text(200 + i, p.text, d.claimer?.openid ?? null, p.at === 'seeded' ? seededAt : new Date(p.at)))
  const fulfilledAt = when('fulfil')
  const confirmedAt = when('confirm')
  return {
    _id: d.id,
    branchId: d.branch.id,
    branchName: d.branch.name,
    title: d.title,
    description: d.description,
    category: d.category,
    cost: d.cost,
    photos: [],
    beneficiary: { ...d.beneficiary, key: beneficiaryKey(d.branch.id, d.beneficiary.name, d.beneficiary.phone) },
    posterOpenid: d.poster,
    recordedOnBehalf: d.recordedOnBehalf,
    status,
    openToAll: d.openToAll === true,
    textHeld: false,
    heldTexts: 0,
    reached,
    claimer: d.claimer && status !== 'open' ? { ...d.claimer } : null,
    claimedAt: d.claimer ? when('claim') : null,
    idleSince: status === 'claimed' ? (progress.at(-1)?.at ?? when('claim')) : null,
    releaseWarnedAt: null,
    progress,
    fulfilment: fulfilledAt && d.fulfilNote ? { at: fulfilledAt, note: text(300, d.fulfilNote, d.claimer?.openid ?? null, fulfilledAt), photos: [] } : null,
    confirmation:
      confirmedAt && d.confirmation
        ? {
            at: confirmedAt,
            satisfaction: d.confirmation.satisfaction,
            thanks: text(400, d.confirmation.thanks, d.poster, confirmedAt),
            showProofOnWall: false,
            confirmedOnBehalf: false,
          }
        : null,
    returned: false,
    rejectReason: d.steps.find((s) => s.move === 'reject')?.reason ?? null,
    timeline,
    postedAt: when('post') ?? seededAt,
    openedAt: when('approve'),
    fulfilledAt,
    confirmedAt,
    updatedAt: new Date(d.steps[d.steps.length - 1]?.at ?? seededAt),
  }
}

function addAt(doc: Record<string, unknown>, path: string, n: number): void {
  const keys = path.split('.')
  let node = doc
  for (const k of keys.slice(0, -1)) {
    if (typeof node[k] !== 'object' || node[k] === null) node[k] = {}
    node = node[k] as Record<string, unknown>
  }
  const last = keys[keys.length - 1] as string
  node[last] = (typeof node[last] === 'number' ? (node[last] as number) : 0) + n
}

export interface DemoWishDocs {
  wishes: WishDoc[]
  slots: Array<{ _id: string; wishIds: string[]; updatedAt: Date }>
  stats: Array<Record<string, unknown>>
}

/** The demo wishes with the slots and figures their moves leave behind. */
export function demoWishDocs(seededAt: Date): DemoWishDocs {
  const wishes: WishDoc[] = []
  const slots = new Map<string, string[]>()
  const hold = (slotId: string, wishId: string) => slots.set(slotId, [...(slots.get(slotId) ?? []), wishId])
  const stats = new Map<string, Record<string, unknown>>()
  for (const d of DEMO_WISHES) {
    const w = wishDoc(d, seededAt)
    wishes.push(w)
    if (['pending', 'open', 'claimed', 'fulfilled'].includes(w.status)) hold(`beneficiary_${w.beneficiary.key}`, w._id)
    if (w.status === 'claimed' && w.claimer) hold(`claimer_${w.claimer.openid}`, w._id)
    const doc = stats.get(w.branchId) ?? { _id: w.branchId, branchId: w.branchId, updatedAt: seededAt }
    const reached: WishDoc['reached'] = []
    d.steps.forEach((step, i) => {
      const e = w.timeline[i] as TimelineDoc
      const satisfaction = step.move === 'confirm' ? (d.confirmation?.satisfaction ?? null) : null
      const delta = statsDelta({ move: step.move, from: e.from, to: e.to, reached, category: w.category, nowMs: e.at.getTime(), satisfaction })
      for (const [path, n] of Object.entries(delta)) addAt(doc, path, n)
      if (!reached.includes(e.to)) reached.push(e.to)
    })
    stats.set(w.branchId, doc)
  }
  return {
    wishes,
    slots: [...slots].map(([_id, wishIds]) => ({ _id, wishIds, updatedAt: seededAt })),
    stats: [...stats.values()],
  }
}

/** Inserts the demo wishes (called by `seedDemoData` on an empty store). */
export async function seedDemoWishes(store: { insert(collection: string, docs: Record<string, unknown>[]): Promise<void> }, seededAt = new Date()): Promise<void> {
  const docs = demoWishDocs(seededAt)
  await store.insert(Collections.wishes, docs.wishes as unknown as Record<string, unknown>[])
  await store.insert(Collections.wishSlots, docs.slots)
  await store.insert(Collections.wishStats, docs.stats)
}
