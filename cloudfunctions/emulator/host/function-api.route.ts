import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FailEnvelope } from '../../contracts/envelope'
import { CommonErrors } from '../../shared/errors'
import type { FunctionRegistry } from './function-registry'
import { callerTag, type HostLog } from './host-log'
import { readBody, sendJson } from './http-util'
import { identify } from './identity'

/**
 * `POST /api/<fn>`: the H5 stand-in for `wx.cloud.callFunction`. The body is the event; the answer is
 * whatever `main` returned (the function's own envelope). Failures of the call itself — no caller, no
 * such function, unreadable body, a crashed or timed-out instance — are envelopes too, so the client
 * handles every outcome the same way.
 */

export interface FunctionApiOptions {
  registry: FunctionRegistry
  bodyLimitBytes: number
  appId: string
  log: HostLog
}

function failure(code: string, message: string): FailEnvelope {
  return { ok: false, error: { code, message } }
}

export async function handleFunctionCall(
  req: IncomingMessage,
  res: ServerResponse,
  functionName: string,
  options: FunctionApiOptions,
): Promise<void> {
  const requestId = randomUUID()
  const headers = { 'x-request-id': requestId }
  if (req.method !== 'POST') {
    req.resume()
    sendJson(res, 405, failure('COMMON.METHOD_NOT_ALLOWED', '云函数只接受 POST 请求'), { ...headers, allow: 'POST' })
    return
  }

  const identity = identify(req)
  if (identity.kind !== 'signed-in') {
    req.resume()
    const message =
      identity.kind === 'anonymous'
        ? '请先登录（本地开发：打开 /dev/sign-in 选择一位演示用户）'
        : '登录信息无效，请重新登录（本地开发：打开 /dev/sign-in 选择一位演示用户）'
    sendJson(res, 401, failure('AUTH.REQUIRED', message), headers)
    return
  }

  const body = await readBody(req, options.bodyLimitBytes)
  if (body.kind === 'aborted') return
  if (body.kind === 'too-large') {
    const limit = `${Math.round(options.bodyLimitBytes / 1024)} KB`
    sendJson(res, 413, failure('COMMON.INVALID_INPUT', `提交的内容太大（超过 ${limit}），请精简后重试`), {
      ...headers,
      connection: 'close',
    })
    return
  }
  const event = parseEvent(body.text)
  if (event === undefined) {
    sendJson(res, 400, failure('COMMON.INVALID_INPUT', '请求内容必须是 JSON 对象'), headers)
    return
  }
  // As the platform does for calls from the mini-program; the caller is still only trusted from
  // getWXContext(), and routers drop this key before validating input.
  event.userInfo = { appId: options.appId, openId: identity.openid }

  const started = Date.now()
  const outcome = await options.registry.invoke(functionName, identity.openid, event, requestId)
  const ms = Date.now() - started
  options.log.debug(() => `${functionName}.${typeof event.action === 'string' ? event.action.slice(0, 40) : '-'} caller=${callerTag(identity.openid)} ${outcome?.kind ?? 'unknown'} ${ms}ms`)

  if (outcome === undefined) {
    sendJson(
      res,
      404,
      failure('COMMON.UNKNOWN_FUNCTION', `云函数「${functionName.slice(0, 60)}」不存在（本地：确认名称，并运行 npm run build:functions）`),
      headers,
    )
    return
  }
  switch (outcome.kind) {
    case 'result':
      sendJson(res, 200, outcome.json, headers)
      return
    case 'crash':
      // The function's own router answers expected failures; reaching here is a bug or a dead instance.
      // The message (not the event, not the caller) is what a developer needs to find it.
      options.log.error(`云函数 ${functionName} 出错（requestId ${requestId}）：${outcome.name}: ${outcome.message.slice(0, 300)}`)
      if (outcome.stack) options.log.debug(outcome.stack)
      sendJson(res, 500, { ok: false, error: CommonErrors.internal().toBody() }, headers)
      return
    case 'timeout':
      options.log.error(`云函数 ${functionName} 超时（${outcome.timeoutMs} ms，requestId ${requestId}），实例已替换`)
      sendJson(res, 504, failure('COMMON.TIMEOUT', '处理超时，请稍后重试'), headers)
      return
  }
}

/** The event must be a JSON object, as `wx.cloud.callFunction({ data })` sends; an empty body is `{}`. */
function parseEvent(text: string): Record<string, unknown> | undefined {
  if (text.trim() === '') return {}
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}
