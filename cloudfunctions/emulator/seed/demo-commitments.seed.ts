import {
  addMonths,
  beijingMonthOf,
  monthStartMs,
  type CommitmentCategory,
  type CommitmentMemberOutcome,
  type CommitmentPlanStatus,
  type CommitmentSatisfaction,
} from '../../contracts/rules/commitment.rules'
import { ratingDocId, type BoardDoc, type CardDoc, type ItemDoc, type PanelDoc, type PlanDoc, type RatingDoc } from '../../modules/commitments/commitment.repository'
import { boardIdOf, memberKeyOf, NO_SATISFACTION, OVERDUE_REASON, planFigures, planIdOf, sumFigures } from '../../modules/commitments/commitment.rules'
import { Collections } from '../../shared/collections'

/**
 * Demo 公开承诺, relative to the day the store is seeded: last month's board of the first branch
 * published and closed (outcomes, one of them overdue, versions, ratings with a reply, the figures kept),
 * and this month's in progress (two plans published with progress, one waiting for the secretary, one
 * draft in the second branch). The secretary shows their phone on their card; nobody else does.
 */

const BRANCH_1 = 'demo-branch-1'
const BRANCH_2 = 'demo-branch-2'
const HOUR = 3600_000
const DAY = 24 * HOUR

interface DemoItem {
  id: string
  category: CommitmentCategory
  text: string
  measure: string
  /** A later version after publication, with its reason. */
  revised?: { text: string; measure: string; reason: string }
  progress?: Array<{ percent: number; note: string }>
  outcome?: { outcome: CommitmentMemberOutcome; evidence: string; reason?: string } | 'overdue'
}

interface DemoPlan {
  openid: string
  name: string
  branchId: string
  status: CommitmentPlanStatus
  items: DemoItem[]
}

interface DemoRating {
  plan: string
  by: { openid: string }
  satisfaction: CommitmentSatisfaction
  comment?: string
  reply?: { by: 'member' | 'secretary'; text: string }
}

const RES = { openid: 'demo-resident-1', name: '赵桂兰' }
const SEC = { openid: 'demo-secretary', name: '王建国' }
const M1 = { openid: 'demo-member-1', name: '李秀英' }
const M2 = { openid: 'demo-member-2', name: '张伟' }
const M3 = { openid: 'demo-member-3', name: '刘洋' }

const LAST_MONTH: readonly DemoPlan[] = [
  {
    openid: SEC.openid,
    name: SEC.name,
    branchId: BRANCH_1,
    status: 'published',
    items: [
      {
        id: 'ls0001',
        category: 'service',
        text: '每周三下午在党群服务中心接待居民来访',
        measure: '接待记录不少于 4 次',
        progress: [{ percent: 50, note: '已接待两次，主要是加装电梯的咨询' }],
        outcome: { outcome: 'kept', evidence: '共接待 5 次，登记问题 12 件，已办结 10 件' },
      },
      {
        id: 'ls0002',
        category: 'study',
        text: '组织一次支部主题党日学习',
        measure: '全体党员参加，有签到和照片',
        outcome: { outcome: 'kept', evidence: '主题党日已开展，到会 18 人' },
      },
    ],
  },
  {
    openid: M1.openid,
    name: M1.name,
    branchId: BRANCH_1,
    status: 'published',
    items: [
      {
        id: 'lm1001',
        category: 'service',
        text: '每周六上午为小区孩子辅导功课',
        measure: '辅导不少于 4 次',
        progress: [{ percent: 75, note: '已辅导三次，来了 6 个孩子' }],
        outcome: { outcome: 'kept', evidence: '辅导 4 次，孩子们的作业都按时完成了' },
      },
      {
        id: 'lm1002',
        category: 'conduct',
        text: '走访 5 户独居老人',
        measure: '每户至少走访一次并记录需求',
        revised: { text: '走访 3 户独居老人', measure: '每户至少走访一次并记录需求', reason: '两户老人去子女家过冬，本月不在小区' },
        outcome: { outcome: 'partial', evidence: '走访了 2 户，记录需求 3 条', reason: '第三户老人住院，未能走访' },
      },
    ],
  },
  {
    openid: M2.openid,
    name: M2.name,
    branchId: BRANCH_1,
    status: 'published',
    items: [
      {
        id: 'lm2001',
        category: 'post',
        text: '网格内楼道杂物清理一遍',
        measure: '网格内 12 个楼道全部清理',
        progress: [{ percent: 40, note: '清理了 5 个楼道' }],
        outcome: { outcome: 'unkept', evidence: '清理了 7 个楼道', reason: '有 5 户不同意清理，已上报物业协调' },
      },
      { id: 'lm2002', category: 'study', text: '学习新修订的社区治理条例', measure: '写一篇学习体会', outcome: 'overdue' },
    ],
  },
]

