import cloud from 'wx-server-sdk'
import { z } from 'zod'
// One locale, imported by path: `z.locales.zhCN` would pull all 40-odd locales into every bundle.
import zhCN from 'zod/v4/locales/zh-CN.cjs'
import type { ContractMap, OutputOf, ParsedInputOf } from '../contracts/define'
import type { Envelope } from '../contracts/envelope'
import { adminOpenids, isInBranch, loadMember, type BranchMemberDoc, type MemberDoc } from './caller'
import { database, type Database } from './db'
import { AppError, CommonErrors, fail } from './errors'

z.config(zhCN())

/**
 * Who may call an action. The router loads the caller's stored record and refuses before the use case
 * runs, so use cases receive a caller of the right shape and never re-check the basics.
 */
export type AuthLevel = 'signedIn' | 'inBranch' | 'partyMember' | 'secretary' | 'admin' | 'timer'

interface BaseContext {
  openid: string
  requestId: string
  now: Date
  db: Database
  isAdmin: boolean
}

/** A timer trigger's invocation: no caller, so no openid and no member record. */
export interface TimerContext {
  requestId: string
  now: Date
  db: Database
  trigger: string
}

export type ContextFor<L extends AuthLevel> = L extends 'timer'
  ? TimerContext
  : BaseContext & (L extends 'signedIn' | 'admin' ? { member: MemberDoc | null } : { member: BranchMemberDoc })

type ActionDefFor<C, L extends AuthLevel> = {
  auth: L
  handle: (input: ParsedInputOf<C>, ctx: ContextFor<L>) => Promise<OutputOf<C>>
  /** Set by `withPreload`: a read started alongside the caller's record. */
  preload?: (input: ParsedInputOf<C>, db: Database) => Promise<unknown>
}

/** What a preloaded action's handler receives besides the caller: the preload's answer. */
const PRELOADED = Symbol('preloaded')
type Preloaded = { [PRELOADED]?: unknown }

/**
 * An action whose first read does not depend on who calls (check-in's lecture): the router starts it
 * together with the caller's record instead of after it — one round trip less at the door, where a
 * queue of people is waiting. Its answer reaches `handle` only once the caller is authorised; a
 * refused caller gets the refusal and nothing the preload read (its failure, too, waits for that).
 */
export function withPreload<C, L extends AuthLevel, P>(def: {
  auth: L
  preload: (input: ParsedInputOf<C>, db: Database) => Promise<P>
  handle: (input: ParsedInputOf<C>, ctx: ContextFor<L>, preloaded: P) => Promise<OutputOf<C>>
}): ActionDefFor<C, L> {
  return {
    auth: def.auth,
    preload: def.preload,
    // The router put the preload's answer under the symbol; only this closure reads it, as the P it is.
    handle: (input, ctx) => def.handle(input, ctx, (ctx as ContextFor<L> & Preloaded)[PRELOADED] as P),
  }
}

export type ActionDef<C> =
  | ActionDefFor<C, 'signedIn'>
  | ActionDefFor<C, 'inBranch'>
  | ActionDefFor<C, 'partyMember'>
  | ActionDefFor<C, 'secretary'>
  | ActionDefFor<C, 'admin'>
  | ActionDefFor<C, 'timer'>

export type Handlers<M extends ContractMap> = { [K in keyof M]: ActionDef<M[K]> }

export interface CloudContext {
  request_id?: string
  requestId?: string
}

type Main = (event: unknown, context?: CloudContext) => Promise<Envelope<unknown>>

/** Keys the platform itself may add to an event; they are not the caller's input. */
const PLATFORM_KEYS = new Set(['action', 'userInfo'])

/**
 * A timer trigger's event (`{ Type: 'Timer', TriggerName, Time }`, declared in the function's config.json)
 * names its action by the trigger's name and carries no input. Anyone can send such an event from the
 * app, but an app call always has an OPENID and a trigger never has: that is what `timer` checks.
 */
function timerTriggerOf(record: Record<string, unknown>): string | null {
  const type = record.Type
  const name = record.TriggerName
  if (typeof type !== 'string' || type.toLowerCase() !== 'timer' || typeof name !== 'string' || 'action' in record) return null
  return name
}

