import type { IncomingMessage, ServerResponse } from 'node:http'
import { CommonErrors } from '../../shared/errors'
import { handleDevRequest, type DevDeps } from '../dev/dev.routes'
import { handleFunctionCall, type FunctionApiOptions } from './function-api.route'
import type { HostLog } from './host-log'
import { sendJson } from './http-util'
import { serveH5 } from './static-h5.route'
import { handleStorageUpload, UPLOAD_PATH, type StorageUploadOptions } from './storage-upload.route'
import type { TimerTriggers } from './timer-triggers'
import { handleTriggerRequest, TRIGGERS_PATH } from './timer-triggers.route'

export interface RequestHandlerDeps {
  /** The local backend answers its own paths (the SDK's /admin endpoint, storage) and declines the rest. */
  backend: { handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> }
  dev: DevDeps
  api: FunctionApiOptions
  upload: StorageUploadOptions
  triggers: TimerTriggers
  h5Dir: string
  log: HostLog
}

/**
 * One HTTP server for everything local, routed in this order: the backend (what the SDK inside the
 * functions talks to), `/api/<fn>` and `/storage/upload` (what the H5 app talks to), the dev pages (the timer triggers' among them), and
 * finally the H5 files.
 */
export function createRequestHandler(deps: RequestHandlerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void route(req, res, deps).catch((err: unknown) => {
      const error = err instanceof Error ? err : new Error(String(err))
      deps.log.error(`处理 ${req.method ?? '?'} ${pathOf(req)} 时出错：${error.name}: ${error.message}`)
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: CommonErrors.internal().toBody() })
      else res.destroy()
    })
  }
}

async function route(req: IncomingMessage, res: ServerResponse, deps: RequestHandlerDeps): Promise<void> {
  if (await deps.backend.handle(req, res)) return
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  if (url.pathname.startsWith('/api/')) {
    await handleFunctionCall(req, res, url.pathname.slice('/api/'.length), deps.api)
    return
  }
  if (url.pathname === UPLOAD_PATH) {
    await handleStorageUpload(req, res, url, deps.upload)
    return
  }
  if (url.pathname === TRIGGERS_PATH || url.pathname.startsWith(`${TRIGGERS_PATH}/`)) {
    await handleTriggerRequest(req, res, url, deps.triggers)
    return
  }
  if (url.pathname.startsWith('/dev/') && (await handleDevRequest(req, res, url, deps.dev))) return
  await serveH5(req, res, url, deps.h5Dir)
}

/** The path without the query: queries may carry an openid, and logs keep those at debug level. */
function pathOf(req: IncomingMessage): string {
  return (req.url ?? '/').split('?')[0] ?? '/'
}
