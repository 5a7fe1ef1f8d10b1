import { call, errorCode, ok, store, useMemberFunction, type Json } from '../support/integration/member-function'

/**
 * The `member` function end to end: main(event) → real wx-server-sdk → local backend on a temp folder.
 * Identity is set per call through the environment, exactly as the host does for an instance.
 */
useMemberFunction()

async function snapshot(): Promise<string> {
  const branches = await store().find('branches')
  const members = await store().find('members')
  const sort = (rows: Json[]) => [...rows].sort((a, b) => String(a._id).localeCompare(String(b._id)))
  return JSON.stringify({ branches: sort(branches), members: sort(members) })
}

async function branchCounts(id: string): Promise<Json> {
  const [branch] = await store().find('branches', { _id: id })
  return (branch as { counts: Json }).counts
}

const ROLES = {
  secretary: 'demo-secretary',
  otherSecretary: 'demo-secretary-2',
  member: 'demo-member-1',
  otherMember: 'demo-member-3',
  resident: 'demo-resident-1',
  noProfile: 'demo-newcomer',
} as const

describe('member.whoami', () => {
  it('answers AUTH.REQUIRED without a caller', async () => {
    expect(await errorCode(null, { action: 'whoami' })).toBe('AUTH.REQUIRED')
  })

  it('shows a secretary their branch, counts and invite codes', async () => {
    const me = await ok<{ profile: Json; branch: Json; inviteCodes: Json; isAdmin: boolean }>(ROLES.secretary, { action: 'whoami' })
    expect(me.profile).toMatchObject({ openid: 'demo-secretary', role: 'secretary', branchId: 'demo-branch-1' })
    expect(me.branch).toMatchObject({ id: 'demo-branch-1', name: '示范社区第一党支部', counts: { secretary: 1, member: 2, resident: 1 } })
    expect(me.inviteCodes).toEqual({ member: 'DEMOM1', resident: 'DEMOR1' })
    expect(me.isAdmin).toBe(false)
  })

  it.each([ROLES.member, ROLES.resident, ROLES.otherMember])('gives %s their own phone but no invite codes', async (openid) => {
    const me = await ok<{ profile: Json; inviteCodes: unknown }>(openid, { action: 'whoami' })
    expect(me.profile.phone).toMatch(/^1\d{10}$/)
    expect(me.inviteCodes).toBeNull()
  })

  it('answers a person with no record yet with an empty profile', async () => {
    const me = await ok<{ profile: unknown; branch: unknown }>('demo-stranger-1', { action: 'whoami' })
    expect(me).toMatchObject({ openid: 'demo-stranger-1', profile: null, branch: null })
  })

  it('tells an admin they are one', async () => {
    expect((await ok<{ isAdmin: boolean }>('demo-admin', { action: 'whoami' })).isAdmin).toBe(true)
  })
})

