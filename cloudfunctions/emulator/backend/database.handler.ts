import { randomBytes } from 'crypto'
import type { TransactionGate } from './async-lock'
import { cloneValue } from './clone-document'
import { BackendError, invalidParam, unsupported } from './backend-error'
import { parseStages, runPipeline } from './aggregate-pipeline'
import { duplicateKey } from './collection-store'
import { assertCollectionName, type DocumentStore } from './document-store'
import { isDocId, parseEjsonObject, stringifyEjson, type Doc, type DocId } from './ejson-codec'
import {
  applyUpdate,
  EMPTY_VIEW,
  findDocs,
  isOperatorDocument,
  replaceDocument,
  sameDocument,
  upsertSeed,
  type DocView,
} from './query-engine'
import { optionalArray, optionalBoolean, optionalInteger, optionalString, requiredString, type Params } from './request-params'
import type { TransactionManager } from './transaction-manager'

/**
 * The `database.*` actions of the CloudBase admin protocol, with the request parameters and response
 * field names that @cloudbase/database 1.4.3 (inside wx-server-sdk 4.0.2) sends and reads:
 *
 *   insertDocument      data: EJSON[]                         → data.insertedIds
 *   getDocument         queryType, query, order, offset, limit, projection → data.list: EJSON[]
 *   modifyDocument      queryType, query, data, multi, merge, upsert → data.updated, data.upsert_id
 *   removeDocument      queryType, query, multi               → data.deleted
 *   calculateDocument   query                                 → data.total
 *   aggregateDocuments  stages: [{stageKey, stageValue}]      → data.list: EJSON[]
 *   addCollection       collectionName                        → (no data)
 *   modifyAndReturnDoc  query, data                           → data.updated, data.doc
 *   startTransaction                                          → transactionId (top level)
 *   commitTransaction / abortTransaction   transactionId
 * Every document action may carry `transactionId` (the SDK's transaction runs the ordinary actions).
 * The legacy get/update/deleteDocInTransaction actions are answered too (older SDKs sent them).
 */
export type ResponseBody = Record<string, unknown>

/** Without `limit` the SDK sends 100 and never more than 1000 (docs/local-cloud.md "Queries"); the server agrees. */
export const DEFAULT_LIMIT = 100
export const MAX_LIMIT = 1000

/** How an action writes: directly (under the collection lock) or into a transaction's buffer. */
interface WriteContext {
  readonly view: DocView
  /** All or nothing; a duplicate `_id` fails the whole batch with DATABASE_DUPLICATE_WRITE. */
  insert(docs: Doc[]): Promise<void>
  /** Replaces existing documents by `_id` (one nedb update each; like MongoDB, not atomic across documents). */
  replace(docs: Doc[]): Promise<void>
  remove(ids: DocId[]): Promise<void>
}

type QueryType = 'WHERE' | 'DOC'

/**
 * 32 hex characters, the shape production ids have (docs/local-cloud.md "Documents"): milliseconds, a
 * counter and random bytes, so that natural order (`_id` order in the store) follows insertion order
 * for generated ids, as it roughly does with MongoDB's ObjectIds.
 */
const idRandom = randomBytes(4).toString('hex')
let idCounter = randomBytes(3).readUIntBE(0, 3)
export function newDocId(): string {
  idCounter = (idCounter + 1) % 0x1000000
  return `${Date.now().toString(16).padStart(12, '0')}${idCounter.toString(16).padStart(6, '0')}${idRandom}${randomBytes(3).toString('hex')}`
}

