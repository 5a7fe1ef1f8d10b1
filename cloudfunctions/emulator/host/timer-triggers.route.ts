import type { IncomingMessage, ServerResponse } from 'node:http'
import { CommonErrors } from '../../shared/errors'
import { sendJson } from './http-util'
import type { TimerTriggers } from './timer-triggers'

/**
 * The timer triggers' dev routes (local only, like the other /dev pages): `GET /dev/triggers` lists the
 * declared triggers with their next instant and latest runs; `POST /dev/triggers/<fn>/<name>` fires one
 * now, with the same event and no caller, and answers what the function returned — so tests and a
 * developer need not wait for the schedule.
 */
export const TRIGGERS_PATH = '/dev/triggers'

export async function handleTriggerRequest(req: IncomingMessage, res: ServerResponse, url: URL, triggers: TimerTriggers): Promise<void> {
  const rest = url.pathname.slice(TRIGGERS_PATH.length).replace(/^\/|\/$/g, '')
  if (rest === '') {
    req.resume()
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { ok: false, error: { code: 'COMMON.METHOD_NOT_ALLOWED', message: '这里只接受 GET 请求' } }, { allow: 'GET, HEAD' })
      return
    }
    sendJson(res, 200, triggers.list())
    return
  }
  req.resume()
  if (req.method !== 'POST') {
    sendJson(res, 405, { ok: false, error: { code: 'COMMON.METHOD_NOT_ALLOWED', message: '触发定时任务只接受 POST 请求' } }, { allow: 'POST' })
    return
  }
  const [fn = '', name = '', extra] = rest.split('/').map((part) => safeDecode(part))
  const fired = extra === undefined ? await triggers.fire(fn, name) : undefined
  if (!fired) {
    const message = `没有找到定时触发器「${rest.slice(0, 80)}」（本地：确认函数的 config.json 里声明了它，并运行 npm run build:functions）`
    sendJson(res, 404, { ok: false, error: { code: 'DEV.UNKNOWN_TRIGGER', message } })
    return
  }
  const { run, outcome } = fired
  if (outcome?.kind === 'result') {
    sendJson(res, 200, run.result)
    return
  }
  if (outcome?.kind === 'timeout') {
    sendJson(res, 504, { ok: false, error: { code: 'COMMON.TIMEOUT', message: '处理超时，请稍后重试' } })
    return
  }
  sendJson(res, outcome ? 500 : 404, { ok: false, error: CommonErrors.internal().toBody() })
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}
