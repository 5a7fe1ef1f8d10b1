import { seededFunction, type Main } from './function-caller'

/**
 * The `member` function end to end, as `lecture-function.ts` is for lectures, with the demo street
 * administrator as ADMIN_OPENIDS. A spec calls `useMemberFunction()` once at its top.
 */
const member = seededFunction(
  'member',
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  () => (require('../../../cloudfunctions/functions/member') as { main: Main }).main,
  'useMemberFunction',
  () => {
    process.env.ADMIN_OPENIDS = 'demo-admin'
  },
)

export const useMemberFunction = member.use
/** The local backend's store, to read or seed what the function wrote. */
export const store = member.store

export type Json = Record<string, unknown>
export const call = member.call
export const ok = <T = Json>(openid: string | null, event: unknown) => member.ok<T>(openid, event)
export const errorCode = member.errorCode
