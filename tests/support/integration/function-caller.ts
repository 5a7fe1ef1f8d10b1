import type { Envelope } from '../../../cloudfunctions/contracts'
import { seedDemoData } from '../../../cloudfunctions/emulator/seed'
import { startLocalCloud, useCaller, type LocalCloud } from '../local-cloud'

export type Main = (event: unknown, context?: object) => Promise<Envelope<unknown>>

export interface FunctionCaller {
  /** Calls as `openid` (null: nobody signed in) and answers the envelope. */
  call(openid: string | null, event: unknown): Promise<Envelope<unknown>>
  /** Calls and answers `data`, failing the test with the error's code and message otherwise. */
  ok<T = Record<string, unknown>>(openid: string | null, event: unknown): Promise<T>
  /** Calls expecting a refusal; checks the message is Chinese text a person can act on; answers the code. */
  errorCode(openid: string | null, event: unknown): Promise<string>
}

/**
 * Calls a function's `main(event)` in this process as a chosen caller, its queries named as
 * `functionName`'s (docs/local-cloud.md, "Index coverage"). The router reads the caller
 * synchronously before its first await, so starting several calls with different callers back to back
 * is safe, as it is with one request per instance in the cloud.
 */
export function functionCaller(cloud: LocalCloud, functionName: string, main: Main): FunctionCaller {
  const call = (openid: string | null, event: unknown) => {
    useCaller(cloud, openid, functionName)
    return main(event, {})
  }
  return {
    call,
    async ok<T>(openid: string | null, event: unknown): Promise<T> {
      const res = await call(openid, event)
      if (!res.ok) throw new Error(`expected ok, got ${res.error.code}: ${res.error.message}`)
      return res.data as T
    },
    async errorCode(openid: string | null, event: unknown): Promise<string> {
      const res = await call(openid, event)
      if (res.ok) throw new Error(`expected an error, got ${JSON.stringify(res.data).slice(0, 200)}`)
      expect(res.error.message).toMatch(/[\u4e00-\u9fa5]/)
      return res.error.code
    },
  }
}

/** What `seededFunction` gives a support module to re-export: the life-cycle hook and calls on that spec's cloud. */
export interface SeededFunction {
  /** Registers beforeAll/afterAll: a local cloud on a temp folder, seeded with the demo data. */
  use(): void
  store(): LocalCloud['backend']['store']
  call: FunctionCaller['call']
  ok: FunctionCaller['ok']
  errorCode: FunctionCaller['errorCode']
}

/**
 * One function end to end for a spec file: main(event) → real wx-server-sdk → local backend, seeded
 * with the demo branches and people; `setUp` runs once the cloud is up (variables, the SDK's caller).
 */
export function seededFunction(functionName: string, loadMain: () => Main, useName: string, setUp?: (cloud: LocalCloud) => void): SeededFunction {
  let cloud: LocalCloud | undefined
  let caller: FunctionCaller | undefined
  const started = (): { cloud: LocalCloud; caller: FunctionCaller } => {
    if (!cloud || !caller) throw new Error(`call ${useName}() at the top of the spec`)
    return { cloud, caller }
  }
  return {
    use() {
      beforeAll(async () => {
        cloud = await startLocalCloud()
        await seedDemoData(cloud.backend.store)
        setUp?.(cloud)
        caller = functionCaller(cloud, functionName, loadMain())
      })
      afterAll(async () => {
        await cloud?.close()
      })
    },
    store: () => started().cloud.backend.store,
    call: (openid, event) => started().caller.call(openid, event),
    ok: <T>(openid: string | null, event: unknown) => started().caller.ok<T>(openid, event),
    errorCode: (openid, event) => started().caller.errorCode(openid, event),
  }
}
