import { AppError } from '../../shared/errors'
import { formatBeijing } from '../../shared/time'
import { RATING_THRESHOLD } from '../../contracts/rules/rating.rules'

export const RatingErrors = {
  notPresent: () => new AppError('RATING.NOT_PRESENT', '只有到场签到（或由书记登记到场）的人才能评议这场党课'),
  notStarted: (opensAt: Date) =>
    new AppError('RATING.NOT_STARTED', `党课开始后才能评议，请于 ${formatBeijing(opensAt, 'M月D日 HH:mm')}（北京时间）之后再来`),
  closed: (closedAt: Date) => new AppError('RATING.CLOSED', `评议已于 ${formatBeijing(closedAt, 'M月D日 HH:mm')} 截止`),
  cancelled: () => new AppError('RATING.LECTURE_CANCELLED', '这场党课已取消，无需评议'),
  commentRejected: () => new AppError('RATING.COMMENT_REJECTED', '评语中含有不适宜公开的内容，请修改后再提交', { comment: '请修改评语后再提交' }),
  tooFew: (count: number) =>
    new AppError(
      'RATING.TOO_FEW',
      `目前有 ${count} 人评议，满 ${RATING_THRESHOLD} 人后才显示结果——这样谁也无法从结果推断出某个人的评分`,
    ),
  /** As tooFew, but the window has closed: fewer than 3 ratings count, for good (no "wait for more"). */
  tooFewClosed: (count: number) =>
    new AppError(
      'RATING.TOO_FEW_CLOSED',
      `评议已截止，计入结果的评议只有 ${count} 份，不足 ${RATING_THRESHOLD} 份，不显示结果——这样谁也无法从结果推断出某个人的评分`,
    ),
  ownLecture: () => new AppError('RATING.OWN_LECTURE', '你是这场党课的主讲人，不能为自己评议；评议满 3 人后可以在「评议结果」查看'),
  reviewForbidden: () => new AppError('AUTH.FORBIDDEN', '只有本支部书记可以审核评语'),
  commentChanged: () => new AppError('RATING.COMMENT_CHANGED', '这条评语已被修改或已审核过，请下拉刷新后再看'),
  progressForbidden: () => new AppError('AUTH.FORBIDDEN', '只有本支部书记可以查看谁还没评议'),
  forbidden: () => new AppError('AUTH.FORBIDDEN', '只有本支部书记和主讲人可以查看评议结果'),
}