describe('member.joinBranch', () => {
  it('refuses a wrong code and writes nothing', async () => {
    const before = await snapshot()
    expect(await errorCode('demo-joiner-0', { action: 'joinBranch', code: 'WRONG9', name: '新居民' })).toBe('MEMBER.INVITE_CODE_INVALID')
    expect(await snapshot()).toBe(before)
  })

  it('needs a name when the person has none on record', async () => {
    expect(await errorCode('demo-joiner-0', { action: 'joinBranch', code: 'DEMOR1' })).toBe('MEMBER.NAME_REQUIRED')
  })

  it('joins a resident with the resident code (case-insensitive) and counts them once', async () => {
    const me = await ok<{ profile: Json; branch: Json }>('demo-joiner-1', { action: 'joinBranch', code: 'demor1', name: '孙玉梅' })
    expect(me.profile).toMatchObject({ name: '孙玉梅', role: 'resident', branchId: 'demo-branch-1' })
    expect(me.branch).toMatchObject({ counts: { secretary: 1, member: 2, resident: 2 } })
  })

  it('refuses a second branch and tells the person which branch they are in', async () => {
    const res = await call('demo-member-1', { action: 'joinBranch', code: 'DEMOM2' })
    expect(res.ok).toBe(false)
    if (!res.ok) {
      expect(res.error.code).toBe('MEMBER.ALREADY_IN_BRANCH')
      expect(res.error.message).toContain('示范社区第一党支部')
    }
  })

  it('lands exactly once when the same person taps join 20 times at once', async () => {
    const before = await branchCounts('demo-branch-2')
    const results = await Promise.all(
      Array.from({ length: 20 }, () => call('demo-joiner-2', { action: 'joinBranch', code: 'DEMOR2', name: '周建华' })),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    for (const r of results) if (!r.ok) expect(r.error.code).toBe('MEMBER.ALREADY_IN_BRANCH')
    expect(await branchCounts('demo-branch-2')).toEqual({ ...before, resident: Number(before.resident) + 1 })
  })
})

describe('member.updateProfile', () => {
  it('changes only the given fields of a member', async () => {
    const before = (await ok<{ profile: Json }>(ROLES.member, { action: 'whoami' })).profile
    const [storedBefore] = await store().find('members', { _id: ROLES.member })
    expect(before).toMatchObject({ name: '李秀英', role: 'member', branchId: 'demo-branch-1' })
    expect([before.phone, before.post]).not.toEqual(['13900001111', '楼栋长'])

    const p = await ok<Json>(ROLES.member, { action: 'updateProfile', phone: '13900001111', post: '楼栋长' })
    expect(p).toEqual({ ...before, phone: '13900001111', post: '楼栋长' })
    // Stored: the two fields and the time of the change; name, avatar, role, branch and join date as they were.
    const [storedAfter] = await store().find('members', { _id: ROLES.member })
    expect(storedAfter).toEqual({ ...storedBefore, phone: '13900001111', post: '楼栋长', updatedAt: expect.any(Date) })
  })

  it('creates a record for someone without a branch, who can then join by name on record', async () => {
    await ok('demo-joiner-3', { action: 'updateProfile', name: '吴晓丽' })
    const me = await ok<{ profile: Json }>('demo-joiner-3', { action: 'joinBranch', code: 'DEMOR2' })
    expect(me.profile).toMatchObject({ name: '吴晓丽', role: 'resident', branchId: 'demo-branch-2' })
  })

  it('refuses a bad phone with a field message and writes nothing', async () => {
    const before = await snapshot()
    const res = await call(ROLES.member, { action: 'updateProfile', phone: '12345' })
    expect(res.ok).toBe(false)
    if (!res.ok) {
      expect(res.error.code).toBe('COMMON.INVALID_INPUT')
      expect(res.error.fields?.phone).toContain('手机号')
    }
    expect(await snapshot()).toBe(before)
  })
})

describe('member.listMembers', () => {
  it('lists the own branch newest first, paginated with a cursor that neither repeats nor skips', async () => {
    const seen: string[] = []
    let cursor: string | undefined
    for (let i = 0; i < 10; i += 1) {
      const page = await ok<{ items: Json[]; nextCursor?: string }>(ROLES.secretary, { action: 'listMembers', limit: 2, ...(cursor ? { cursor } : {}) })
      seen.push(...page.items.map((r) => String(r.openid)))
      for (const row of page.items) expect(row.phone).toMatch(/^1\d{10}$|^$/)
      cursor = page.nextCursor
      if (!cursor) break
    }
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen).toEqual(expect.arrayContaining(['demo-secretary', 'demo-member-1', 'demo-member-2', 'demo-resident-1', 'demo-joiner-1']))
    expect(seen).not.toContain('demo-member-3')
  })

  it('filters by role', async () => {
    const page = await ok<{ items: Json[] }>(ROLES.secretary, { action: 'listMembers', role: 'resident' })
    expect(page.items.map((r) => r.role)).toEqual(page.items.map(() => 'resident'))
    expect(page.items.length).toBeGreaterThanOrEqual(2)
  })

  it('shows another branch secretary only their own branch', async () => {
    const page = await ok<{ items: Json[] }>(ROLES.otherSecretary, { action: 'listMembers' })
    expect(page.items.map((r) => r.openid)).toContain('demo-member-3')
    expect(page.items.map((r) => r.openid)).not.toContain('demo-member-1')
  })

  it.each([
    [ROLES.member, 'AUTH.FORBIDDEN'],
    [ROLES.resident, 'AUTH.FORBIDDEN'],
    [ROLES.noProfile, 'AUTH.NO_PROFILE'],
    [null, 'AUTH.REQUIRED'],
  ])('refuses %s with %s', async (openid, code) => {
    expect(await errorCode(openid, { action: 'listMembers' })).toBe(code)
  })
})

