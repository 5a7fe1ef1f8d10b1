import { whatYouCanDo } from '@/features/members/rules/what-you-can-do.rules'

describe('whatYouCanDo', () => {
  it.each([
    ['someone in no branch', { kind: 'none' } as const, ['邀请码加入支部', '党员邀请码要等书记确认'], ['管理成员', '认领']],
    ['a 群众', { kind: 'inBranch', role: 'resident' } as const, ['扫码签到', '发布微心愿', '公开承诺'], ['加入支部', '管理成员', '认领群众']],
    ['a 党员', { kind: 'inBranch', role: 'member' } as const, ['扫码签到', '认领群众的微心愿', '写公开承诺', '查看评议结果'], ['加入支部', '管理成员', '发布党课']],
    ['a secretary', { kind: 'inBranch', role: 'secretary' } as const, ['发布党课', '签到大屏', '管理成员', '确认党员身份', '审核微心愿', '公示党员的公开承诺'], ['加入支部']],
    ['someone waiting to join as 党员', { kind: 'pending', branchName: '第一支部', role: null } as const, ['正等书记确认', '「第一支部」'], ['管理成员']],
    ['a 群众 waiting to be 党员', { kind: 'pending', branchName: '第一支部', role: 'resident' } as const, ['仍是群众', '发布微心愿'], ['管理成员']],
  ])('tells %s what they can do, and nothing they cannot', (_who, standing, says, never) => {
    const text = whatYouCanDo(standing)
    for (const s of says) expect(text).toContain(s)
    for (const n of never) expect(text).not.toContain(n)
  })
})