const LAST_RATINGS: readonly DemoRating[] = [
  { plan: SEC.openid, by: RES, satisfaction: 'satisfied', comment: '王书记接待很耐心，电梯的事有进展了' },
  { plan: M1.openid, by: RES, satisfaction: 'satisfied', comment: '李老师辅导孩子很用心', reply: { by: 'member', text: '谢谢，孩子们都很认真' } },
  { plan: M1.openid, by: M2, satisfaction: 'basic' },
  { plan: M2.openid, by: RES, satisfaction: 'unsatisfied', comment: '楼道还是堆着东西', reply: { by: 'secretary', text: '已和物业约好下周一起上门协调' } },
  { plan: M2.openid, by: M1, satisfaction: 'basic' },
]

const THIS_MONTH: readonly DemoPlan[] = [
  {
    openid: SEC.openid,
    name: SEC.name,
    branchId: BRANCH_1,
    status: 'published',
    items: [
      {
        id: 'ts0001',
        category: 'service',
        text: '推动 3 号楼加装电梯签字工作',
        measure: '全体住户完成意见征询',
        progress: [{ percent: 30, note: '已征询 8 户中的 3 户' }],
      },
      { id: 'ts0002', category: 'post', text: '完成支部党员信息核对', measure: '全体党员信息核对无误' },
    ],
  },
  {
    openid: M1.openid,
    name: M1.name,
    branchId: BRANCH_1,
    status: 'published',
    items: [
      {
        id: 'tm1001',
        category: 'service',
        text: '每周六上午继续为小区孩子辅导功课',
        measure: '辅导不少于 4 次',
        revised: { text: '每周六上午为小区孩子辅导功课并开设书法兴趣课', measure: '辅导不少于 4 次，书法课 2 次', reason: '家长希望增加书法兴趣课' },
        progress: [{ percent: 25, note: '本周辅导了一次，书法课在准备材料' }],
      },
    ],
  },
  {
    openid: M2.openid,
    name: M2.name,
    branchId: BRANCH_1,
    status: 'submitted',
    items: [{ id: 'tm2001', category: 'post', text: '协调物业完成剩余 5 个楼道清理', measure: '12 个楼道全部清理完毕' }],
  },
  {
    openid: M3.openid,
    name: M3.name,
    branchId: BRANCH_2,
    status: 'draft',
    items: [{ id: 'tm3001', category: 'conduct', text: '每月参加一次志愿服务', measure: '志愿服务时长不少于 4 小时' }],
  },
]

const THIS_RATINGS: readonly DemoRating[] = [{ plan: SEC.openid, by: RES, satisfaction: 'satisfied', comment: '加装电梯的事大家都盼着' }]


type Dated = (fraction: number) => Date

function planDoc(p: DemoPlan, month: string, when: Dated, closed: boolean): PlanDoc {
  const createdAt = when(0.02)
  const publishedAt = p.status === 'published' ? when(0.05) : null
  const items: ItemDoc[] = p.items.map((item) => {
    const first = { version: 1, text: item.text, category: item.category, measure: item.measure, reason: null, at: publishedAt ?? createdAt }
    const versions = item.revised
      ? [first, { version: 2, text: item.revised.text, category: item.category, measure: item.revised.measure, reason: item.revised.reason, at: when(0.3) }]
      : [first]
    const progress = (item.progress ?? []).map((g, i) => ({ at: when(0.45 + i * 0.05), percent: g.percent, note: g.note, photos: [] }))
    const outcome =
      item.outcome === undefined
        ? null
        : item.outcome === 'overdue'
          ? { outcome: 'overdue' as const, evidence: '', photos: [], reason: OVERDUE_REASON, at: when(1.2) }
          : { outcome: item.outcome.outcome, evidence: item.outcome.evidence, photos: [], reason: item.outcome.reason ?? null, at: when(0.98) }
    return { itemId: item.id, versions, progress, outcome }
  })
  return {
    _id: planIdOf(month, p.openid),
    openid: p.openid,
    memberKey: memberKeyOf(p.openid),
    branchId: p.branchId,
    month,
    name: p.name,
    status: p.status,
    rev: 1 + items.reduce((n, i) => n + i.versions.length - 1 + i.progress.length + (i.outcome ? 1 : 0), 0),
    frozen: closed,
    items,
    returnReason: null,
    submittedAt: p.status === 'draft' ? null : when(0.03),
    publishedAt,
    updatedAt: when(closed ? 1.2 : 0.5),
    createdAt,
    satisfaction: { ...NO_SATISFACTION },
    figures: null,
  }
}

