import { call, errorCode, ok, store, useMemberFunction, type Json } from '../support/integration/member-function'

/**
 * Joining as 党员 waits for the branch secretary: a member code makes a request (one per person), the
 * secretary approves or declines it, the person may withdraw it. The `member` function end to end.
 */
useMemberFunction()

const SEC = 'demo-secretary'
const SEC2 = 'demo-secretary-2'
const MEMBER = 'demo-member-1'
const OTHER = 'demo-member-3'
const RESIDENT = 'demo-resident-1'
const APPLICANT = 'demo-applicant'

interface Me {
  profile: Json | null
  branch: Json | null
  joinRequest: Json | null
  pendingJoinRequests: number | null
}

async function branch(id: string): Promise<{ counts: Json; pendingJoins?: number }> {
  const [doc] = await store().find('branches', { _id: id })
  return doc as { counts: Json; pendingJoins?: number }
}

async function snapshot(): Promise<string> {
  const sort = (rows: Json[]) => [...rows].sort((a, b) => String(a._id).localeCompare(String(b._id)))
  const db = store()
  const [branches, members, requests] = await Promise.all([db.find('branches'), db.find('members'), db.find('join_requests')])
  return JSON.stringify({ branches: sort(branches), members: sort(members), requests: sort(requests) })
}

async function queue(openid: string): Promise<Json[]> {
  return (await ok<{ items: Json[] }>(openid, { action: 'listJoinRequests' })).items
}

describe('member code: a request, not a role', () => {
  it('shows the seeded request to its person and the badge count to their secretary only', async () => {
    const me = await ok<Me>(APPLICANT, { action: 'whoami' })
    expect(me).toMatchObject({ profile: null, branch: null, pendingJoinRequests: null })
    expect(me.joinRequest).toMatchObject({ branchName: '示范社区第一党支部', status: 'pending', reason: '', decidedAt: null })
    expect((await ok<Me>(SEC, { action: 'whoami' })).pendingJoinRequests).toBe(1)
    expect((await ok<Me>(SEC2, { action: 'whoami' })).pendingJoinRequests).toBe(0)
    for (const who of [MEMBER, RESIDENT, OTHER]) expect((await ok<Me>(who, { action: 'whoami' })).pendingJoinRequests).toBeNull()
  })

  it('leaves someone with no branch in no branch until the secretary decides, however often they tap', async () => {
    const before = await branch('demo-branch-2')
    const results = await Promise.all(
      Array.from({ length: 20 }, () => call('demo-asker-1', { action: 'joinBranch', code: 'DEMOM2', name: '周建华' })),
    )
    expect(results.every((r) => r.ok)).toBe(true)
    const me = await ok<Me>('demo-asker-1', { action: 'whoami' })
    expect(me).toMatchObject({ profile: null, branch: null, joinRequest: { status: 'pending', branchName: '示范社区第二党支部' } })
    const after = await branch('demo-branch-2')
    expect(after.counts).toEqual(before.counts)
    expect(after.pendingJoins).toBe((before.pendingJoins ?? 0) + 1)
    expect((await queue(SEC2)).map((r) => r.openid)).toEqual(['demo-asker-1'])
    expect(await store().find('join_requests', { openid: 'demo-asker-1' })).toHaveLength(1)
  })

  it('lets a 群众 of the branch ask to be 党员 with its member code, and keeps them 群众 meanwhile', async () => {
    const me = await ok<Me>(RESIDENT, { action: 'joinBranch', code: 'DEMOM1' })
    expect(me.profile).toMatchObject({ role: 'resident', branchId: 'demo-branch-1' })
    expect(me.joinRequest).toMatchObject({ status: 'pending' })
    expect(await queue(SEC)).toEqual(
      expect.arrayContaining([expect.objectContaining({ openid: RESIDENT, name: '赵桂兰', currentRole: 'resident', phone: expect.stringMatching(/^1\d{10}$/) })]),
    )
  })

  it.each([
    ['a 党员 of the branch', MEMBER],
    ['the secretary', SEC],
    ['another branch’s secretary', SEC2],
    ['another branch’s 党员', OTHER],
  ])('refuses %s and writes nothing', async (_who, openid) => {
    const before = await snapshot()
    expect(await errorCode(openid, { action: 'joinBranch', code: 'DEMOM1', name: '重复加入' })).toBe('MEMBER.ALREADY_IN_BRANCH')
    expect(await snapshot()).toBe(before)
  })

  it('refuses another branch while a request waits, but lets its person join the same branch as 群众 at once', async () => {
    await ok('demo-asker-2', { action: 'joinBranch', code: 'DEMOM1', name: '钱多多' })
    const before = await snapshot()
    const res = await call('demo-asker-2', { action: 'joinBranch', code: 'DEMOR2', name: '钱多多' })
    expect(res).toMatchObject({ ok: false, error: { code: 'MEMBER.JOIN_PENDING' } })
    if (!res.ok) expect(res.error.message).toContain('示范社区第一党支部')
    expect(await snapshot()).toBe(before)

    const me = await ok<Me>('demo-asker-2', { action: 'joinBranch', code: 'DEMOR1', name: '钱多多' })
    expect(me.profile).toMatchObject({ role: 'resident', branchId: 'demo-branch-1', name: '钱多多' })
    expect(me.joinRequest).toMatchObject({ status: 'pending' })
  })
})

