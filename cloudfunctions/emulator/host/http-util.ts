import type { IncomingMessage, ServerResponse } from 'node:http'

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  send(res, status, typeof body === 'string' ? body : JSON.stringify(body), 'application/json; charset=utf-8', headers)
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  send(res, status, html, 'text/html; charset=utf-8', headers)
}

export function redirect(res: ServerResponse, location: string, headers: Record<string, string> = {}): void {
  res.writeHead(302, { location, 'cache-control': 'no-store', ...headers })
  res.end()
}

function send(res: ServerResponse, status: number, text: string, type: string, headers: Record<string, string>): void {
  const body = Buffer.from(text, 'utf8')
  res.writeHead(status, { 'content-type': type, 'content-length': String(body.length), 'cache-control': 'no-store', ...headers })
  res.end(body)
}

export type BodyResult = { kind: 'ok'; text: string } | { kind: 'too-large' } | { kind: 'aborted' }
export type BytesResult = { kind: 'ok'; bytes: Buffer } | { kind: 'too-large' } | { kind: 'aborted' }

/** Reads a request body as UTF-8 text, up to `limit` bytes (see `readBytes`). */
export async function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const body = await readBytes(req, limit)
  return body.kind === 'ok' ? { kind: 'ok', text: body.bytes.toString('utf8') } : body
}

/**
 * Reads a request body up to `limit` bytes. Past the limit the rest is drained unread (not buffered)
 * so the client still receives the 413 instead of a reset connection.
 */
export function readBytes(req: IncomingMessage, limit: number): Promise<BytesResult> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'])
    let size = 0
    let tooLarge = Number.isFinite(declared) && declared > limit
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return
      size += chunk.length
      if (size > limit) {
        tooLarge = true
        chunks.length = 0
      } else chunks.push(chunk)
    })
    req.on('end', () => resolve(tooLarge ? { kind: 'too-large' } : { kind: 'ok', bytes: Buffer.concat(chunks) }))
    req.on('error', () => resolve({ kind: 'aborted' }))
    // The client went away mid-body: nobody is left to answer.
    req.on('close', () => {
      if (!req.complete) resolve({ kind: 'aborted' })
    })
  })
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)
}
