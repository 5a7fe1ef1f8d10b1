import type {
  ActionName,
  Contracts,
  Envelope,
  ErrorBody,
  FunctionName,
  InputOf,
  OutputOf,
} from '@contracts'
import { networkFailed } from './errors'
import { transport } from './transport'

/** The typed input and answer of one action, e.g. `CallInput<'member','joinBranch'>`. */
export type CallInput<F extends FunctionName, A extends ActionName<F>> = InputOf<Contracts[F][A]>
export type CallOutput<F extends FunctionName, A extends ActionName<F>> = OutputOf<Contracts[F][A]>

/**
 * Call one action of one cloud function. Typed by the contracts: a misspelt function or action, or a
 * wrong input, does not compile. Never throws for expected failures: the answer is the function's
 * envelope, or `NETWORK.FAILED` when the call did not get through or came back as something that is
 * not an envelope.
 */
export async function callCloud<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: CallInput<F, A>,
): Promise<Envelope<CallOutput<F, A>>> {
  let answer: unknown
  try {
    answer = await transport(fn, { ...(input as Record<string, unknown>), action })
  } catch {
    return { ok: false, error: networkFailed() }
  }
  if (isOk(answer)) return { ok: true, data: answer.data as CallOutput<F, A> }
  if (isFail(answer)) return { ok: false, error: normaliseError(answer.error) }
  return { ok: false, error: networkFailed() }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function isOk(v: unknown): v is { ok: true; data: unknown } {
  return isRecord(v) && v.ok === true && 'data' in v
}

function isFail(v: unknown): v is { ok: false; error: Record<string, unknown> } {
  return (
    isRecord(v) &&
    v.ok === false &&
    isRecord(v.error) &&
    typeof v.error.code === 'string' &&
    typeof v.error.message === 'string'
  )
}

function normaliseError(e: Record<string, unknown>): ErrorBody {
  const body: ErrorBody = { code: String(e.code), message: String(e.message) }
  if (isRecord(e.fields)) {
    const fields: Record<string, string> = {}
    for (const [k, v] of Object.entries(e.fields)) if (typeof v === 'string') fields[k] = v
    body.fields = fields
  }
  return body
}
