import type { ErrorBody } from '@contracts'
import { ErrorState } from '@/components/error-state'
import { SignInHint, shouldOfferSignIn } from './sign-in-hint'

export interface CallErrorViewProps {
  error: ErrorBody
  onRetry?: () => void
  title?: string
  className?: string
}

/** A failed load: the server's message, 重试, and (H5, AUTH.REQUIRED) the way to sign in. */
export function CallErrorView({ error, onRetry, title, className }: CallErrorViewProps) {
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
