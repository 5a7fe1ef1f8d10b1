import { types } from 'util'

/**
 * Deep copy of a stored value, rebuilt with THIS realm's constructors.
 *
 * Not `structuredClone`: under Jest the backend runs inside a vm sandbox while `structuredClone` is
 * the host's, so its Dates fail `instanceof Date` in the sandbox — and mingo compares dates with
 * `instanceof`. Values stored here are JSON-like plus Date (RegExp only in queries).
 */
export function cloneValue<T>(value: T): T {
  return copy(value) as T
}

function copy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (types.isDate(value)) return new Date((value as Date).getTime())
  if (types.isRegExp(value)) {
    const re = value as RegExp
    return new RegExp(re.source, re.flags)
  }
  if (Array.isArray(value)) return value.map(copy)
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) out[key] = copy((value as Record<string, unknown>)[key])
  return out
}

/** `instanceof Date` that also recognises Dates made in another realm (vm sandbox, worker). */
export function isDateValue(value: unknown): value is Date {
  return types.isDate(value)
}

export function isRegExpValue(value: unknown): value is RegExp {
  return types.isRegExp(value)
}
