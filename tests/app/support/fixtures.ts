import type { BranchSummary, MemberRow, Profile, Role, WhoamiOutput } from '@contracts'

export const branch: BranchSummary = {
  id: 'branch-1',
  name: '幸福里社区第一党支部',
  counts: { secretary: 1, member: 12, resident: 30 },
}

export function profile(role: Role | null, over: Partial<Profile> = {}): Profile {
  return {
    openid: 'demo-wang',
    name: '王建国',
    phone: '13800138000',
    post: '社区党委委员',
    avatar: '',
    role,
    branchId: role ? branch.id : null,
    joinedAt: role ? '2026-03-01T02:00:00.000Z' : null,
    ...over,
  }
}

export function whoamiAs(role: Role): WhoamiOutput {
  return {
    openid: 'demo-wang',
    profile: profile(role),
    branch,
    inviteCodes: role === 'secretary' ? { member: 'DEMOM1', resident: 'DEMOR1' } : null,
    isAdmin: false,
  }
}

export const guest: WhoamiOutput = { openid: 'demo-guest', profile: null, branch: null, inviteCodes: null, isAdmin: false }

export function memberRows(n: number, start = 0): MemberRow[] {
  return Array.from({ length: n }, (_, i) => ({
    openid: `demo-u${start + i}`,
    name: `成员${start + i}`,
    phone: `1390000${String(1000 + start + i)}`,
    post: '',
    avatar: '',
    role: 'member' as const,
    joinedAt: '2026-05-01T01:00:00.000Z',
  }))
}
