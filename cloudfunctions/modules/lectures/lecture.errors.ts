import { LECTURE_MAX_MINUTES } from '../../contracts/rules/lecture.rules'
import { AppError } from '../../shared/errors'
import { formatBeijing } from '../../shared/time'

export const LectureErrors = {
  notFound: () => new AppError('LECTURE.NOT_FOUND', '没有找到这场党课，可能已被删除或不对你开放'),
  notYourBranch: () => new AppError('LECTURE.OTHER_BRANCH', '只能管理本支部的党课'),
  badTimes: () => new AppError('LECTURE.BAD_TIMES', `结束时间必须晚于开始时间，且一场党课不超过 ${LECTURE_MAX_MINUTES / 60} 小时`, { endAt: '结束时间必须晚于开始时间' }),
  wrongState: (status: string, wanted: string) =>
    new AppError('LECTURE.WRONG_STATE', `这场党课当前为「${statusLabel(status)}」，不能${wanted}`),
  cancelled: () => new AppError('LECTURE.CANCELLED', '这场党课已取消，不能再修改'),
  speakerNotFound: () =>
    new AppError('LECTURE.SPEAKER_NOT_FOUND', '关联的主讲人不是已加入支部的成员；请重新从成员中选择，或取消关联（外请讲师）', {
      'speaker.openid': '关联的主讲人不是已加入支部的成员',
    }),
  speakerNotPartyMember: () =>
    new AppError('LECTURE.SPEAKER_NOT_PARTY_MEMBER', '从成员中关联的主讲人须是党员或书记；群众讲课请只填写姓名，不关联成员', {
      'speaker.openid': '只能关联党员或书记',
    }),
  personNotFound: () => new AppError('LECTURE.PERSON_NOT_FOUND', '没有找到这位成员，请确认对方已加入支部'),
  notRecorded: () => new AppError('ATTENDANCE.NOT_RECORDED', '这位成员没有签到记录，无需移除'),
  guestNotOpen: () => new AppError('ATTENDANCE.GUEST_NOT_OPEN', '本支部党课只登记本支部成员；要登记没有加入支部的来宾，请把党课的受众设为“开放”'),
  guestExists: (name: string) =>
    new AppError('ATTENDANCE.GUEST_EXISTS', `名单里已有来宾「${name}」。如果是同名的另一位，请在姓名后注明单位，例如「${name}（街道办）」；如果是被撤销的记录，请在名单里恢复`, {
      name: '名单里已有这位来宾',
    }),
  forbiddenAttendance: () => new AppError('AUTH.FORBIDDEN', '只有本支部书记和主讲人可以查看签到名单'),
  nameOrderForSecretary: () => new AppError('ATTENDANCE.ORDER_FORBIDDEN', '主讲人看到的签到名单按签到时间排列；按姓名排列只对支部书记开放'),
  badCursor: () =>
    new AppError('COMMON.INVALID_INPUT', '翻页标记与名单的排列方式不符，请刷新名单后重试', { cursor: '翻页标记与名单的排列方式不符' }),
}

export const CheckinErrors = {
  notPublished: () => new AppError('CHECKIN.NOT_PUBLISHED', '这场党课还没有发布，暂时不能签到'),
  cancelled: () => new AppError('CHECKIN.CANCELLED', '这场党课已取消，无需签到'),
  notOpen: (opensAt: Date) =>
    new AppError('CHECKIN.NOT_OPEN', `签到还没开始，将于 ${formatBeijing(opensAt, 'M月D日 HH:mm')}（北京时间）开放，请到时再扫码`),
  closed: () => new AppError('CHECKIN.CLOSED', '签到已结束；如确实到场，请联系支部书记补录'),
  tokenExpired: () => new AppError('CHECKIN.TOKEN_EXPIRED', '二维码已过期，请重新扫描大屏上的二维码'),
  tokenInvalid: () => new AppError('CHECKIN.TOKEN_INVALID', '这个二维码不是本场党课的签到码，请扫描会场大屏上的二维码'),
  audience: (branchName: string) =>
    new AppError('CHECKIN.AUDIENCE', `本场党课仅限「${branchName}」成员参加；欢迎关注其他开放党课`),
  removed: (reason: string | null) =>
    new AppError('CHECKIN.REMOVED', `你的签到已被书记撤销${reason ? `（原因：${reason}）` : ''}，如有疑问请联系支部书记`),
}

function statusLabel(status: string): string {
  return status === 'draft' ? '草稿' : status === 'published' ? '已发布' : status === 'cancelled' ? '已取消' : status
}
