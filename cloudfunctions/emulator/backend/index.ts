import { promises as fs } from 'fs'
import type { IncomingMessage, ServerResponse } from 'http'
import path from 'path'
import { binaryAnswer, errorAnswer, jsonAnswer, newRequestId, parseAdminRequest, readBody, sendAnswer, type AdminAnswer } from './admin-protocol'
import { TransactionGate } from './async-lock'
import { unsupported } from './backend-error'
import { DatabaseHandler, newDocId, type ResponseBody } from './database.handler'
import { readDeclaredCollections } from './declared-collections'
import { assertCollectionName, DocumentStore } from './document-store'
import { isPlainObject, normalizeValue, type Doc } from './ejson-codec'
import { OpenApiHandler } from './openapi/openapi.handler'
import { QueryShapeLog, type QueryShape } from './query-shapes'
import type { OutboxMessage } from './openapi/subscribe-message.openapi'
import { FILES_PREFIX, StorageHandler } from './storage.handler'
import { TransactionManager } from './transaction-manager'
import { FUNCTION_PARAM, LOCAL_ENV } from './sdk-environment'

export { applySdkEnvironment, sdkEnvironment, LOCAL_APPID, LOCAL_ENV } from './sdk-environment'
export type { SdkEnvironmentOptions } from './sdk-environment'
export type { OutboxMessage } from './openapi/subscribe-message.openapi'
export type { QueryShape } from './query-shapes'
export type { AdminAnswer } from './admin-protocol'
export { readDeclaredCollections, type DeclaredCollection } from './declared-collections'
export { coverageReport, unservedQueries, type UnservedQuery } from './index-coverage'

/**
 * The local CloudBase-compatible backend (docs/local-cloud.md): what the real wx-server-sdk reaches when the
 * process environment points it here (see sdk-environment.ts). It owns `/admin` (the admin protocol)
 * and `/files/` (storage uploads and downloads); a host mounts it in its own HTTP server.
 *
 * Data lives under `dataDir`: `db/<collection>.db` (one nedb datastore per collection) and
 * `storage/<cloudPath>`. Subscribe messages land in the `_outbox` collection.
 */
export interface LocalBackend {
  /** Handles requests for paths it owns (/admin, storage upload/download paths); returns false for others. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>
  /**
   * An admin request that did not come over HTTP: what a function instance's SDK sent to `/admin` (its
   * path with the query, content type and body), answered with the same bytes HTTP would carry.
   */
  exchange(call: { path: string; contentType: string; body: string | Buffer }): Promise<AdminAnswer>
  /** Direct store access for seeding and developer tools (not used by function code). */
  store: {
    insert(collection: string, docs: Record<string, unknown>[]): Promise<void>
    find(collection: string, query?: Record<string, unknown>): Promise<Record<string, unknown>[]>
    count(collection: string, query?: Record<string, unknown>): Promise<number>
  }
  /**
   * Stores a file a client uploaded (the host's H5 upload route), in the storage folder the SDK's
   * uploads use, answering the same `cloud://<env>.<bucket>/<cloudPath>` fileID.
   */
  putClientFile(cloudPath: string, content: Buffer): Promise<{ kind: 'stored'; fileID: string } | { kind: 'invalidPath' } | { kind: 'exists' }>
  /**
   * The shape of every query received so far (collection, filtered and sorted fields, the function that
   * sent it), for the index-coverage check (index-coverage.ts).
   */
  queryShapes(): Array<QueryShape & { calls: number }>
  /** Messages sent with subscribeMessage.send, newest last. */
  outbox(): Promise<Array<{ touser: string; templateId: string; page?: string; data: unknown; sentAt: Date }>>
  close(): Promise<void>
}

export const ADMIN_PATH = '/admin'
export const OUTBOX_COLLECTION = '_outbox'

export interface BackendOptions {
  dataDir: string
  /** Base URL this backend is reachable at, e.g. http://127.0.0.1:8080 (used for storage URLs). */
  publicUrl: () => string
  /** An unfinished transaction is aborted after this long (default 10 000 ms). */
  transactionTimeoutMs?: number
  /**
   * cloudbaserc.json: its collections are created at start and their unique indexes enforced
   * (declared-collections.ts). Without it, collections appear on first write and only `_id` is unique.
   */
  environmentFile?: string
}