function ratingDocs(list: readonly DemoRating[], plans: ReadonlyMap<string, PlanDoc>, when: Dated): RatingDoc[] {
  return list.flatMap((r, i) => {
    const plan = plans.get(r.plan)
    if (!plan) return []
    // Counted as `rate` counts them: each rating moves its plan's counts and revision.
    plan.satisfaction[r.satisfaction] += 1
    plan.rev += 1
    const at = when(0.6 + i * 0.05)
    return [
      {
        _id: ratingDocId(plan._id, r.by.openid),
        planId: plan._id,
        branchId: plan.branchId,
        month: plan.month,
        openid: r.by.openid,
        satisfaction: r.satisfaction,
        comment: r.comment ?? null,
        commentHeld: false,
        commentRejected: false,
        replies: r.reply ? [{ at: new Date(at.getTime() + DAY / 2), by: r.reply.by, text: r.reply.text }] : [],
        at,
      },
    ]
  })
}

export interface DemoCommitmentDocs {
  plans: PlanDoc[]
  boards: BoardDoc[]
  ratings: RatingDoc[]
  cards: CardDoc[]
  panels: PanelDoc[]
}

/** The demo commitment documents for a store seeded at `seededAt` (ids and figures by the module's own rules). */
export function demoCommitmentDocs(seededAt: Date): DemoCommitmentDocs {
  const current = beijingMonthOf(seededAt.getTime())
  const last = addMonths(current, -1)
  const lastStart = monthStartMs(last)
  const lastLength = monthStartMs(current) - lastStart
  // Last month's times fall inside it (1.2: the close, early this month); this month's before the seed.
  const lastWhen: Dated = (f) => new Date(Math.min(lastStart + f * lastLength, seededAt.getTime() - HOUR))
  const currentStart = monthStartMs(current)
  const currentWhen: Dated = (f) => new Date(currentStart + f * Math.max(seededAt.getTime() - currentStart - 60_000, 0))

  const lastPlans = new Map(LAST_MONTH.map((p) => [p.openid, planDoc(p, last, lastWhen, true)]))
  const currentPlans = new Map(THIS_MONTH.map((p) => [p.openid, planDoc(p, current, currentWhen, false)]))
  const ratings = [...ratingDocs(LAST_RATINGS, lastPlans, lastWhen), ...ratingDocs(THIS_RATINGS, currentPlans, currentWhen)]
  // The close keeps each member's figures and the branch's sum.
  for (const plan of lastPlans.values()) plan.figures = planFigures(plan.status, plan.items, { ...plan.satisfaction })
  const closedFigures = sumFigures([...lastPlans.values()].map((p) => p.figures ?? planFigures(p.status, p.items, p.satisfaction)))

  const boards: BoardDoc[] = [
    {
      _id: boardIdOf(BRANCH_1, last),
      branchId: BRANCH_1,
      month: last,
      status: 'closed',
      publishedAt: lastWhen(0.06),
      closedAt: lastWhen(1.2),
      figures: closedFigures,
      plans: lastPlans.size,
      updatedAt: lastWhen(1.2),
    },
    {
      _id: boardIdOf(BRANCH_1, current),
      branchId: BRANCH_1,
      month: current,
      status: 'published',
      publishedAt: currentWhen(0.06),
      closedAt: null,
      figures: null,
      plans: 0,
      updatedAt: currentWhen(0.06),
    },
  ]
  const cards: CardDoc[] = [
    { _id: SEC.openid, branchId: BRANCH_1, photo: null, post: '社区党支部书记', phone: '13800138001', showPhone: true, updatedAt: lastWhen(0.01) },
    { _id: M1.openid, branchId: BRANCH_1, photo: null, post: '退休教师 · 四点半课堂志愿者', phone: '13800138002', showPhone: false, updatedAt: lastWhen(0.01) },
  ]
  const panels: PanelDoc[] = [
    {
      _id: BRANCH_1,
      responsibilities: ['宣传贯彻党的路线方针政策', '组织党员学习和志愿服务', '收集居民意见建议并跟踪办理'],
      tasks: ['加装电梯意见征询', '楼道杂物清理', '四点半课堂'],
      process: ['居民提出需求', '支部登记并分派党员', '党员办理并反馈', '居民评议'],
      hotline: '0571-88886666',
      updatedAt: lastWhen(0.01),
    },
  ]
  return { plans: [...lastPlans.values(), ...currentPlans.values()], boards, ratings, cards, panels }
}

type Docs = Record<string, unknown>[]

/** Inserts the demo commitments (called by `seedDemoData` on an empty store). */
export async function seedDemoCommitments(store: { insert(collection: string, docs: Record<string, unknown>[]): Promise<void> }, seededAt = new Date()): Promise<void> {
  const docs = demoCommitmentDocs(seededAt)
  // The documents are typed by the module; the store takes plain records.
  await store.insert(Collections.commitmentPlans, docs.plans as unknown as Docs)
  await store.insert(Collections.commitmentBoards, docs.boards as unknown as Docs)
  await store.insert(Collections.commitmentRatings, docs.ratings as unknown as Docs)
  await store.insert(Collections.commitmentCards, docs.cards as unknown as Docs)
  await store.insert(Collections.commitmentPanels, docs.panels as unknown as Docs)
}