export class DatabaseHandler {
  private readonly actions: Record<string, (params: Params, now: number) => Promise<ResponseBody>> = {
    'database.insertDocument': (p, now) => this.insertDocument(p, now),
    'database.getDocument': (p, now) => this.getDocument(p, now),
    'database.modifyDocument': (p, now) => this.modifyDocument(p, now),
    'database.removeDocument': (p, now) => this.removeDocument(p, now),
    'database.calculateDocument': (p, now) => this.calculateDocument(p, now),
    'database.aggregateDocuments': (p, now) => this.aggregateDocuments(p, now),
    'database.addCollection': (p) => this.addCollection(p),
    'database.modifyAndReturnDoc': (p, now) => this.modifyAndReturnDoc(p, now),
    'database.startTransaction': async () => ({ transactionId: await this.transactions.start() }),
    'database.commitTransaction': async (p) => {
      await this.transactions.commit(requiredString(p, 'transactionId'))
      return {}
    },
    'database.abortTransaction': async (p) => {
      this.transactions.abort(requiredString(p, 'transactionId'))
      return {}
    },
    'database.getInTransaction': (p) => this.legacyGet(p),
    'database.updateDocInTransaction': (p, now) => this.legacyUpdate(p, now),
    'database.deleteDocInTransaction': (p) => this.legacyDelete(p),
  }

  constructor(
    private readonly store: DocumentStore,
    private readonly gate: TransactionGate,
    private readonly transactions: TransactionManager,
  ) {}

  handles(action: string): boolean {
    return action.startsWith('database.')
  }

  handle(action: string, params: Params): Promise<ResponseBody> {
    const run = this.actions[action]
    if (!run) return Promise.reject(unsupported(`action ${action}`, 'INVALID_PARAM'))
    return run(params, Date.now())
  }

  // ---- reads -------------------------------------------------------------------------------------

  private readView(collection: string, transactionId: string | undefined): DocView {
    if (transactionId) return this.transactions.view(transactionId, collection)
    return this.store.get(collection) ?? EMPTY_VIEW
  }

  private async getDocument(params: Params, now: number): Promise<ResponseBody> {
    const collection = assertCollectionName(params.collectionName)
    const { query } = parseQuery(params, now)
    const offset = optionalInteger(params, 'offset') ?? 0
    if (offset < 0) throw invalidParam('offset must not be negative')
    const requested = optionalInteger(params, 'limit')
    if (requested !== undefined && requested < 0) throw invalidParam('limit must not be negative')
    const limit = !requested ? DEFAULT_LIMIT : Math.min(requested, MAX_LIMIT)
    const order = params.order === undefined ? undefined : parseEjsonObject(params.order, 'order', now)
    const projection = params.projection === undefined ? undefined : parseEjsonObject(params.projection, 'projection', now)
    const view = this.readView(collection, optionalString(params, 'transactionId'))
    const rows = await findDocs(view, { query, order, offset, limit, projection })
    return { data: { list: rows.map(stringifyEjson), offset, limit } }
  }

  private async calculateDocument(params: Params, now: number): Promise<ResponseBody> {
    const collection = assertCollectionName(params.collectionName)
    const { query } = parseQuery(params, now)
    const view = this.readView(collection, optionalString(params, 'transactionId'))
    return { data: { total: await view.count(query) } }
  }

  private async aggregateDocuments(params: Params, now: number): Promise<ResponseBody> {
    const collection = assertCollectionName(params.collectionName)
    const pipeline = parseStages(optionalArray(params, 'stages') ?? [], now)
    const rows = await runPipeline(this.store, this.store.get(collection) ?? EMPTY_VIEW, pipeline)
    return { data: { list: rows.map(stringifyEjson) } }
  }

  // ---- writes ------------------------------------------------------------------------------------

  /**
   * Runs `work` with the collection's current state and a way to write. Outside a transaction it waits
   * for the transaction gate (shared) and the collection lock, so conditional updates are race-safe.
   * `create: false` answers `whenMissing` for a collection that does not exist instead of creating it.
   */
  private async write<T>(
    collection: string,
    transactionId: string | undefined,
    create: boolean,
    whenMissing: T,
    work: (ctx: WriteContext) => Promise<T>,
  ): Promise<T> {
    if (transactionId) {
      const tx = transactionId
      const view = this.transactions.view(tx, collection)
      const stage = (docs: Doc[]) => {
        for (const doc of docs) this.transactions.stage(tx, collection, doc._id as DocId, doc)
      }
      return work({
        view,
        insert: async (docs) => {
          const seen = new Set<DocId>()
          for (const doc of docs) {
            const id = doc._id as DocId
            if (seen.has(id) || (await view.get(id))) throw duplicateKey(collection, id)
            seen.add(id)
          }
          stage(docs)
        },
        replace: async (docs) => stage(docs),
        remove: async (ids) => {
          for (const id of ids) this.transactions.stage(tx, collection, id, null)
        },
      })
    }
    return this.gate.runShared(async () => {
      const store = create ? await this.store.ensure(collection) : this.store.get(collection)
      if (!store) return whenMissing
      return store.lock.run(() =>
        work({
          view: store,
          insert: (docs) => store.insert(docs),
          replace: (docs) => store.replace(docs),
          remove: (ids) => store.remove(ids),
        }),
      )
    })
  }

