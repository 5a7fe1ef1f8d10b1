import type { ErrorBody } from '@contracts'
import { ErrorState } from '@/components/error-state'
import { isDeadEnd } from './dead-end'
import { NotFoundView } from './not-found-view'
import { SignInHint, shouldOfferSignIn } from './sign-in-hint'

export interface CallErrorViewProps {
  error: ErrorBody
  onRetry?: () => void
  title?: string
  className?: string
}

/**
 * A failed load: the server's message, 重试, and (H5, AUTH.REQUIRED) the way to sign in. A link to
 * something gone or malformed gets no 重试 (it cannot help) but the way back to 首页 / 党课.
 */
export function CallErrorView({ error, onRetry, title, className }: CallErrorViewProps) {
  if (isDeadEnd(error)) {
    const gone = error.code !== 'COMMON.INVALID_INPUT'
    return (
      <NotFoundView
        className={className}
        title={gone ? '没有找到' : '链接不完整'}
        message={gone ? error.message : '这个链接不完整或已失效，打不开对应的内容。请重新打开分享的链接，或从首页、党课列表进入。'}
      />
    )
  }
  const signIn = shouldOfferSignIn(error)
  return (
    <ErrorState
      className={className}
      title={signIn ? '请先登录' : title}
      message={error.message}
      onRetry={onRetry}
    >
      <SignInHint error={error} />
    </ErrorState>
  )
}
