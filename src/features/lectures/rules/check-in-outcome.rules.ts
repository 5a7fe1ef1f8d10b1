import type { ErrorBody } from '@contracts'
import { NETWORK_FAILED } from '@/services/cloud/errors'

/**
 * What the check-in page says after a refusal, and what it offers to do next. The server's message is
 * shown as it is (it already says what to do); a few codes get a clearer title and the one button that
 * helps. A failed network call says plainly that nothing was recorded.
 */
export type CheckInNextStep =
  /** Send the same code again (network, a server hiccup, not open yet). */
  | 'retry'
  /** Scan the display again (the code expired or is not this lecture's); or look at the lecture. */
  | 'rescan'
  /** Join a branch on 我的 first. */
  | 'join'
  /** H5: choose who you are on the sign-in page. */
  | 'signIn'
  /** Nothing to do here: look at the other lectures. */
  | 'lectures'

export interface CheckInFailureView {
  title: string
  message: string
  next: CheckInNextStep
}

export const CHECKIN_NETWORK_MESSAGE = '没有签到成功（网络问题），请重试'
export const CHECKIN_EXPIRED_MESSAGE = '二维码已过期，请重新扫描大屏上的二维码'
export const CHECKIN_JOIN_MESSAGE = '你还没有加入支部，加入后才能签到。请在下面填写姓名和支部书记给的邀请码，加入后接着为你签到。'
/** Joined from this page, but the code scanned before joining has changed since. */
export const CHECKIN_JOINED_RESCAN_TITLE = '已加入支部，请重新扫码签到'
export const CHECKIN_JOINED_RESCAN_MESSAGE = '你扫的二维码在加入支部时已经更换。请扫描会场大屏上正在显示的二维码完成签到。'

/**
 * Someone whose request to join as 党员 waits for the secretary is not in a branch yet, and a check-in
 * needs one (docs/architecture.md "Check-in", audience): what they can do at the door.
 */
export function pendingJoinCheckInMessage(branchName: string): string {
  return `你申请以党员身份加入「${branchName}」，书记确认后才能签到。书记在会场的话，请他在“我的 → 党员身份确认”里确认，然后重新扫描大屏上的二维码；也可以散会后请书记为你补录签到。`
}

/**
 * Under a code that has to be scanned again: where to aim, and how, on each platform (in WeChat the
 * page's 重新扫码 opens the scanner; in a browser the phone's camera does).
 */
export function rescanHint(platform: string | undefined): string {
  return platform === 'weapp'
    ? '大屏上的二维码会定时更换。请对准会场大屏，点「重新扫码」扫描正在显示的二维码。'
    : '大屏上的二维码会定时更换。请用手机相机或微信“扫一扫”对准会场大屏，重新扫描正在显示的二维码。'
}

export function describeCheckInFailure(error: ErrorBody): CheckInFailureView {
  switch (error.code) {
    case NETWORK_FAILED:
      return { title: '签到没有完成', message: CHECKIN_NETWORK_MESSAGE, next: 'retry' }
    case 'COMMON.INTERNAL':
      return { title: '签到没有完成', message: `没有签到成功：${error.message}`, next: 'retry' }
    case 'CHECKIN.TOKEN_EXPIRED':
      // The server's sentence already says 二维码已过期: the title says what it means for the person.
      return { title: '这次没有签到成功', message: error.message || CHECKIN_EXPIRED_MESSAGE, next: 'rescan' }
    case 'CHECKIN.TOKEN_INVALID':
      return { title: '不是本场的签到码', message: error.message, next: 'rescan' }
    case 'CHECKIN.NOT_OPEN':
      return { title: '签到还没开始', message: error.message, next: 'retry' }
    case 'CHECKIN.CLOSED':
      return { title: '签到已结束', message: error.message, next: 'lectures' }
    case 'CHECKIN.AUDIENCE':
      return { title: '本场党课不对外开放', message: error.message, next: 'lectures' }
    case 'CHECKIN.REMOVED':
      return { title: '签到已被撤销', message: error.message, next: 'lectures' }
    case 'CHECKIN.CANCELLED':
      return { title: '党课已取消', message: error.message, next: 'lectures' }
    case 'CHECKIN.NOT_PUBLISHED':
      return { title: '党课还没发布', message: error.message, next: 'lectures' }
    case 'LECTURE.NOT_FOUND':
      return { title: '没有找到这场党课', message: error.message, next: 'lectures' }
    case 'AUTH.NO_PROFILE':
    case 'AUTH.NOT_IN_BRANCH':
      return { title: '请先加入支部', message: CHECKIN_JOIN_MESSAGE, next: 'join' }
    case 'AUTH.REQUIRED':
      return { title: '请先登录', message: error.message, next: 'signIn' }
    case 'COMMON.INVALID_INPUT':
      return { title: '二维码内容不正确', message: error.message, next: 'rescan' }
    default:
      return { title: '没有签到成功', message: error.message, next: 'retry' }
  }
}