describe('member.setRole', () => {
  it('lets the secretary change a member of their branch and moves the counts', async () => {
    const before = await branchCounts('demo-branch-1')
    const row = await ok<Json>(ROLES.secretary, { action: 'setRole', openid: 'demo-member-2', role: 'resident' })
    expect(row).toMatchObject({ openid: 'demo-member-2', role: 'resident' })
    expect(await branchCounts('demo-branch-1')).toEqual({ ...before, member: Number(before.member) - 1, resident: Number(before.resident) + 1 })
    await ok(ROLES.secretary, { action: 'setRole', openid: 'demo-member-2', role: 'member' })
    expect(await branchCounts('demo-branch-1')).toEqual(before)
  })

  it('does not reach into another branch', async () => {
    const before = await snapshot()
    expect(await errorCode(ROLES.secretary, { action: 'setRole', openid: 'demo-member-3', role: 'resident' })).toBe('MEMBER.NOT_FOUND')
    expect(await errorCode(ROLES.otherSecretary, { action: 'setRole', openid: 'demo-member-1', role: 'secretary' })).toBe('MEMBER.NOT_FOUND')
    expect(await snapshot()).toBe(before)
  })

  it('keeps at least one secretary in a branch', async () => {
    expect(await errorCode(ROLES.secretary, { action: 'setRole', openid: 'demo-secretary', role: 'member' })).toBe('MEMBER.LAST_SECRETARY')
  })

  it.each([
    [ROLES.member, 'AUTH.FORBIDDEN'],
    [ROLES.resident, 'AUTH.FORBIDDEN'],
    [ROLES.otherMember, 'AUTH.FORBIDDEN'],
    [ROLES.noProfile, 'AUTH.NO_PROFILE'],
  ])('refuses %s with %s', async (openid, code) => {
    expect(await errorCode(openid, { action: 'setRole', openid: 'demo-member-2', role: 'secretary' })).toBe(code)
  })
})

describe('member.rotateInviteCode', () => {
  it('replaces the resident code; the old one stops working', async () => {
    const codes = await ok<{ member: string; resident: string }>(ROLES.otherSecretary, { action: 'rotateInviteCode', kind: 'resident' })
    expect(codes.member).toBe('DEMOM2')
    expect(codes.resident).toMatch(/^[A-Z2-9]{6}$/)
    expect(codes.resident).not.toBe('DEMOR2')
    expect(await errorCode('demo-joiner-4', { action: 'joinBranch', code: 'DEMOR2', name: '郑爱华' })).toBe('MEMBER.INVITE_CODE_INVALID')
    const me = await ok<{ profile: Json }>('demo-joiner-4', { action: 'joinBranch', code: codes.resident, name: '郑爱华' })
    expect(me.profile).toMatchObject({ role: 'resident', branchId: 'demo-branch-2' })
  })

  it.each([
    [ROLES.member, 'AUTH.FORBIDDEN'],
    [ROLES.resident, 'AUTH.FORBIDDEN'],
    [ROLES.noProfile, 'AUTH.NO_PROFILE'],
  ])('refuses %s with %s', async (openid, code) => {
    expect(await errorCode(openid, { action: 'rotateInviteCode', kind: 'member' })).toBe(code)
  })
})

describe('member.createBranch', () => {
  it('lets an admin create a branch whose secretary code works once', async () => {
    const created = await ok<{ id: string; inviteCodes: Json; secretaryCode: string }>('demo-admin', { action: 'createBranch', name: '示范社区第三党支部' })
    expect(created.secretaryCode).toMatch(/^[A-Z2-9]{8}$/)
    const racers = ['demo-joiner-5', 'demo-joiner-6', 'demo-joiner-7']
    const results = await Promise.all(racers.map((id, i) => call(id, { action: 'joinBranch', code: created.secretaryCode, name: `书记候选${i}` })))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(await branchCounts(created.id)).toEqual({ secretary: 1, member: 0, resident: 0 })
  })

  it('refuses a second branch of the same name', async () => {
    expect(await errorCode('demo-admin', { action: 'createBranch', name: '示范社区第一党支部' })).toBe('MEMBER.BRANCH_EXISTS')
  })

  it.each([ROLES.secretary, ROLES.member, ROLES.resident, ROLES.noProfile])('refuses %s', async (openid) => {
    expect(await errorCode(openid, { action: 'createBranch', name: '冒名支部' })).toBe('AUTH.FORBIDDEN')
  })
})

