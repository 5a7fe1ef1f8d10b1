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
  codeExhausted: () => new AppError('MEMBER.CODE_BUSY', '生成邀请码时发生冲突，请稍后重试'),
}