describe('member.decideJoinRequest', () => {
  it('approves: the person becomes 党员 of the branch, counted once, and the badge drops', async () => {
    const before = await branch('demo-branch-1')
    const decided = await ok<Json>(SEC, { action: 'decideJoinRequest', openid: APPLICANT, decision: 'approve' })
    expect(decided).toMatchObject({ openid: APPLICANT, status: 'approved', member: { name: '马晓红', role: 'member' } })
    const after = await branch('demo-branch-1')
    expect(after.counts).toEqual({ ...before.counts, member: Number(before.counts.member) + 1 })
    expect(after.pendingJoins).toBe(Number(before.pendingJoins) - 1)
    const me = await ok<Me>(APPLICANT, { action: 'whoami' })
    expect(me).toMatchObject({ profile: { name: '马晓红', role: 'member', branchId: 'demo-branch-1' }, joinRequest: null })
    expect((await queue(SEC)).map((r) => r.openid)).not.toContain(APPLICANT)
  })

  it('approves a 群众 of the branch into 党员 (counts move from one to the other)', async () => {
    const before = await branch('demo-branch-1')
    await ok(SEC, { action: 'decideJoinRequest', openid: RESIDENT, decision: 'approve' })
    const after = await branch('demo-branch-1')
    expect(after.counts).toEqual({ ...before.counts, member: Number(before.counts.member) + 1, resident: Number(before.counts.resident) - 1 })
    expect((await ok<Me>(RESIDENT, { action: 'whoami' })).profile).toMatchObject({ role: 'member' })
  })

  it('declines with a reason the person sees; they stay as they were and may ask again', async () => {
    await ok('demo-asker-3', { action: 'joinBranch', code: 'DEMOM1', name: '孙红' })
    await ok(SEC, { action: 'decideJoinRequest', openid: 'demo-asker-3', decision: 'decline', reason: '请先到支部报到' })
    const me = await ok<Me>('demo-asker-3', { action: 'whoami' })
    expect(me).toMatchObject({ profile: null, branch: null, joinRequest: { status: 'declined', reason: '请先到支部报到', decidedAt: expect.any(String) } })
    await ok('demo-asker-3', { action: 'joinBranch', code: 'DEMOM1', name: '孙红' })
    expect((await ok<Me>('demo-asker-3', { action: 'whoami' })).joinRequest).toMatchObject({ status: 'pending', reason: '' })
  })

  it('gives one outcome when two secretaries (or two taps) decide at once', async () => {
    await ok(SEC, { action: 'setRole', openid: MEMBER, role: 'secretary' })
    await ok('demo-asker-4', { action: 'joinBranch', code: 'DEMOM1', name: '林立' })
    const before = await branch('demo-branch-1')
    const results = await Promise.all([
      call(SEC, { action: 'decideJoinRequest', openid: 'demo-asker-4', decision: 'approve' }),
      call(MEMBER, { action: 'decideJoinRequest', openid: 'demo-asker-4', decision: 'decline' }),
      call(SEC, { action: 'decideJoinRequest', openid: 'demo-asker-4', decision: 'approve' }),
    ])
    const won = results.filter((r) => r.ok)
    expect(won).toHaveLength(1)
    for (const r of results) if (!r.ok) expect(r.error.code).toBe('MEMBER.JOIN_REQUEST_DECIDED')
    const after = await branch('demo-branch-1')
    expect(after.pendingJoins).toBe(Number(before.pendingJoins) - 1)
    const approved = won[0]?.ok && (won[0].data as Json).status === 'approved'
    expect(after.counts).toEqual({ ...before.counts, member: Number(before.counts.member) + (approved ? 1 : 0) })
    await ok(SEC, { action: 'setRole', openid: MEMBER, role: 'member' })
  })

  it('answers another branch’s secretary as if the request did not exist, and writes nothing', async () => {
    await ok('demo-asker-5', { action: 'joinBranch', code: 'DEMOM1', name: '高原' })
    const before = await snapshot()
    for (const decision of ['approve', 'decline']) {
      expect(await errorCode(SEC2, { action: 'decideJoinRequest', openid: 'demo-asker-5', decision })).toBe('MEMBER.JOIN_REQUEST_NOT_FOUND')
    }
    expect((await queue(SEC2)).map((r) => r.openid)).not.toContain('demo-asker-5')
    expect(await snapshot()).toBe(before)
  })

  it.each([
    ['a 党员', MEMBER, 'AUTH.FORBIDDEN'],
    ['a 群众', 'demo-asker-2', 'AUTH.FORBIDDEN'],
    ['another branch’s 党员', OTHER, 'AUTH.FORBIDDEN'],
    ['the applicant', 'demo-asker-5', 'AUTH.NO_PROFILE'],
    ['nobody', null, 'AUTH.REQUIRED'],
  ])('refuses the queue and the decision to %s', async (_who, openid, code) => {
    const before = await snapshot()
    expect(await errorCode(openid, { action: 'listJoinRequests' })).toBe(code)
    expect(await errorCode(openid, { action: 'decideJoinRequest', openid: 'demo-asker-5', decision: 'approve' })).toBe(code)
    expect(await snapshot()).toBe(before)
  })
})