describe('member: bad input is refused with COMMON.* and writes nothing', () => {
  const big = '长'.repeat(100 * 1024)
  const cases: Array<[string, unknown, string]> = [
    ['no action', {}, 'COMMON.INVALID_INPUT'],
    ['a non-string action', { action: { $ne: null } }, 'COMMON.INVALID_INPUT'],
    ['an unknown action', { action: 'dropDatabase' }, 'COMMON.UNKNOWN_ACTION'],
    ['an array event', [1, 2], 'COMMON.INVALID_INPUT'],
    ['a null event', null, 'COMMON.INVALID_INPUT'],
    ['whoami with an unknown key', { action: 'whoami', openid: 'demo-secretary' }, 'COMMON.INVALID_INPUT'],
    ['joinBranch with an operator for the code', { action: 'joinBranch', code: { $ne: null }, name: 'x' }, 'COMMON.INVALID_INPUT'],
    ['joinBranch with a 100 KB name', { action: 'joinBranch', code: 'DEMOR1', name: big }, 'COMMON.INVALID_INPUT'],
    ['updateProfile with nothing to change', { action: 'updateProfile' }, 'COMMON.INVALID_INPUT'],
    ['updateProfile with an object name', { action: 'updateProfile', name: { $gt: '' } }, 'COMMON.INVALID_INPUT'],
    ['updateProfile with a 100 KB post', { action: 'updateProfile', post: big }, 'COMMON.INVALID_INPUT'],
    ['updateProfile setting a role', { action: 'updateProfile', role: 'secretary' }, 'COMMON.INVALID_INPUT'],
    ['listMembers with a huge limit', { action: 'listMembers', limit: 100000 }, 'COMMON.INVALID_INPUT'],
    ['listMembers with an operator cursor', { action: 'listMembers', cursor: { $ne: null } }, 'COMMON.INVALID_INPUT'],
    ['setRole with an operator openid', { action: 'setRole', openid: { $ne: null }, role: 'member' }, 'COMMON.INVALID_INPUT'],
    ['setRole with an unknown role', { action: 'setRole', openid: 'demo-member-1', role: 'admin' }, 'COMMON.INVALID_INPUT'],
    ['rotateInviteCode with an unknown kind', { action: 'rotateInviteCode', kind: 'secretary' }, 'COMMON.INVALID_INPUT'],
    ['createBranch with an empty name', { action: 'createBranch', name: '   ' }, 'COMMON.INVALID_INPUT'],
    ['createBranch with a 100 KB name', { action: 'createBranch', name: big }, 'COMMON.INVALID_INPUT'],
    // Unknown keys on every action: a smuggled field must not reach the database.
    ['joinBranch with an unknown key', { action: 'joinBranch', code: 'DEMOR1', name: '孙丽', role: 'secretary' }, 'COMMON.INVALID_INPUT'],
    ['listMembers with an unknown key', { action: 'listMembers', branchId: 'demo-branch-2' }, 'COMMON.INVALID_INPUT'],
    ['setRole with an unknown key', { action: 'setRole', openid: 'demo-member-2', role: 'member', branchId: 'demo-branch-2' }, 'COMMON.INVALID_INPUT'],
    ['rotateInviteCode with an unknown key', { action: 'rotateInviteCode', kind: 'member', code: 'AAAAAA' }, 'COMMON.INVALID_INPUT'],
    ['createBranch with an unknown key', { action: 'createBranch', name: '示范社区第九党支部', secretaryOpenid: 'demo-member-1' }, 'COMMON.INVALID_INPUT'],
  ]

  it.each(cases)('%s', async (_label, event, code) => {
    const before = await snapshot()
    // The secretary and the admin are the callers with the most power; bad input must stop them too.
    for (const caller of [ROLES.secretary, 'demo-admin']) {
      expect(await errorCode(caller, event)).toBe(code)
    }
    expect(await snapshot()).toBe(before)
  })

  it('ignores an identity smuggled in the event', async () => {
    const res = await ok<{ openid: string }>(ROLES.resident, { action: 'whoami', userInfo: { openId: 'demo-secretary' } })
    expect(res.openid).toBe(ROLES.resident)
  })
})

