import { seedDemoData } from '../../../cloudfunctions/emulator/seed'
import { startLocalCloud, type LocalCloud } from '../local-cloud'
import { functionCaller, type FunctionCaller } from './function-caller'

/**
 * The `member` function end to end, as `lecture-function.ts` is for lectures: main(event) → real
 * wx-server-sdk → local backend on a temp folder, seeded with the demo branches and people, with the
 * demo street administrator as ADMIN_OPENIDS. A spec calls `useMemberFunction()` once at its top.
 */
let cloud: LocalCloud | undefined
let member: FunctionCaller | undefined

export function useMemberFunction(): void {
  beforeAll(async () => {
    cloud = await startLocalCloud()
    await seedDemoData(cloud.backend.store)
    process.env.ADMIN_OPENIDS = 'demo-admin'
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    member = functionCaller(cloud, 'member', require('../../../cloudfunctions/functions/member').main)
  })
  afterAll(async () => {
    await cloud?.close()
  })
}

function started(): { cloud: LocalCloud; member: FunctionCaller } {
  if (!cloud || !member) throw new Error('call useMemberFunction() at the top of the spec')
  return { cloud, member }
}

/** The local backend's store, to read or seed what the function wrote. */
export const store = () => started().cloud.backend.store

export type Json = Record<string, unknown>
export const call = (openid: string | null, event: unknown) => started().member.call(openid, event)
export const ok = <T = Json>(openid: string | null, event: unknown) => started().member.ok<T>(openid, event)
export const errorCode = (openid: string | null, event: unknown) => started().member.errorCode(openid, event)