export async function createBackend(opts: BackendOptions): Promise<LocalBackend> {
  const store = await DocumentStore.open(opts.dataDir, opts.environmentFile ? readDeclaredCollections(opts.environmentFile) : [])
  const storageRoot = path.join(opts.dataDir, 'storage')
  await fs.mkdir(storageRoot, { recursive: true })

  const gate = new TransactionGate()
  const transactions = new TransactionManager(store, gate, opts.transactionTimeoutMs)
  const database = new DatabaseHandler(store, gate, transactions)
  const shapes = new QueryShapeLog()
  const storage = new StorageHandler(storageRoot, opts.publicUrl)
  const inFlight = new Set<Promise<unknown>>()
  let closed = false

  /** A write outside the SDK (seeding, outbox): same gate and lock as an ordinary SDK write. */
  async function insertDirect(collection: string, docs: Doc[]): Promise<void> {
    const prepared = docs.map((doc) => {
      const value = normalizeValue(doc)
      if (!isPlainObject(value)) throw new TypeError('documents must be plain objects')
      return typeof value._id === 'string' ? value : { _id: newDocId(), ...value }
    })
    await gate.runShared(async () => {
      const target = await store.ensure(assertCollectionName(collection))
      await target.lock.run(() => target.insert(prepared))
    })
  }

  let outboxSeq = (await store.get(OUTBOX_COLLECTION)?.count(undefined)) ?? 0
  const openapi = new OpenApiHandler(async (message: OutboxMessage) => {
    outboxSeq += 1
    // The id sorts by send time, so the outbox keeps its order across restarts.
    const _id = `${String(message.sentAt.getTime()).padStart(15, '0')}-${String(outboxSeq).padStart(8, '0')}`
    await insertDirect(OUTBOX_COLLECTION, [{ _id, ...message }])
    return outboxSeq
  })

  /**
   * One admin request, whichever way it came (HTTP or an instance's link): `body` as the SDK sent it,
   * `functionName` the `fn` its endpoint carries (sdk-environment.ts), or null.
   */
  async function answerAdmin(contentType: string, body: string | Buffer | Promise<Buffer>, functionName: string | null): Promise<AdminAnswer> {
    const requestId = newRequestId()
    let isOpenApi = false
    try {
      const request = parseAdminRequest(contentType, await body)
      if (request.kind === 'form') {
        isOpenApi = request.action === 'wx.openApi'
        if (!isOpenApi) throw unsupported(`action ${request.action}`, 'INVALID_PARAM')
        return binaryAnswer(await openapi.handle(request.fields))
      }
      const { action, params } = request
      if (action === 'wx.openApi') {
        isOpenApi = true
        throw unsupported('wx.openApi without multipart body', 'INVALID_PARAM')
      }
      let answer: ResponseBody
      if (database.handles(action)) {
        shapes.note(functionName, action, params, Date.now())
        answer = await database.handle(action, params)
      }
      else if (storage.handles(action)) answer = await storage.handle(action, params)
      else throw unsupported(`action ${action}`, 'INVALID_PARAM')
      return jsonAnswer({ requestId, ...answer })
    } catch (err) {
      return errorAnswer(requestId, err, isOpenApi)
    }
  }

  /** The `fn` of an admin path's query (`/admin?fn=lecture&env=…`), or null. */
  function functionOf(rawPath: string): string | null {
    const query = rawPath.indexOf('?')
    return query < 0 ? null : new URLSearchParams(rawPath.slice(query + 1)).get(FUNCTION_PARAM)
  }

  function track<T>(work: Promise<T>): Promise<T> {
    inFlight.add(work)
    const forget = () => inFlight.delete(work)
    work.then(forget, forget)
    return work
  }

  return {
    async handle(req, res) {
      // The path without parsing a URL: this runs for every request the host gets.
      const raw = req.url ?? '/'
      const query = raw.indexOf('?')
      const pathname = query < 0 ? raw : raw.slice(0, query)
      const owned = pathname === ADMIN_PATH || pathname.startsWith(FILES_PREFIX)
      if (!owned) return false
      if (closed) {
        // After close() nothing may reach the files any more: a late write would not be waited for.
        res.statusCode = 503
        res.end('local backend closed')
        return true
      }
      if (pathname === ADMIN_PATH) {
        if (req.method !== 'POST') {
          res.statusCode = 405
          res.end('POST only')
          return true
        }
        sendAnswer(res, await track(answerAdmin(req.headers['content-type'] ?? '', readBody(req), functionOf(raw))))
        return true
      }
      const url = new URL(raw, 'http://local')
      await track(
        storage.serve(req, res, url).catch((err: unknown) => {
          console.error('[local-backend] storage error', err)
          if (!res.headersSent) res.statusCode = 500
          res.end()
        }),
      )
      return true
    },

    exchange(call) {
      if (closed) return Promise.resolve(errorAnswer(newRequestId(), new Error('local backend closed')))
      return track(answerAdmin(call.contentType, call.body, functionOf(call.path)))
    },

    store: {
      insert: (collection, docs) => insertDirect(collection, docs),
      async find(collection, query) {
        const source = store.get(assertCollectionName(collection))
        return source ? source.find(query ? (normalizeValue(query) as Doc) : undefined) : []
      },
      async count(collection, query) {
        const source = store.get(assertCollectionName(collection))
        return source ? source.count(query ? (normalizeValue(query) as Doc) : undefined) : 0
      },
    },

    putClientFile(cloudPath, content) {
      if (closed) return Promise.reject(new Error('local backend closed'))
      return track(storage.putClientFile(cloudPath, content, LOCAL_ENV))
    },

    queryShapes: () => shapes.shapes(),

    async outbox() {
      // The store answers in `_id` order, which is send order (see the outbox id).
      const docs = (await store.get(OUTBOX_COLLECTION)?.find(undefined)) ?? []
      return docs.map(({ _id: _ignored, ...message }) => message as unknown as OutboxMessage)
    },

    async close() {
      if (closed) return
      closed = true
      await Promise.allSettled([...inFlight])
      transactions.abortAll()
      await store.close()
    },
  }
}
