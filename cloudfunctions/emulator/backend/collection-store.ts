import Datastore from '@seald-io/nedb'
import { cloneValue, isRegExpValue } from './clone-document'
import { Mutex } from './async-lock'
import { BackendError, invalidParam } from './backend-error'
import { isPlainObject, type Doc, type DocId } from './ejson-codec'

/**
 * One collection: an append-only nedb file on disk plus an in-memory map that answers every read.
 *
 * Order of a write: validate → nedb appends to its file (its promise resolves after `fs.appendFile`
 * completed, i.e. the data is in the OS page cache and survives `kill -9` of this process) → only then
 * the in-memory map changes. So a reader never sees a write that is not on disk, and a failed write
 * leaves memory as it was. Callers serialise writes through `lock`.
 *
 * Stored documents are never mutated in place; an update replaces the map entry with a new object, so
 * a reader holding an old reference sees a consistent old version.
 */
export class CollectionStore {
  /** Serialises this collection's writes (see class comment). */
  readonly lock = new Mutex()
  private readonly docs = new Map<DocId, Doc>()

  private constructor(
    readonly name: string,
    private readonly datastore: Datastore,
  ) {}

  static async open(name: string, filename: string): Promise<CollectionStore> {
    const datastore = await loadDatastore(filename)
    const store = new CollectionStore(name, datastore)
    for (const doc of datastore.getAllData()) {
      const id: unknown = doc._id
      if (typeof id === 'string') store.docs.set(id, stripInternal(doc))
    }
    return store
  }

  get size(): number {
    return this.docs.size
  }

  get(id: DocId): Doc | undefined {
    return this.docs.get(id)
  }

  has(id: DocId): boolean {
    return this.docs.has(id)
  }

  /** Natural order: insertion order within a run; after a restart, nedb's load order (by `_id`). */
  values(): IterableIterator<Doc> {
    return this.docs.values()
  }

  async insert(docs: Doc[]): Promise<void> {
    if (docs.length === 0) return
    for (const doc of docs) assertStorable(doc)
    await this.persist(() => this.datastore.insertAsync(docs))
    for (const doc of docs) this.docs.set(idOf(doc), doc)
  }

  async replace(doc: Doc): Promise<void> {
    assertStorable(doc)
    const id = idOf(doc)
    await this.persist(() => this.datastore.updateAsync({ _id: id }, doc, {}))
    this.docs.set(id, doc)
  }

  async remove(ids: DocId[]): Promise<void> {
    if (ids.length === 0) return
    await this.persist(() => this.datastore.removeAsync({ _id: { $in: ids } }, { multi: true }))
    for (const id of ids) this.docs.delete(id)
  }

  private async persist(write: () => Promise<unknown>): Promise<void> {
    try {
      await write()
    } catch (err) {
      // nedb refuses field names starting with "$" or containing "." (MongoDB does too).
      const message = err instanceof Error ? err.message : String(err)
      if (/field names/i.test(message)) throw invalidParam(message)
      throw new BackendError('DATABASE_REQUEST_FAILED', `write to collection ${this.name} failed: ${message}`)
    }
  }
}

function idOf(doc: Doc): DocId {
  const id = doc._id
  // Numbers are legal ids in MongoDB, but nedb's file loader keys documents by their string form (so
  // 1 and "1" would collide) and drops falsy ids: refuse them by name instead of losing data later.
  if (typeof id !== 'string' || id === '') {
    throw invalidParam(`the local backend stores only non-empty string _id values (got ${JSON.stringify(id)})`)
  }
  return id
}

/** nedb hands out its own objects (and keeps them); the map holds separate copies. */
function stripInternal(doc: Doc): Doc {
  return cloneValue(doc)
}

/**
 * Refuse, by name, values the file format would silently lose: a RegExp or a non-finite number would
 * come back as `{}` or `null` after a restart.
 */
export function assertStorable(value: unknown, path = ''): void {
  if (isRegExpValue(value)) throw invalidParam(`cannot store a regular expression (at ${path || 'document'})`)
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw invalidParam(`cannot store the number ${String(value)} (at ${path || 'document'})`)
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => assertStorable(item, `${path}.${index}`))
    return
  }
  if (isPlainObject(value)) {
    for (const key of Object.keys(value)) assertStorable(value[key], path ? `${path}.${key}` : key)
  }
}

/**
 * Opens a datastore file. nedb compacts the file on load (rewrites it atomically with one line per
 * live document), which is the compaction this store relies on.
 *
 * A crash can leave one torn last line — a write that was never acknowledged. nedb counts it as
 * corruption; a single unreadable line is accepted with a warning, anything more refuses to start so
 * real damage is never papered over.
 */
async function loadDatastore(filename: string): Promise<Datastore> {
  const strict = new Datastore({ filename, corruptAlertThreshold: 0 })
  try {
    await strict.loadDatabaseAsync()
    return strict
  } catch (err) {
    const corruptItems = (err as { corruptItems?: unknown }).corruptItems
    if (corruptItems !== 1) throw err
    console.warn(`[local-backend] ${filename}: dropped 1 unreadable line (an unacknowledged write torn by a crash)`)
    const lenient = new Datastore({ filename, corruptAlertThreshold: 1 })
    await lenient.loadDatabaseAsync()
    return lenient
  }
}
