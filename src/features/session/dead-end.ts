import type { ErrorBody } from '@contracts'

/** What a link can point at that may be gone or never was: answered as not found by its function. */
const GONE = new Set(['LECTURE.NOT_FOUND', 'WISH.NOT_FOUND'])
/** Input keys that come from a link (a shared page, a scanned code), not from anything typed. */
const LINK_KEYS = ['lectureId', 'wishId', 'id']

/**
 * A failed load that 重试 cannot mend: the thing is gone, or the link's id is malformed. The page then
 * offers a way back instead.
 */
export function isDeadEnd(error: ErrorBody): boolean {
  if (GONE.has(error.code)) return true
  return error.code === 'COMMON.INVALID_INPUT' && LINK_KEYS.some((k) => error.fields?.[k] !== undefined)
}