  private async insertDocument(params: Params, now: number): Promise<ResponseBody> {
    const collection = assertCollectionName(params.collectionName)
    const raw = optionalArray(params, 'data')
    if (!raw || raw.length === 0) throw invalidParam('data must be a non-empty array of documents')
    const docs = raw.map((item, index) => {
      const doc = parseEjsonObject(item, `data[${index}]`, now)
      return '_id' in doc ? doc : { _id: newDocId(), ...doc }
    })
    for (const doc of docs) if (!isDocId(doc._id)) throw invalidParam('_id must be a string')
    const ids = await this.write(collection, optionalString(params, 'transactionId'), true, [], async (ctx) => {
      await ctx.insert(docs)
      return docs.map((doc) => doc._id as DocId)
    })
    return { data: { insertedIds: ids } }
  }

  private async modifyDocument(params: Params, now: number): Promise<ResponseBody> {
    const collection = assertCollectionName(params.collectionName)
    const { queryType, query } = parseQuery(params, now)
    if (queryType === 'WHERE' && query === undefined) {
      // Production's answer is undocumented (docs/local-cloud.md "Queries"); touching every document by
      // accident is worse than an explicit refusal. where({}) still updates everything on purpose.
      throw invalidParam('update without where() is refused by the local backend; use where({}) to update every document')
    }
    const data = parseEjsonObject(params.data, 'data', now)
    const merge = optionalBoolean(params, 'merge') ?? true
    const upsert = optionalBoolean(params, 'upsert') ?? false
    const multi = optionalBoolean(params, 'multi') ?? false
    checkUpdateShape(data, merge)

    const result = await this.write(collection, optionalString(params, 'transactionId'), upsert, { updated: 0 }, async (ctx) => {
      const matches = await ctx.view.find(query, { limit: multi ? Infinity : 1 })
      const changed: Doc[] = []
      for (const doc of matches) {
        if (merge) {
          if (applyUpdate(doc, data).modified) changed.push(doc)
          continue
        }
        const next = replaceDocument(doc._id as DocId, data)
        if (!sameDocument(doc, next)) changed.push(next)
      }
      await ctx.replace(changed)
      if (matches.length > 0 || !upsert) return { updated: changed.length }
      const queried = query?._id
      const id = isDocId(queried) ? queried : newDocId()
      const created = merge ? applyUpdate(upsertSeed(query, id), data).doc : replaceDocument(id, data)
      await ctx.insert([created])
      return { updated: 0, upsert_id: id }
    })
    return { data: result }
  }

  private async modifyAndReturnDoc(params: Params, now: number): Promise<ResponseBody> {
    const collection = assertCollectionName(params.collectionName)
    const { query } = parseQuery(params, now)
    const data = parseEjsonObject(params.data, 'data', now)
    checkUpdateShape(data, true)
    const result = await this.write(collection, optionalString(params, 'transactionId'), false, { updated: 0, doc: null }, async (ctx) => {
      const [doc] = await ctx.view.find(query, { limit: 1 })
      if (!doc) return { updated: 0, doc: null }
      const { doc: next, modified } = applyUpdate(doc, data)
      if (modified) await ctx.replace([next])
      return { updated: modified ? 1 : 0, doc: stringifyEjson(next) }
    })
    return { data: result }
  }

