import type { IncomingMessage, ServerResponse } from 'http'
import { randomBytes } from 'crypto'
import { BackendError, invalidParam } from './backend-error'
import { boundaryOf, parseMultipart, type FormFields } from './multipart-parser'
import { isPlainObject } from './ejson-codec'

/**
 * The CloudBase admin protocol as wx-server-sdk 4.0.2 speaks it: every call is
 * `POST /admin?env=..&seqId=..`, JSON `{ action, ...params, envName, … }` — or multipart/form-data for
 * `wx.openApi`. Signature headers are ignored locally. The answer is HTTP 200 with JSON
 * `{ requestId, ...body }`, or `{ requestId, code, message }` for an error (the SDK turns the code into
 * its numbered errors, docs/local-cloud.md "Errors").
 */
const MAX_BODY_BYTES = 20 * 1024 * 1024

export type AdminRequest =
  | { kind: 'json'; action: string; params: Record<string, unknown> }
  | { kind: 'form'; action: string; fields: FormFields }

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  // Plain events rather than `for await`: the async iterator costs more than the small bodies it reads.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer | string) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
      size += buffer.length
      if (size > limit) {
        req.removeAllListeners('data')
        req.resume()
        reject(invalidParam(`request body larger than ${limit} bytes`))
        return
      }
      chunks.push(buffer)
    })
    req.on('end', () => resolve(chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

export async function readAdminRequest(req: IncomingMessage): Promise<AdminRequest> {
  return parseAdminRequest(req.headers['content-type'] ?? '', await readBody(req))
}

/** A request's body as the SDK sent it, over HTTP or an instance's link (docs/local-cloud.md "Function host"). */
export function parseAdminRequest(contentType: string, body: Buffer | string): AdminRequest {
  const size = typeof body === 'string' ? Buffer.byteLength(body) : body.length
  if (size > MAX_BODY_BYTES) throw invalidParam(`request body larger than ${MAX_BODY_BYTES} bytes`)
  if (/^multipart\/form-data/i.test(contentType)) {
    const boundary = boundaryOf(contentType)
    if (!boundary) throw invalidParam('multipart body without boundary')
    const fields = parseMultipart(typeof body === 'string' ? Buffer.from(body) : body, boundary)
    const action = fields.action
    if (typeof action !== 'string' || action === '') throw invalidParam('action is required')
    return { kind: 'form', action, fields }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(typeof body === 'string' ? body : body.toString('utf8'))
  } catch {
    throw invalidParam('request body is not JSON')
  }
  if (!isPlainObject(parsed)) throw invalidParam('request body must be a JSON object')
  const action = parsed.action
  if (typeof action !== 'string' || action === '') throw invalidParam('action is required')
  return { kind: 'json', action, params: parsed }
}

/** Unique per request; a counter after a random prefix (random bytes per request showed in profiles). */
const requestIdPrefix = randomBytes(4).toString('hex')
let requestCounter = 0
export function newRequestId(): string {
  requestCounter += 1
  return `${requestIdPrefix}-${requestCounter.toString(36)}`
}

/** An answer to an admin request: always HTTP 200, the SDK reads success or error from the body. */
export interface AdminAnswer {
  contentType: string
  body: string | Buffer
}

export function jsonAnswer(body: Record<string, unknown>, contentType = 'application/json'): AdminAnswer {
  return { contentType, body: JSON.stringify(body) }
}

export function binaryAnswer(body: Buffer): AdminAnswer {
  return { contentType: 'application/octet-stream', body }
}

/** Error answer. `wx.openApi` errors must say exactly this content type for the SDK to parse them. */
export function errorAnswer(requestId: string, err: unknown, forOpenApi = false): AdminAnswer {
  const known = err instanceof BackendError
  if (!known) console.error('[local-backend] unexpected error', err)
  const code = known ? err.code : 'SYS_ERR'
  const message = err instanceof Error ? err.message : String(err)
  return jsonAnswer({ requestId, code, message }, forOpenApi ? 'application/json; charset=utf-8' : 'application/json')
}

export function sendAnswer(res: ServerResponse, answer: AdminAnswer): void {
  res.statusCode = 200
  res.setHeader('content-type', answer.contentType)
  res.setHeader('content-length', Buffer.byteLength(answer.body))
  res.end(answer.body)
}
