import type { ErrorBody } from '@contracts'
import { ErrorNote } from '@/components/error-note'
import { SignInHint } from './sign-in-hint'

export interface CallErrorNoteProps {
  /** Nothing is shown without one. */
  error: ErrorBody | null | undefined
  className?: string
}

/** A refused call under a form that keeps what was entered: the server's message and (H5, AUTH.REQUIRED) the way to sign in. */
export function CallErrorNote({ error, className }: CallErrorNoteProps) {
  if (!error) return null
  return (
    <ErrorNote className={className} message={error.message}>
      <SignInHint error={error} />
    </ErrorNote>
  )
}