  private async removeDocument(params: Params, now: number): Promise<ResponseBody> {
    const collection = assertCollectionName(params.collectionName)
    const { queryType, query } = parseQuery(params, now)
    if (queryType === 'WHERE' && query === undefined) {
      throw invalidParam('remove without where() is refused by the local backend; use where({}) to remove every document')
    }
    const multi = optionalBoolean(params, 'multi') ?? false
    const deleted = await this.write(collection, optionalString(params, 'transactionId'), false, 0, async (ctx) => {
      const ids = (await ctx.view.find(query, { limit: multi ? Infinity : 1 })).map((doc) => doc._id as DocId)
      await ctx.remove(ids)
      return ids.length
    })
    return { data: { deleted } }
  }

  private async addCollection(params: Params): Promise<ResponseBody> {
    const collection = assertCollectionName(params.collectionName)
    if (this.store.has(collection)) {
      throw new BackendError('DATABASE_COLLECTION_ALREADY_EXIST', `collection ${collection} already exists`)
    }
    await this.store.ensure(collection)
    return {}
  }

  // ---- legacy transaction actions (not sent by wx-server-sdk 4.0.2, answered for completeness) ---

  private async legacyGet(params: Params): Promise<ResponseBody> {
    const collection = assertCollectionName(params.collectionName)
    const view = this.transactions.view(requiredString(params, 'transactionId'), collection)
    return { data: stringifyEjson((await view.get(requiredDocId(params))) ?? null) }
  }

  private async legacyUpdate(params: Params, now: number): Promise<ResponseBody> {
    const collection = assertCollectionName(params.collectionName)
    const transactionId = requiredString(params, 'transactionId')
    const id = requiredDocId(params)
    const data = parseEjsonObject(params.data, 'data', now)
    const upsert = optionalBoolean(params, 'upsert') ?? false
    const merge = isOperatorDocument(data)
    checkUpdateShape(data, merge)
    const existing = await this.transactions.view(transactionId, collection).get(id)
    if (!existing) {
      if (!upsert) return { updated: '0', upserted: null }
      const created = merge ? applyUpdate({ _id: id }, data).doc : replaceDocument(id, data)
      this.transactions.stage(transactionId, collection, id, created)
      return { updated: '0', upserted: JSON.stringify([{ _id: id }]) }
    }
    const next = merge ? applyUpdate(cloneValue(existing), data).doc : replaceDocument(id, data)
    const changed = !sameDocument(existing, next)
    if (changed) this.transactions.stage(transactionId, collection, id, next)
    return { updated: changed ? '1' : '0', upserted: null }
  }

  private async legacyDelete(params: Params): Promise<ResponseBody> {
    const collection = assertCollectionName(params.collectionName)
    const transactionId = requiredString(params, 'transactionId')
    const id = requiredDocId(params)
    const existing = await this.transactions.view(transactionId, collection).get(id)
    if (existing) this.transactions.stage(transactionId, collection, id, null)
    return { deleted: existing ? '1' : '0' }
  }
}

function parseQuery(params: Params, now: number): { queryType: QueryType; query: Doc | undefined } {
  const queryType = params.queryType ?? 'WHERE'
  if (queryType !== 'WHERE' && queryType !== 'DOC') throw invalidParam(`unknown queryType ${String(queryType)}`)
  if (params.query === undefined || params.query === '') {
    if (queryType === 'DOC') throw invalidParam('a DOC query needs query: { _id }')
    return { queryType, query: undefined }
  }
  const query = parseEjsonObject(params.query, 'query', now)
  if (queryType === 'DOC' && !isDocId(query._id)) throw invalidParam('a DOC query needs a string or number _id')
  return { queryType, query }
}

function requiredDocId(params: Params): DocId {
  const id = params._id
  if (!isDocId(id)) throw invalidParam('_id is required')
  return id
}

/** `merge` (update) needs operators only; a replacement (set) must have none. */
function checkUpdateShape(data: Doc, merge: boolean): void {
  if (Object.keys(data).length === 0) throw invalidParam('data must not be empty')
  if (merge) {
    const plain = Object.keys(data).find((key) => !key.startsWith('$'))
    if (plain !== undefined) throw invalidParam(`update document needs operators; found plain field "${plain}"`)
  } else if (isOperatorDocument(data)) {
    throw invalidParam('a replacement document must not contain update operators')
  }
}