describe('member: every action × every role', () => {
  // Last in the file: the secretary's rotation below changes branch 1's member code.
  type Role = keyof typeof ROLES | 'nobody'
  const who = (role: Role): string | null => (role === 'nobody' ? null : ROLES[role])
  const REFUSED: Array<[string, Role, Json, string]> = [
    ['whoami', 'nobody', { action: 'whoami' }, 'AUTH.REQUIRED'],
    // A 群众 of branch 1 who uses its member code asks to be 党员 instead (join-request.spec.ts).
    ...(['secretary', 'otherSecretary', 'member', 'otherMember'] as const).map(
      (r): [string, Role, Json, string] => ['joinBranch', r, { action: 'joinBranch', code: 'DEMOM1', name: '重复加入' }, 'MEMBER.ALREADY_IN_BRANCH'],
    ),
    ['joinBranch', 'nobody', { action: 'joinBranch', code: 'DEMOM1', name: '无名' }, 'AUTH.REQUIRED'],
    ['updateProfile', 'nobody', { action: 'updateProfile', post: '组长' }, 'AUTH.REQUIRED'],
    ['listMembers', 'otherMember', { action: 'listMembers' }, 'AUTH.FORBIDDEN'],
    ['setRole', 'otherSecretary', { action: 'setRole', openid: 'demo-member-2', role: 'resident' }, 'MEMBER.NOT_FOUND'],
    ['setRole', 'nobody', { action: 'setRole', openid: 'demo-member-2', role: 'resident' }, 'AUTH.REQUIRED'],
    ['rotateInviteCode', 'otherMember', { action: 'rotateInviteCode', kind: 'member' }, 'AUTH.FORBIDDEN'],
    ['rotateInviteCode', 'nobody', { action: 'rotateInviteCode', kind: 'member' }, 'AUTH.REQUIRED'],
    ['createBranch', 'otherSecretary', { action: 'createBranch', name: '冒名支部' }, 'AUTH.FORBIDDEN'],
    ['createBranch', 'otherMember', { action: 'createBranch', name: '冒名支部' }, 'AUTH.FORBIDDEN'],
    ['createBranch', 'nobody', { action: 'createBranch', name: '冒名支部' }, 'AUTH.REQUIRED'],
  ]

  it.each(REFUSED)('%s as %s (%j) is refused with %s and writes nothing', async (_action, role, event, code) => {
    const before = await snapshot()
    expect(await errorCode(who(role), event)).toBe(code)
    expect(await snapshot()).toBe(before)
  })

  it.each(['secretary', 'otherSecretary', 'member', 'otherMember', 'resident', 'noProfile'] as const)('whoami answers %s about themself only', async (role) => {
    const me = await ok<{ openid: string; profile: Json | null }>(ROLES[role], { action: 'whoami' })
    expect(me.openid).toBe(ROLES[role])
    if (me.profile) expect(me.profile.openid).toBe(ROLES[role])
  })

  it.each(['secretary', 'otherSecretary', 'resident', 'otherMember'] as const)('updateProfile lets %s change their own post and nobody else’s', async (role) => {
    const before = (await store().find('members')).filter((m) => m._id !== ROLES[role])
    const p = await ok<Json>(ROLES[role], { action: 'updateProfile', post: '网格员' })
    expect(p).toMatchObject({ openid: ROLES[role], post: '网格员' })
    expect((await store().find('members')).filter((m) => m._id !== ROLES[role])).toEqual(before)
  })

  it('rotateInviteCode lets the branch-1 secretary replace its member code, and only branch 1 changes', async () => {
    const [other] = await store().find('branches', { _id: 'demo-branch-2' })
    const codes = await ok<{ member: string; resident: string }>(ROLES.secretary, { action: 'rotateInviteCode', kind: 'member' })
    expect(codes.member).not.toBe('DEMOM1')
    expect(await errorCode('demo-joiner-8', { action: 'joinBranch', code: 'DEMOM1', name: '钱志强' })).toBe('MEMBER.INVITE_CODE_INVALID')
    expect(await store().find('branches', { _id: 'demo-branch-2' })).toEqual([other])
  })
})
