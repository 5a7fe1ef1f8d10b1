import {
  WISH_ACTION_LABELS,
  WISH_ACTIVE_CLAIMS_MAX,
  WISH_CONFIRM_DAYS,
  WISH_OPEN_PER_BENEFICIARY,
  WISH_STATUS_LABELS,
  wishConfirmOnBehalfFrom,
  type WishAction,
  type WishStatus,
} from '../../contracts/rules/wish.rules'
import { AppError } from '../../shared/errors'
import { formatBeijing } from '../../shared/time'
import type { WishFacts, WishVerdict } from './wish.rules'

export const WishErrors = {
  notFound: () => new AppError('WISH.NOT_FOUND', '没有找到这个心愿，可能已撤回或不对你开放'),
  wrongState: (status: WishStatus, wanted: string) =>
    new AppError('WISH.WRONG_STATE', `这个心愿当前为「${WISH_STATUS_LABELS[status]}」，不能${wanted}`),
  alreadyClaimed: () => new AppError('WISH.ALREADY_CLAIMED', '这个心愿已被认领，看看其他心愿吧'),
  claimLimit: () =>
    new AppError('WISH.CLAIM_LIMIT', `你已认领 ${WISH_ACTIVE_CLAIMS_MAX} 个心愿，完成或交还其中一个后再认领`),
  openLimit: () =>
    new AppError('WISH.OPEN_LIMIT', `这位心愿人已有 ${WISH_OPEN_PER_BENEFICIARY} 个未完成的心愿，完成或撤回后再发布`),
  ownWish: () => new AppError('WISH.OWN_WISH', '这是你登记的心愿，不能自己认领；请等待其他党员认领'),
  notPoster: () => new AppError('WISH.NOT_POSTER', '只有发布（或代录）这个心愿的人可以这样做'),
  notClaimer: () => new AppError('WISH.NOT_CLAIMER', '只有这个心愿的认领人可以这样做；如已交还或被释放，请重新认领'),
  onBehalfRequired: () =>
    new AppError('WISH.ON_BEHALF_REQUIRED', '党员和书记请以「代录」方式为没有手机的群众登记心愿，并填写心愿人姓名', {
      'onBehalfOf.name': '请填写心愿人姓名',
    }),
  onBehalfForbidden: () => new AppError('WISH.ON_BEHALF_FORBIDDEN', '代录只能由党员或书记进行；请为自己发布心愿'),
  tooEarly: (from: Date) =>
    new AppError('WISH.TOO_EARLY', `完成满 ${WISH_CONFIRM_DAYS} 天仍未确认才能代为确认，请于 ${formatBeijing(from, 'M月D日 HH:mm')}（北京时间）之后再来`),
  textRejected: (field: string) =>
    new AppError('WISH.TEXT_REJECTED', '内容中含有不适宜公开的内容，请修改后再提交（已填写的内容不会丢失）', { [field]: '请修改后再提交' }),
  textDecided: () => new AppError('WISH.TEXT_DECIDED', '这段内容已审核过或已不存在，请下拉刷新后再看'),
}

/** The refusal for a verdict of `judge` (wish.rules.ts) on `action`. */
export function refusal(verdict: Exclude<WishVerdict, 'ok'>, w: WishFacts, action: WishAction): AppError {
  switch (verdict) {
    case 'notFound':
      return WishErrors.notFound()
    case 'wrongState':
      return WishErrors.wrongState(w.status, WISH_ACTION_LABELS[action])
    case 'alreadyClaimed':
      return WishErrors.alreadyClaimed()
    case 'notPoster':
      return WishErrors.notPoster()
    case 'notClaimer':
      return WishErrors.notClaimer()
    case 'ownWish':
      return WishErrors.ownWish()
    case 'tooEarly':
      return WishErrors.tooEarly(new Date(wishConfirmOnBehalfFrom(w.fulfilledAtMs ?? 0)))
  }
}
