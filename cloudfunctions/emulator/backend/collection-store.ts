import Datastore from '@seald-io/nedb'
import Index from '@seald-io/nedb/lib/indexes'
import { getDotValues } from '@seald-io/nedb/lib/model'
import { Mutex } from './async-lock'
import { BackendError, invalidParam } from './backend-error'
import { isRegExpValue } from './clone-document'
import { appendThroughOpenFile, type DataFileAppender } from './data-file-appender'
import { isPlainObject, type Doc, type DocId } from './ejson-codec'
import { compileMatcher, type DocView, type Page } from './query-engine'

/**
 * One collection: a `@seald-io/nedb` Datastore with its own data file. nedb is the store — it keeps the
 * documents (and its unique `_id` index), answers the reads and persists the writes; this class only
 * adapts it to MongoDB semantics and to the backend's rules.
 *
 * Durability: nedb runs every operation of a datastore in order through one queue, and a write resolves
 * after its line was appended to the file (write(2) returned, see data-file-appender.ts: the data is in
 * the OS page cache and survives `kill -9` of this process; there is no fsync per write, so not a power
 * cut). A read is
 * queued behind the writes before it, so it answers only what is already on disk. nedb changes its
 * memory just before the append: if an append FAILS (disk full), memory keeps the write that was refused.
 *
 * Reads: a query's scalar equalities, top-level or in a top-level `$and` (and `_id: { $in }`), go to nedb
 * as they are, so it uses its `_id` index or a declared index's first field (`declareIndexed`) and
 * filters; the whole MongoDB query is then decided by mingo inside nedb's scan
 * through nedb's `$where` hook (nedb lacks $eq, $all, $nor, $expr…, and matches arrays nested in arrays
 * where MongoDB does not). nedb hands out deep copies, which callers may change.
 *
 * Compaction: nedb rewrites the file (temp file, fsync, rename) on load and on `compactDatafileAsync`.
 * Rather than nedb's fixed-interval autocompaction, which rewrites even idle files forever, the file is
 * compacted when the lines appended since the last rewrite exceed max(1000, 2 × live documents) — a
 * counter updated 1,500 times would otherwise keep 1,500 versions.
 *
 * Callers serialise read-then-write sequences (conditional updates) through `lock`.
 */
const COMPACT_MIN_LINES = 1000

/** What the whole store (DocumentStore) tells each collection. */
export interface StoreGuard {
  /** Resolves when no transaction commit is being applied (reads wait for it; see DocumentStore.commit). */
  settled(): Promise<void> | undefined
  /** Why the store refuses writes (a commit failed half way), or undefined. */
  refusal(): string | undefined
}

/** A unique index the environment declares for a collection (cloudbaserc.json), by field paths. */
export interface UniqueIndex {
  name: string
  fields: string[]
}

export class CollectionStore implements DocView {
  /** Serialises this collection's read-then-write sequences. */
  readonly lock = new Mutex()
  /** Lines appended since the file was last compacted, and when to look at that again. */
  private appended = 0
  private checkAt = COMPACT_MIN_LINES
  private closed = false
  /** Declared unique indexes (fields sorted, as nedb keys them) and the name of their nedb index. */
  private readonly unique: Array<UniqueIndex & { key: string }> = []

  private readonly file: DataFileAppender

  private constructor(
    readonly name: string,
    private readonly ds: Datastore<Doc>,
    private readonly guard: StoreGuard,
  ) {
    this.file = appendThroughOpenFile(ds)
  }

  static async open(name: string, filename: string, guard: StoreGuard): Promise<CollectionStore> {
    return new CollectionStore(name, await loadDatastore(filename), guard)
  }

  /**
   * Enforces a declared unique index from now on, as the cloud database does: a write that would give
   * two documents the same key is refused (DATABASE_DUPLICATE_WRITE). Documents already stored that
   * break it refuse the start, naming the index, rather than leave it unenforced. A missing field counts
   * as one value, as MongoDB counts it as null (the declared indexes are on fields always written).
   */
  declareUnique(index: UniqueIndex): void {
    if (this.unique.some((u) => u.name === index.name)) return
    const fields = [...index.fields].sort()
    const held = new Set<string>()
    for (const doc of this.ds.getAllData()) {
      const text = JSON.stringify(getDotValues(doc, fields))
      if (held.has(text)) throw new BackendError('DATABASE_DUPLICATE_WRITE', `collection ${this.name}: stored documents break the declared unique index ${index.name} (${text})`)
      held.add(text)
    }
    // Kept by nedb beside its `_id` index, so every write updates it; not unique there: `checkUnique`
    // refuses a duplicate before any write (all writes to a collection hold its lock, commits the
    // store's gate), where a refusal inside nedb could come half way through a transaction's commit.
    const key = `$unique:${index.name}`
    const nedbIndex = new Index({ fieldName: fields.join(','), unique: false })
    nedbIndex.insert(this.ds.getAllData())
    ;(this.ds as unknown as { indexes: Record<string, Index> }).indexes[key] = nedbIndex
    this.unique.push({ name: index.name, fields, key })
  }

