import type { Role } from '@contracts/rules'

/** Who the person is, as far as the home page's words go. */
export type Standing = { kind: 'none' } | { kind: 'pending'; branchName: string; role: Role | null } | { kind: 'inBranch'; role: Role }

/**
 * What this person can do in the app today, in one sentence for the home page: by role, and for someone
 * whose 党员 request waits, what follows the secretary's confirmation. Only what exists is said.
 */
export function whatYouCanDo(standing: Standing): string {
  switch (standing.kind) {
    case 'none':
      return '现在可以：用支部书记给的邀请码加入支部（群众邀请码立即加入，党员邀请码要等书记确认）。加入后可以看党课、到场扫码签到、签到后评议党课；群众还可以发布微心愿。支部的公开承诺榜谁都可以看。'
    case 'pending':
      return standing.role === 'resident'
        ? `您申请成为党员，正等「${standing.branchName}」书记确认；确认前您仍是群众，可以看党课、扫码签到、评议党课、发布微心愿。确认后还可以认领群众的微心愿、每月写公开承诺。`
        : `您申请以党员身份加入「${standing.branchName}」，正等书记确认。确认后可以看本支部和开放的党课、到场扫码签到、评议党课、认领群众的微心愿、每月写公开承诺。`
    case 'inBranch':
      switch (standing.role) {
        case 'resident':
          return '现在可以：看本支部和开放的党课，到场扫码签到，签到后为党课评议（不记名）；发布微心愿，书记审核后党员会认领、帮您实现；看党员的公开承诺，给他们评议（满意不满意）。'
        case 'member':
          return '现在可以：看本支部和开放的党课，到场扫码签到，签到后为党课评议（不记名）；认领群众的微心愿并帮助实现；每月写公开承诺，晒进度、晒业绩；主讲党课后，在“我的”查看评议结果。'
        case 'secretary':
          return '现在可以：发布党课，开签到大屏，看签到名单、导出台账、看评议结果；管理成员和邀请码，确认党员身份；审核微心愿；审核并公示党员的公开承诺。'
      }
  }
}