describe('member.withdrawJoinRequest', () => {
  it('takes a pending request back; the secretary can no longer decide it', async () => {
    const before = await branch('demo-branch-1')
    const me = await ok<Me>('demo-asker-5', { action: 'withdrawJoinRequest' })
    expect(me.joinRequest).toBeNull()
    expect((await branch('demo-branch-1')).pendingJoins).toBe(Number(before.pendingJoins) - 1)
    expect(await errorCode(SEC, { action: 'decideJoinRequest', openid: 'demo-asker-5', decision: 'approve' })).toBe('MEMBER.JOIN_REQUEST_DECIDED')
    expect(await errorCode('demo-asker-5', { action: 'withdrawJoinRequest' })).toBe('MEMBER.NOTHING_TO_WITHDRAW')
  })

  it('answers someone with nothing pending plainly, and nobody at all with AUTH.REQUIRED', async () => {
    expect(await errorCode(MEMBER, { action: 'withdrawJoinRequest' })).toBe('MEMBER.NOTHING_TO_WITHDRAW')
    expect(await errorCode(null, { action: 'withdrawJoinRequest' })).toBe('AUTH.REQUIRED')
  })
})

describe('member.listMembers for the speaker picker', () => {
  it('lists only 党员 and secretaries when asked for speakers', async () => {
    const rows = (await ok<{ items: Json[] }>(SEC, { action: 'listMembers', speakers: true, limit: 50 })).items
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.map((r) => r.role).filter((r) => r !== 'member' && r !== 'secretary')).toEqual([])
    const all = (await ok<{ items: Json[] }>(SEC, { action: 'listMembers', limit: 50 })).items
    expect(all.some((r) => r.role === 'resident')).toBe(true)
  })
})