  /**
   * A nedb index on each field that a declared index starts with (cloudbaserc.json), so that a query fixing
   * that field to one value reads only its documents, as the cloud reads through the index: local reads
   * then stay flat as a collection grows. Kept in memory beside the `_id` index, never written to the file.
   */
  declareIndexed(fields: readonly string[]): void {
    const indexes = (this.ds as unknown as { indexes: Record<string, Index> }).indexes
    for (const fieldName of new Set(fields)) {
      // Dotted paths stay scans: toNedbQuery never hands them to nedb (its array semantics differ).
      if (fieldName === '_id' || fieldName.includes('.') || indexes[fieldName]) continue
      const nedbIndex = new Index({ fieldName, unique: false })
      nedbIndex.insert(this.ds.getAllData())
      indexes[fieldName] = nedbIndex
    }
  }

  /**
   * Refuses documents whose key under a declared unique index belongs to another document (`leaving`:
   * ids the same write removes) or repeats within `docs`. Run before a write, and before a transaction
   * is journalled, so that a commit never fails half way on a duplicate.
   */
  checkUnique(docs: Doc[], leaving: ReadonlySet<DocId> = new Set()): void {
    if (this.unique.length === 0) return
    const indexes = (this.ds as unknown as { indexes: Record<string, Index> }).indexes
    // The documents written give up their stored keys: only keys that stay, or repeat here, collide.
    const writing = new Set(docs.map((doc) => doc._id as DocId))
    for (const index of this.unique) {
      const seen = new Map<string, DocId>()
      for (const doc of docs) {
        const id = doc._id as DocId
        const value = getDotValues(doc, index.fields)
        const text = JSON.stringify(value)
        const other = seen.get(text) ?? indexes[index.key]?.getMatching(value).find((held) => !writing.has(held._id) && !leaving.has(held._id))?._id
        if (other !== undefined) throw duplicateKey(this.name, value, index.name)
        seen.set(text, id)
      }
    }
  }

  // ---- reads -------------------------------------------------------------------------------------

  async get(id: DocId): Promise<Doc | undefined> {
    await this.guard.settled()
    return (await this.ds.findOneAsync({ _id: id })) ?? undefined
  }

  /** Matching documents in natural order (nedb's: by `_id`), skipping and limiting as asked. */
  async find(query: Doc | undefined, page: Page = {}): Promise<Doc[]> {
    await this.guard.settled()
    const cursor = this.ds.findAsync(toNedbQuery(query))
    if (page.skip) cursor.skip(page.skip)
    if (page.limit !== undefined && Number.isFinite(page.limit)) {
      if (page.limit <= 0) return []
      cursor.limit(page.limit)
    }
    return cursor
  }

  async count(query: Doc | undefined): Promise<number> {
    await this.guard.settled()
    return this.ds.countAsync(toNedbQuery(query))
  }

  /** nedb's own in-memory documents, for synchronous readers that copy what they take ($lookup). */
  allDocuments(): Doc[] {
    return this.ds.getAllData()
  }

  // ---- writes ------------------------------------------------------------------------------------

  /** All or nothing (nedb inserts a batch as one append, or not at all on a duplicate `_id`). */
  async insert(docs: Doc[]): Promise<void> {
    if (docs.length === 0) return
    for (const doc of docs) checkStorable(doc)
    this.checkUnique(docs)
    await this.persist(docs.length, () => this.ds.insertAsync(docs))
  }

  /** Replaces documents by `_id`; with `upsert`, one that does not exist is inserted. */
  async replace(docs: Doc[], upsert = false): Promise<void> {
    if (docs.length === 0) return
    for (const doc of docs) checkStorable(doc)
    this.checkUnique(docs)
    await this.persist(docs.length, () => Promise.all(docs.map((doc) => this.ds.updateAsync({ _id: doc._id }, doc, { upsert }))))
  }

  async remove(ids: DocId[]): Promise<void> {
    if (ids.length === 0) return
    await this.persist(ids.length, () => this.ds.removeAsync({ _id: { $in: ids } }, { multi: true }))
  }

  /** Waits for the writes in progress; later writes are refused. */
  async close(): Promise<void> {
    this.closed = true
    await this.lock.run(async () => undefined)
    await this.file.close()
  }

  private async persist(lines: number, write: () => Promise<unknown>): Promise<void> {
    if (this.closed) throw new BackendError('DATABASE_REQUEST_FAILED', `collection ${this.name} is closed`)
    const refusal = this.guard.refusal()
    if (refusal) throw new BackendError('DATABASE_REQUEST_FAILED', refusal)
    try {
      await write()
    } catch (err) {
      const e = err as { errorType?: unknown; key?: unknown; message?: unknown }
      if (e.errorType === 'uniqueViolated') throw duplicateKey(this.name, e.key)
      throw new BackendError('DATABASE_REQUEST_FAILED', `write to collection ${this.name} failed: ${String(e.message ?? err)}`)
    }
    this.appended += lines
    if (this.appended >= this.checkAt) await this.compactIfBloated()
  }

