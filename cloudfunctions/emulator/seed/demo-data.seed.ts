import type { Role } from '../../contracts/rules/member.rules'
import { Collections } from '../../shared/collections'
import { seedDemoCommitments } from './demo-commitments.seed'
import { seedDemoWishes } from './demo-wishes.seed'

/**
 * The demo world a fresh local host starts with. Openids and invite codes are fixed because e2e tests,
 * scripts and the dev sign-in page refer to them by value; names, posts and phones are realistic so
 * screens look like they will in a community, but they are made up.
 */

export const DEMO_BRANCH_IDS = {
  first: 'demo-branch-1',
  second: 'demo-branch-2',
} as const

export const DEMO_INVITE_CODES = {
  [DEMO_BRANCH_IDS.first]: { member: 'DEMOM1', resident: 'DEMOR1' },
  [DEMO_BRANCH_IDS.second]: { member: 'DEMOM2', resident: 'DEMOR2' },
} as const

export const DEMO_OPENIDS = {
  secretary: 'demo-secretary',
  member1: 'demo-member-1',
  member2: 'demo-member-2',
  resident1: 'demo-resident-1',
  secretary2: 'demo-secretary-2',
  member3: 'demo-member-3',
  newcomer: 'demo-newcomer',
  admin: 'demo-admin',
} as const

/** The street administrator: a console setting (ADMIN_OPENIDS), not a member of any branch. */
export const DEMO_ADMIN_OPENIDS: readonly string[] = [DEMO_OPENIDS.admin]

export interface DemoBranch {
  id: string
  name: string
}

export const DEMO_BRANCHES: readonly DemoBranch[] = [
  { id: DEMO_BRANCH_IDS.first, name: '示范社区第一党支部' },
  { id: DEMO_BRANCH_IDS.second, name: '示范社区第二党支部' },
]

/** Someone a developer or a test can act as. `role`/`branchId` are null for people with no member record. */
export interface DemoPerson {
  openid: string
  name: string
  role: Role | null
  branchId: string | null
  post: string
  phone: string
  /** Shown on the sign-in page so a developer knows what this person is for. */
  note: string
  isAdmin: boolean
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    openid: DEMO_OPENIDS.secretary,
    name: '王建国',
    role: 'secretary',
    branchId: DEMO_BRANCH_IDS.first,
    post: '社区党支部书记',
    phone: '13800138001',
    note: '发布党课、审核心愿、查看台账',
    isAdmin: false,
  },
  {
    openid: DEMO_OPENIDS.member1,
    name: '李秀英',
    role: 'member',
    branchId: DEMO_BRANCH_IDS.first,
    post: '退休教师',
    phone: '13800138002',
    note: '签到、评议、认领心愿、写承诺',
    isAdmin: false,
  },
  {
    openid: DEMO_OPENIDS.member2,
    name: '张伟',
    role: 'member',
    branchId: DEMO_BRANCH_IDS.first,
    post: '社区网格员',
    phone: '13800138003',
    note: '签到、评议、认领心愿、写承诺',
    isAdmin: false,
  },
  {
    openid: DEMO_OPENIDS.resident1,
    name: '赵桂兰',
    role: 'resident',
    branchId: DEMO_BRANCH_IDS.first,
    post: '社区居民',
    phone: '13800138004',
    note: '发布微心愿、确认心愿完成',
    isAdmin: false,
  },
  {
    openid: DEMO_OPENIDS.secretary2,
    name: '陈志强',
    role: 'secretary',
    branchId: DEMO_BRANCH_IDS.second,
    post: '社区党支部书记',
    phone: '13800138005',
    note: '另一个支部的书记（验证不能管理别的支部）',
    isAdmin: false,
  },
  {
    openid: DEMO_OPENIDS.member3,
    name: '刘洋',
    role: 'member',
    branchId: DEMO_BRANCH_IDS.second,
    post: '物业公司职员',
    phone: '13800138006',
    note: '另一个支部的党员（可旁听开放式党课）',
    isAdmin: false,
  },
  {
    openid: DEMO_OPENIDS.newcomer,
    name: '孙丽',
    role: null,
    branchId: null,
    post: '',
    phone: '',
    note: '新用户，尚未加入支部（可用邀请码加入）',
    isAdmin: false,
  },
  {
    openid: DEMO_OPENIDS.admin,
    name: '周敏',
    role: null,
    branchId: null,
    post: '街道党工委',
    phone: '',
    note: '街道管理员（ADMIN_OPENIDS），可创建支部',
    isAdmin: true,
  },
]

/** The subset of the local store the seed needs; the backend's store satisfies it. */
export interface SeedStore {
  insert(collection: string, docs: Record<string, unknown>[]): Promise<void>
  count(collection: string, query?: Record<string, unknown>): Promise<number>
}

// Fixed dates keep the demo data identical from one fresh start to the next (and in screenshots).
const BRANCHES_CREATED_AT = new Date('2025-01-06T01:30:00.000Z')
const MEMBERS_JOINED_AT = new Date('2025-01-08T02:00:00.000Z')

export function demoBranchDocs(): Record<string, unknown>[] {
  return DEMO_BRANCHES.map((branch) => {
    const people = DEMO_PEOPLE.filter((p) => p.branchId === branch.id)
    // Counts are kept on the branch document (docs/architecture.md "Rules that hold everywhere"), so they
    // must agree with the members seeded.
    const counts: Record<Role, number> = { secretary: 0, member: 0, resident: 0 }
    for (const person of people) if (person.role) counts[person.role] += 1
    return {
      _id: branch.id,
      name: branch.name,
      inviteCodes: { ...DEMO_INVITE_CODES[branch.id as keyof typeof DEMO_INVITE_CODES] },
      secretaryCode: null,
      counts,
      createdAt: BRANCHES_CREATED_AT,
      createdBy: DEMO_OPENIDS.admin,
    }
  })
}

export function demoMemberDocs(): Record<string, unknown>[] {
  return DEMO_PEOPLE.flatMap((person) =>
    person.role && person.branchId
      ? [
          {
            _id: person.openid,
            openid: person.openid,
            name: person.name,
            phone: person.phone,
            post: person.post,
            avatar: '',
            role: person.role,
            branchId: person.branchId,
            joinedAt: MEMBERS_JOINED_AT,
            updatedAt: MEMBERS_JOINED_AT,
          },
        ]
      : [],
  )
}

/**
 * Inserts the demo world into an empty store and leaves a used one alone, so a developer's own data
 * survives restarts and the demo is never inserted twice. Returns whether it seeded.
 */
export async function seedDemoData(store: SeedStore): Promise<boolean> {
  const existing = (await store.count(Collections.branches)) + (await store.count(Collections.members))
  if (existing > 0) return false
  await store.insert(Collections.branches, demoBranchDocs())
  await store.insert(Collections.members, demoMemberDocs())
  await seedDemoWishes(store)
  await seedDemoCommitments(store)
  return true
}
