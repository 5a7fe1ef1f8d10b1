import type { ErrorBody } from '@contracts'

/** Client-side codes: the call did not reach the function, or its answer was not an envelope. */
export const NETWORK_FAILED = 'NETWORK.FAILED'
export const NETWORK_FAILED_MESSAGE = '网络不太好，没有提交成功，请稍后重试'

/** Codes the server uses for "who are you?": the caller is unknown to the host. */
export const AUTH_REQUIRED = 'AUTH.REQUIRED'

export function networkFailed(): ErrorBody {
  return { code: NETWORK_FAILED, message: NETWORK_FAILED_MESSAGE }
}

export function isAuthRequired(error: ErrorBody | null | undefined): boolean {
  return error?.code === AUTH_REQUIRED
}