export function createRouter<M extends ContractMap>(fnName: string, contract: M, handlers: Handlers<M>): Main {
  return async function main(event, context) {
    const requestId = context?.request_id ?? context?.requestId ?? `local-${Date.now().toString(36)}`
    try {
      if (typeof event !== 'object' || event === null || Array.isArray(event)) {
        throw CommonErrors.invalidInput({ '': '请求内容必须是一个对象' })
      }
      const record = event as Record<string, unknown>
      const trigger = timerTriggerOf(record)
      const actionName = trigger ?? record.action
      if (typeof actionName !== 'string' || actionName.length === 0) {
        throw CommonErrors.invalidInput({ action: '缺少操作名称' })
      }
      if (!Object.prototype.hasOwnProperty.call(contract, actionName)) {
        throw CommonErrors.unknownAction(actionName)
      }
      const entry = contract[actionName as keyof M]
      const def = handlers[actionName as keyof M]
      if (!entry || !def) throw CommonErrors.unknownAction(actionName)

      // Identity comes from the cloud context only, never from the event (docs/architecture.md "Contract").
      const openid = cloud.getWXContext().OPENID
      const hasCaller = typeof openid === 'string' && openid.length > 0
      if (def.auth === 'timer' || trigger !== null) {
        if (def.auth !== 'timer' || trigger === null || hasCaller) throw CommonErrors.forbidden('这项操作（仅限定时任务）')
        const parsed = entry.input.safeParse({})
        if (!parsed.success) throw CommonErrors.invalidInput(fieldsOf(parsed.error))
        const ctx: TimerContext = { requestId, now: new Date(), db: database(), trigger }
        return { ok: true, data: await def.handle(parsed.data as ParsedInputOf<M[keyof M]>, ctx) }
      }
      if (!hasCaller) throw CommonErrors.authRequired()

      const raw: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(record)) if (!PLATFORM_KEYS.has(k)) raw[k] = v
      const parsed = entry.input.safeParse(raw)
      if (!parsed.success) throw CommonErrors.invalidInput(fieldsOf(parsed.error))

      const db = database()
      const isAdmin = adminOpenids().has(openid)
      // The schema above is the action's own, so the parsed data is its input (as in dispatch).
      const preload = def.preload?.(parsed.data as ParsedInputOf<M[keyof M]>, db)
      // Awaited only after authorisation; until then a failure must not surface as unhandled.
      preload?.catch(() => undefined)
      // One read per request: every level needs the stored record (whoami shows it, the rest check it).
      const member = await loadMember(db, openid)
      const base: BaseContext = { openid, requestId, now: new Date(), db, isAdmin }
      const data = await dispatch(def, parsed.data, base, member, preload)
      return { ok: true, data }
    } catch (err) {
      if (err instanceof AppError) return fail(err.toBody())
      // Unexpected: log with the request id for the console, answer without the stack (docs/architecture.md "Contract").
      console.error(`[${fnName}] ${requestId} unexpected error`, err)
      return fail(CommonErrors.internal().toBody())
    }
  }
}

async function dispatch<C>(
  def: ActionDef<C>,
  input: unknown,
  base: BaseContext,
  member: MemberDoc | null,
  preload: Promise<unknown> | undefined,
): Promise<OutputOf<C>> {
  const parsedInput = input as ParsedInputOf<C>
  // Called once the caller passed the check of `def.auth`.
  const withPreloaded = async <X extends BaseContext>(ctx: X): Promise<X & Preloaded> => (preload ? { ...ctx, [PRELOADED]: await preload } : ctx)
  switch (def.auth) {
    case 'timer':
      // Answered in the router before any caller is loaded; a caller never reaches a timer action.
      throw CommonErrors.forbidden('这项操作（仅限定时任务）')
    case 'signedIn':
      return def.handle(parsedInput, await withPreloaded({ ...base, member }))
    case 'admin':
      if (!base.isAdmin) throw CommonErrors.forbidden('这项操作（仅限管理员）')
      return def.handle(parsedInput, await withPreloaded({ ...base, member }))
    case 'inBranch':
      return def.handle(parsedInput, await withPreloaded({ ...base, member: requireBranch(member) }))
    case 'partyMember': {
      const m = requireBranch(member)
      if (m.role === 'resident') throw CommonErrors.forbidden('这项操作（仅限党员）')
      return def.handle(parsedInput, await withPreloaded({ ...base, member: m }))
    }
    case 'secretary': {
      const m = requireBranch(member)
      if (m.role !== 'secretary') throw CommonErrors.forbidden('这项操作（仅限支部书记）')
      return def.handle(parsedInput, await withPreloaded({ ...base, member: m }))
    }
  }
}

function requireBranch(member: MemberDoc | null): BranchMemberDoc {
  if (member === null) throw CommonErrors.noProfile()
  if (!isInBranch(member)) throw CommonErrors.notInBranch()
  return member
}

/** Zod issues as `{ dotted.path: 中文提示 }`, one per field, for forms to show beside the input. */
export function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.')
    if (fields[path] !== undefined) continue
    fields[path] = messageOf(issue)
  }
  return fields
}

function messageOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    // People read these messages: no key, type or option names in them (the app never sends an unknown key).
    case 'unrecognized_keys':
      return '含有不支持的内容，请升级小程序后重试'
    case 'invalid_type':
      return issue.input === undefined ? '此项必填' : '格式不正确'
    case 'invalid_value':
      return '不是可选的值'
    case 'too_big':
      return issue.origin === 'string' ? `内容太长，最多 ${String(issue.maximum)} 个字` : `不能大于 ${String(issue.maximum)}`
    case 'too_small':
      return issue.origin === 'string' ? issue.message : `不能小于 ${String(issue.minimum)}`
    default:
      return issue.message
  }
}