  private async compactIfBloated(): Promise<void> {
    const threshold = Math.max(COMPACT_MIN_LINES, 2 * this.ds.getAllData().length)
    if (this.appended <= threshold) {
      this.checkAt = threshold + 1
      return
    }
    try {
      await this.ds.compactDatafileAsync()
      this.appended = 0
      this.checkAt = COMPACT_MIN_LINES
    } catch (err) {
      // The appended file is still complete, and the write that got here has already succeeded.
      console.warn(`[local-backend] compacting collection ${this.name} failed; the file stays as appended`, err)
    }
  }
}

/** MongoDB's message for a duplicate key, which the SDK passes on (docs/local-cloud.md, "Documents"). */
export function duplicateKey(collection: string, key: unknown, index = '_id_'): BackendError {
  const dup = index === '_id_' ? `{ _id: ${JSON.stringify(key)} }` : JSON.stringify(key)
  return new BackendError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error collection: ${collection} index: ${index} dup key: ${dup}`)
}

type Scalar = string | number | boolean

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
}

/**
 * The nedb query for a MongoDB query: its top-level scalar equalities and `_id: { $in: [strings] }`
 * (what nedb can answer from its index, and never narrower than MongoDB), plus `$where` running the
 * whole query through mingo on each candidate nedb has not already excluded.
 */
function toNedbQuery(query: Doc | undefined): Record<string, unknown> {
  if (!query || Object.keys(query).length === 0) return {}
  const nedb: Record<string, unknown> = {}
  liftEqualities(query, nedb)
  const matches = compileMatcher(query)
  nedb.$where = function (this: Doc) {
    return matches(this)
  }
  return nedb
}

/** The equalities of `query` and of the members of its `$and` (the SDK's `_.and([...])`): each must hold for a match. */
function liftEqualities(query: Doc, into: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) if (isPlainObject(part)) liftEqualities(part, into)
    } else if (key.startsWith('$') || key.includes('.')) {
      continue
    } else if (isScalar(value)) {
      into[key] = value
    } else if (key === '_id' && isIdList(value)) {
      into[key] = value
    }
  }
}

function isIdList(value: unknown): boolean {
  if (!isPlainObject(value)) return false
  const keys = Object.keys(value)
  return keys.length === 1 && keys[0] === '$in' && Array.isArray(value.$in) && value.$in.every((id) => typeof id === 'string')
}

/** Whether a document can be written: a string `_id`, and only values the file format keeps. */
export function checkStorable(doc: Doc): void {
  const id = doc._id
  // Numbers are legal ids in MongoDB, but nedb's file loader keys documents by their string form (so
  // 1 and "1" would collide) and drops falsy ids: refuse them by name instead of losing data later.
  if (typeof id !== 'string' || id === '') {
    throw invalidParam(`the local backend stores only non-empty string _id values (got ${JSON.stringify(id)})`)
  }
  assertStorable(doc)
}

/**
 * Refuse, by name, values the file format would silently lose or nedb would refuse: a RegExp or a
 * non-finite number would come back as `{}` or `null`; field names starting with `$` or containing `.`
 * are refused by nedb (and MongoDB).
 */
export function assertStorable(value: unknown, at = ''): void {
  const where = at || 'document'
  if (isRegExpValue(value)) throw invalidParam(`cannot store a regular expression (at ${where})`)
  if (typeof value === 'number' && !Number.isFinite(value)) throw invalidParam(`cannot store the number ${String(value)} (at ${where})`)
  if (Array.isArray(value)) {
    value.forEach((item, index) => assertStorable(item, `${at}.${index}`))
    return
  }
  if (isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      if (key.startsWith('$')) throw invalidParam(`field names cannot begin with the $ character (${key} at ${where})`)
      if (key.includes('.')) throw invalidParam(`field names cannot contain a . (${key} at ${where})`)
      assertStorable(value[key], at ? `${at}.${key}` : key)
    }
  }
}

/**
 * Opens (loads and compacts) a data file. A crash can leave one torn line — an append that never
 * finished, so was never acknowledged. nedb counts unreadable lines against `corruptAlertThreshold`:
 * loaded strictly first; exactly one unreadable line is then accepted with a warning (nedb drops it
 * and its load-time compaction removes it from the file), anything more refuses to start so real
 * damage is never papered over.
 */
async function loadDatastore(filename: string): Promise<Datastore<Doc>> {
  const strict = new Datastore<Doc>({ filename, corruptAlertThreshold: 0 })
  try {
    await strict.loadDatabaseAsync()
    return strict
  } catch (err) {
    if ((err as { corruptItems?: unknown }).corruptItems !== 1) throw err
    console.warn(`[local-backend] ${filename}: dropped 1 unreadable line (an unacknowledged write torn by a crash)`)
    const lenient = new Datastore<Doc>({ filename, corruptAlertThreshold: 1 })
    await lenient.loadDatabaseAsync()
    return lenient
  }
}
