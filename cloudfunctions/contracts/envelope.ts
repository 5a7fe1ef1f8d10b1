/**
 * The envelope every cloud function answers (docs/architecture.md "Contract"). Expected failures are values, not
 * exceptions, so the client can show `message` (Chinese, actionable) and branch on `code`.
 */
export interface OkEnvelope<T> {
  ok: true
  data: T
}

export interface ErrorBody {
  /** `AREA.REASON`, stable across releases; the client branches on it. */
  code: string
  /** Chinese text a person can act on. */
  message: string
  /** Per-field messages for form inputs, keyed by dotted path. */
  fields?: Record<string, string>
}

export interface FailEnvelope {
  ok: false
  error: ErrorBody
}

export type Envelope<T> = OkEnvelope<T> | FailEnvelope
