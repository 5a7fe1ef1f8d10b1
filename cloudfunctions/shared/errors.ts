import { fieldLabel } from './field-labels'
import type { ErrorBody, FailEnvelope } from '../contracts/envelope'

/**
 * An expected failure: the router turns it into `{ ok: false, error }`. Anything else thrown is a bug
 * and is answered as COMMON.INTERNAL without its stack.
 */
export class AppError extends Error {
  readonly code: string
  readonly fields?: Record<string, string>

  constructor(code: string, message: string, fields?: Record<string, string>) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.fields = fields
  }

  toBody(): ErrorBody {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message }
  }
}

export function fail(body: ErrorBody): FailEnvelope {
  return { ok: false, error: body }
}

/** Codes shared by every function. Feature codes live beside their feature. */
export const CommonErrors = {
  invalidInput: (fields?: Record<string, string>) =>
    new AppError('COMMON.INVALID_INPUT', firstMessage(fields) ?? '提交的内容格式不正确，请检查后重试', fields),
  unknownAction: (action: string) =>
    new AppError('COMMON.UNKNOWN_ACTION', `不支持的操作「${action.slice(0, 40)}」，请升级小程序后重试`),
  authRequired: () => new AppError('AUTH.REQUIRED', '请先登录后再操作'),
  noProfile: () => new AppError('AUTH.NO_PROFILE', '请先在「我的」页面用邀请码加入支部'),
  notInBranch: () => new AppError('AUTH.NOT_IN_BRANCH', '请先在「我的」页面用邀请码加入支部'),
  forbidden: (what = '这项操作') => new AppError('AUTH.FORBIDDEN', `你没有权限进行${what}，如有需要请联系支部书记`),
  otherBranch: () => new AppError('AUTH.OTHER_BRANCH', '只能管理本支部的内容'),
  internal: () => new AppError('COMMON.INTERNAL', '服务暂时出了点问题，请稍后重试'),
}

function firstMessage(fields?: Record<string, string>): string | undefined {
  if (!fields) return undefined
  const first = Object.entries(fields)[0]
  if (!first) return undefined
  const [path, message] = first
  // Named as a person calls it, never by its key; a message that already names it stands alone.
  const label = fieldLabel(path)
  return label && !message.includes(label) ? `${label}：${message}` : message
}
