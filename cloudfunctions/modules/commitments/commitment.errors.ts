import {
  COMMITMENT_ACTION_LABELS,
  COMMITMENT_PLAN_STATUS_LABELS,
  COMMITMENT_RESULT_DEADLINE_DAY,
  commitmentMonthPhase,
  type CommitmentAction,
  type CommitmentPlanStatus,
} from '../../contracts/rules/commitment.rules'
import { AppError } from '../../shared/errors'
import type { BoardVerdict, CommitmentVerdict, PlanFacts } from './commitment.rules'

const PHASE_HINTS = {
  later: '这个月份还没有开始，请在上个月 1 日以后再来',
  upcoming: '这个月份还没开始：现在只能填写和提交承诺',
  running: '本月还在进行中',
  results: '这个月份已结束，只能晒进度和晒业绩',
  due: `这个月份已过晒业绩截止时间（次月 ${COMMITMENT_RESULT_DEADLINE_DAY} 日），不能再修改`,
} as const

export const CommitmentErrors = {
  notFound: () => new AppError('COMMITMENT.NOT_FOUND', '没有找到这份承诺，可能还没有公示；请从支部的承诺公示栏进入'),
  notOwner: () => new AppError('COMMITMENT.NOT_OWNER', '只有承诺人本人可以修改自己的承诺'),
  ownPlan: () => new AppError('COMMITMENT.OWN_PLAN', '不能评议自己的承诺，请评议其他党员'),
  notInBranch: () => new AppError('COMMITMENT.NOT_IN_BRANCH', '只有本支部的居民和党员可以评议；请先在「我的」页面用邀请码加入支部'),
  wrongState: (status: CommitmentPlanStatus, wanted: string) =>
    new AppError('COMMITMENT.WRONG_STATE', `这份承诺当前为「${COMMITMENT_PLAN_STATUS_LABELS[status]}」，不能${wanted}；请下拉刷新后再看`),
  boardNotPublished: () => new AppError('COMMITMENT.WRONG_STATE', '本支部这个月的承诺公示栏还没有公示，公示后才能评议'),
  wrongPhase: (month: string, nowMs: number, wanted: string) =>
    new AppError('COMMITMENT.WRONG_PHASE', `${PHASE_HINTS[commitmentMonthPhase(month, nowMs)]}，现在不能${wanted}`),
  frozen: () => new AppError('COMMITMENT.FROZEN', '这个月的承诺已结账，内容已冻结，不能再修改'),
  stale: () => new AppError('COMMITMENT.STALE', '这条承诺刚刚已被修改过，请刷新后在最新内容上再改（已填写的内容不会丢失）'),
  hasOutcome: () => new AppError('COMMITMENT.HAS_OUTCOME', '这条承诺已经晒了业绩，不能再修改承诺内容'),
  busy: () => new AppError('COMMITMENT.BUSY', '这份承诺正在被同时修改，请稍后重试'),
  unknownItem: (field: string) =>
    new AppError('COMMON.INVALID_INPUT', '承诺事项不存在，可能已被删除；请刷新后重试', { [field]: '没有找到这条承诺事项，请刷新后重试' }),
  itemNotFound: () => new AppError('COMMITMENT.ITEM_NOT_FOUND', '没有找到这条承诺事项，请刷新后重试', { itemId: '没有找到这条承诺事项，请刷新后重试' }),
  boardAlreadyPublished: () => new AppError('COMMITMENT.WRONG_STATE', '本月的承诺公示栏已经公示过了'),
  boardClosed: () => new AppError('COMMITMENT.WRONG_STATE', '本月已结账，公示栏已冻结'),
  boardEmpty: () => new AppError('COMMITMENT.EMPTY_BOARD', '还没有公示任何党员的承诺：请先在审核队列里公示承诺，再公示本月的公示栏'),
  openItems: (n: number) =>
    new AppError('COMMITMENT.OPEN_ITEMS', `还有 ${n} 条承诺没有晒业绩：等大家都晒完，或到截止时间后系统会自动结账`),
  noMember: () => new AppError('COMMITMENT.NOT_FOUND', '没有找到这个支部，请检查链接是否完整'),
  // Cards, panels and ratings (群众评议).
  textRejected: (field: string) =>
    new AppError('COMMITMENT.TEXT_REJECTED', '内容中含有不适宜公开的内容，请修改后再提交（已填写的内容不会丢失）', { [field]: '请修改后再提交' }),
  ratingNotFound: () => new AppError('COMMITMENT.RATING_NOT_FOUND', '没有找到这条评议，请下拉刷新后再看'),
  notReplier: () => new AppError('AUTH.FORBIDDEN', '只有被评议的党员本人或支部书记可以回复评议'),
  commentDecided: () => new AppError('COMMITMENT.COMMENT_DECIDED', '这条评论已审核过，请下拉刷新后再看'),
  replyLimit: (max: number) => new AppError('COMMITMENT.REPLY_LIMIT', `每条评议最多回复 ${max} 次，还有话说请当面沟通`),
}

/** The refusal for a verdict of `judge` (commitment.rules.ts) on `action`. */
export function refusal(verdict: Exclude<CommitmentVerdict, 'ok'>, p: PlanFacts, action: CommitmentAction, nowMs: number): AppError {
  switch (verdict) {
    case 'notFound':
      return CommitmentErrors.notFound()
    case 'notOwner':
      return CommitmentErrors.notOwner()
    case 'ownPlan':
      return CommitmentErrors.ownPlan()
    case 'notInBranch':
      return CommitmentErrors.notInBranch()
    case 'frozen':
      return CommitmentErrors.frozen()
    case 'wrongState':
      return action === 'rate' && p.status === 'published' ? CommitmentErrors.boardNotPublished() : CommitmentErrors.wrongState(p.status, COMMITMENT_ACTION_LABELS[action])
    case 'wrongPhase':
      return CommitmentErrors.wrongPhase(p.month, nowMs, COMMITMENT_ACTION_LABELS[action])
  }
}

/** The refusal for a verdict of `judgeBoard`. */
export function boardRefusal(verdict: Exclude<BoardVerdict, 'ok'>, action: 'publishBoard' | 'closeMonth', month: string, status: string, openItems: number, nowMs: number): AppError {
  switch (verdict) {
    case 'wrongState':
      return status === 'closed' ? CommitmentErrors.boardClosed() : CommitmentErrors.boardAlreadyPublished()
    case 'wrongPhase':
      return CommitmentErrors.wrongPhase(month, nowMs, action === 'publishBoard' ? '公示本月公示栏' : '结账')
    case 'empty':
      return CommitmentErrors.boardEmpty()
    case 'openItems':
      return CommitmentErrors.openItems(openItems)
  }
}
