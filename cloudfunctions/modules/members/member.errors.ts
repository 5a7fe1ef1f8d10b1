import { JOIN_REQUEST_STATUS_LABELS, type JoinRequestStatus } from '../../contracts/rules/member.rules'
import { AppError } from '../../shared/errors'

export const MemberErrors = {
  inviteCodeInvalid: () =>
    new AppError('MEMBER.INVITE_CODE_INVALID', '邀请码不正确或已更换，请向支部书记索取最新的邀请码'),
  alreadyInBranch: (branchName: string, same: boolean) =>
    new AppError(
      'MEMBER.ALREADY_IN_BRANCH',
      same ? `你已经是「${branchName}」的成员，无需再次加入` : `你已加入「${branchName}」，如需转到其他支部，请联系现支部书记`,
    ),
  nameRequired: () => new AppError('MEMBER.NAME_REQUIRED', '请先填写姓名', { name: '请填写姓名' }),
  notFound: () => new AppError('MEMBER.NOT_FOUND', '没有找到这位成员，可能已不在本支部，请刷新列表'),
  lastSecretary: () => new AppError('MEMBER.LAST_SECRETARY', '支部至少需要一位书记，请先把其他成员设为书记，再调整自己的角色'),
  branchExists: (name: string) => new AppError('MEMBER.BRANCH_EXISTS', `已有名为「${name}」的支部，请换一个名称`),
  branchMissing: () => new AppError('MEMBER.BRANCH_MISSING', '所在支部不存在或已撤销，请联系管理员'),
  joinPendingElsewhere: (branchName: string) =>
    new AppError(
      'MEMBER.JOIN_PENDING',
      `你已申请以党员身份加入「${branchName}」，正等支部书记确认。如需加入其他支部，请先在“我的”页面撤回这个申请`,
    ),
  joinRequestNotFound: () => new AppError('MEMBER.JOIN_REQUEST_NOT_FOUND', '没有找到这条党员身份申请，可能已被撤回，请刷新列表'),
  joinRequestDecided: (status: JoinRequestStatus) =>
    new AppError('MEMBER.JOIN_REQUEST_DECIDED', `这条申请已经处理过了（${JOIN_REQUEST_STATUS_LABELS[status]}），请刷新列表`),
  joinRequestStale: () =>
    new AppError('MEMBER.JOIN_REQUEST_STALE', '申请人已加入其他支部，不能再确认为本支部党员；请婉拒这条申请'),
  nothingToWithdraw: () => new AppError('MEMBER.NOTHING_TO_WITHDRAW', '没有待确认的申请可以撤回，书记可能已经处理，请下拉刷新'),
  codeExhausted: () => new AppError('MEMBER.CODE_BUSY', '生成邀请码时发生冲突，请稍后重试'),
}
