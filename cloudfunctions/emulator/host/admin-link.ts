import { EventEmitter } from 'node:events'
import http, { type ClientRequest, type IncomingMessage } from 'node:http'
import { Readable } from 'node:stream'
import type { MessagePort } from 'node:worker_threads'
import { isAdminAnswerMessage, type AdminAnswerMessage, type AdminCallMessage } from './function-protocol'

/**
 * Inside an instance: the SDK's requests to the backend's `/admin` travel over the instance's port to
 * the host, which answers them in its own thread, instead of over loopback HTTP (docs/local-cloud.md
 * "Function host"). The SDK builds, signs and reads every request as it would over HTTP; only the hop
 * changes. Anything else the SDK fetches (storage uploads and downloads) still goes over HTTP.
 */
export function linkAdminRequests(adminUrl: string, port: MessagePort): void {
  const waiting = new Map<number, (answer: AdminAnswerMessage) => void>()
  let nextId = 1
  port.on('message', (message: unknown) => {
    if (!isAdminAnswerMessage(message)) return
    const settle = waiting.get(message.id)
    waiting.delete(message.id)
    settle?.(message)
  })
  const call = (path: string, contentType: string, body: string | Uint8Array): Promise<AdminAnswerMessage> =>
    new Promise((resolve) => {
      const id = nextId++
      waiting.set(id, resolve)
      const message: AdminCallMessage = { type: 'admin', id, path, contentType, body }
      port.postMessage(message)
    })

  // The SDK passes its endpoint as a string: `<adminUrl>?fn=…&env=…`.
  const origin = new URL(adminUrl).origin
  const endpoint = `${adminUrl}?`
  const viaHttp = http.request
  http.request = function request(...args: Parameters<typeof http.request>): ClientRequest {
    const [target, options, callback] = args
    if (typeof target !== 'string' || !target.startsWith(endpoint) || options.method?.toUpperCase() !== 'POST' || !callback) return viaHttp(...args)
    const contentType = headerOf(options.headers, 'content-type')
    // The SDK uses only these members of a request (node-sdk request-core): events, write/end, setTimeout.
    return new LinkedRequest(target.slice(origin.length), contentType, call, callback) as unknown as ClientRequest
  } as typeof http.request
}

function headerOf(headers: http.OutgoingHttpHeaders | readonly string[] | undefined, name: string): string {
  if (!headers || isList(headers)) return ''
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name && typeof value === 'string') return value
  return ''
}

function isList(headers: http.OutgoingHttpHeaders | readonly string[]): headers is readonly string[] {
  return Array.isArray(headers)
}

class LinkedRequest extends EventEmitter {
  /** What request-core reads when a request times out. */
  readonly reusedSocket = true
  readonly socket = { connecting: false }
  private readonly chunks: Array<string | Buffer> = []
  private sent = false
  private timer: NodeJS.Timeout | undefined

  constructor(
    private readonly path: string,
    private readonly contentType: string,
    private readonly call: (path: string, contentType: string, body: string | Uint8Array) => Promise<AdminAnswerMessage>,
    private readonly respond: (res: IncomingMessage) => void,
  ) {
    super()
  }

  setTimeout(ms: number): this {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => this.emit('timeout'), ms)
    return this
  }

  write(chunk: string | Buffer): boolean {
    this.chunks.push(chunk)
    return true
  }

  end(chunk?: string | Buffer): this {
    if (chunk !== undefined) this.write(chunk)
    if (this.sent) return this
    this.sent = true
    void this.call(this.path, this.contentType, messageBody(this.chunks)).then((answer) => {
      clearTimeout(this.timer)
      this.respond(incoming(answer))
    })
    return this
  }
}

/** Text stays text; bytes are copied into a buffer of their own (AdminCallMessage.body). */
function messageBody(chunks: ReadonlyArray<string | Buffer>): string | Uint8Array {
  if (chunks.every((chunk) => typeof chunk === 'string')) return chunks.join('')
  return new Uint8Array(Buffer.concat(chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk))))
}

/**
 * The answer as the HTTP response the SDK would have read: status 200, its content type and body. A
 * plain stream with those fields: a real IncomingMessage needs a socket, whose close costs an error object.
 */
function incoming(answer: AdminAnswerMessage): IncomingMessage {
  const body = typeof answer.body === 'string' ? Buffer.from(answer.body) : Buffer.from(answer.body.buffer, answer.body.byteOffset, answer.body.byteLength)
  const res = Object.assign(new Readable({ read() {} }), {
    statusCode: 200,
    headers: { 'content-type': answer.contentType, 'content-length': String(body.length) },
  })
  res.push(body)
  res.push(null)
  // The SDK reads only these members of a response (node-sdk request-core): statusCode, headers, the stream.
  return res as unknown as IncomingMessage
}
