/**
 * Messages between the host and one function instance (a worker thread). Kept in one file so both
 * sides agree; the worker is bundled separately and must not import anything heavier than this.
 */

/** What the instance is started with; identity is NOT here, it changes per invocation. */
export interface InstanceData {
  functionName: string
  /** Absolute path of the uploaded bundle, `<functionsDir>/<fn>/index.js`. */
  bundlePath: string
  /** The local backend's SDK endpoint, `http://127.0.0.1:<port>/admin`. */
  adminUrl: string
  appId: string
  /** The SDK's requests to `adminUrl` travel over the instance's port instead of loopback HTTP (admin-link.ts). */
  adminLink: boolean
}

/** The fields of the cloud's `context` argument a function might read. */
export interface InvocationContext {
  request_id: string
  function_name: string
  function_version: string
  namespace: string
  memory_limit_in_mb: number
  time_limit_in_ms: number
}

export interface InvokeMessage {
  type: 'invoke'
  id: number
  /** The caller; null for an invocation without a user (a timer trigger). */
  openid: string | null
  /** Already a JSON round trip of what the client sent, as in the cloud. */
  event: unknown
  context: InvocationContext
}

export interface ResultMessage {
  type: 'result'
  id: number
  /** The function's return value as JSON text: the round trip happens in the instance, like the cloud's. */
  json: string
}

export interface ErrorMessage {
  type: 'error'
  id: number
  name: string
  message: string
  stack?: string
}

export type InstanceReply = ResultMessage | ErrorMessage

/** Cold start over: the bundle is loaded (its top level ran) and the instance takes invocations. */
export interface ReadyMessage {
  type: 'ready'
}

/** The bundle threw while loading, or exports no `main`; the instance is useless. */
export interface LoadFailedMessage {
  type: 'load-failed'
  name: string
  message: string
  stack?: string
}

/** An SDK request to the backend's `/admin`, carried over the port (admin-link.ts): what HTTP would carry. */
export interface AdminCallMessage {
  type: 'admin'
  id: number
  /** The request's path with its query, e.g. `/admin?fn=lecture&env=local&seqId=…`. */
  path: string
  contentType: string
  /**
   * A JSON body as the text it is (the SDK writes strings): a small Buffer is a view of Node's shared 8 KB
   * pool, and posting a view clones its whole buffer. A multipart body comes as bytes of its own.
   */
  body: string | Uint8Array
}

/** The backend's answer to an `AdminCallMessage`, as the HTTP answer's content type and body. */
export interface AdminAnswerMessage {
  type: 'admin-answer'
  id: number
  contentType: string
  body: string | Uint8Array
}

export type InstanceMessage = InstanceReply | ReadyMessage | LoadFailedMessage | AdminCallMessage

export function isInstanceMessage(value: unknown): value is InstanceMessage {
  if (typeof value !== 'object' || value === null) return false
  const v = value as { type?: unknown; id?: unknown }
  if (v.type === 'ready' || v.type === 'load-failed') return true
  return (v.type === 'result' || v.type === 'error' || v.type === 'admin') && typeof v.id === 'number'
}

export function isInvokeMessage(value: unknown): value is InvokeMessage {
  if (typeof value !== 'object' || value === null) return false
  const v = value as { type?: unknown; id?: unknown; openid?: unknown }
  return v.type === 'invoke' && typeof v.id === 'number' && (typeof v.openid === 'string' || v.openid === null)
}

export function isAdminAnswerMessage(value: unknown): value is AdminAnswerMessage {
  if (typeof value !== 'object' || value === null) return false
  const v = value as { type?: unknown; id?: unknown }
  return v.type === 'admin-answer' && typeof v.id === 'number'
}
