import Datastore from '@seald-io/nedb'
import { promises as fs } from 'fs'
import type { FileHandle } from 'fs/promises'
import path from 'path'
import { Mutex } from './async-lock'
import { BackendError, invalidParam } from './backend-error'
import { cloneValue, isDateValue, isRegExpValue } from './clone-document'
import { isPlainObject, type Doc, type DocId } from './ejson-codec'

/**
 * One collection: a nedb data file on disk plus an in-memory map that answers every read.
 *
 * The file is nedb's: one JSON line per document version (Dates as `{"$$date": ms}`), a later line for
 * the same `_id` replaces the earlier one, `{"$$deleted": true, "_id": …}` removes it. nedb loads it
 * (tolerating a torn last line) and compacts it on open. Appends are written here, in nedb's exact
 * line format, through a file handle kept open: nedb's own `appendFile` opens and closes the file on
 * every write, which profiling showed to cost more than everything else a write does, and its copy of
 * every document in memory would duplicate this map.
 *
 * Order of a write: validate → append to the file (the promise resolves after write(2) returned, so
 * the data is in the OS page cache and survives `kill -9` of this process) → only then the in-memory
 * map changes. So a reader never sees a write that is not on disk, and a failed write leaves memory as
 * it was. Callers serialise writes through `lock`.
 *
 * Stored documents are never mutated in place; an update replaces the map entry with a new object, so
 * a reader holding an old reference sees a consistent old version.
 */
export interface WriteBatch {
  /** Documents to insert or replace (by `_id`). */
  put?: Doc[]
  remove?: DocId[]
}

export class CollectionStore {
  /** Serialises this collection's writes (see class comment). */
  readonly lock = new Mutex()
  private readonly docs = new Map<DocId, Doc>()
  /** Lines appended since the file was last compacted. */
  private appended = 0
  private closed = false

  private constructor(
    readonly name: string,
    private readonly filename: string,
    private file: FileHandle,
  ) {}

  static async open(name: string, filename: string): Promise<CollectionStore> {
    const loaded = await loadDatastore(filename)
    const file = await fs.open(filename, 'a')
    const store = new CollectionStore(name, filename, file)
    for (const doc of loaded) {
      const id: unknown = doc._id
      if (typeof id === 'string') store.docs.set(id, cloneValue(doc))
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
    await this.write({ put: docs })
  }

  async replace(doc: Doc): Promise<void> {
    await this.write({ put: [doc] })
  }

  async remove(ids: DocId[]): Promise<void> {
    await this.write({ remove: ids })
  }

  /** Puts (insert or replace) and removals as one append. */
  async write(batch: WriteBatch): Promise<void> {
    const apply = await this.persist(batch)
    apply()
    await this.compactIfBloated()
  }

  /**
   * First half of a write: appends the batch to the file and answers the function that makes it
   * visible in memory. A transaction commit persists every collection first and then applies them all
   * at once, so no reader sees half a transaction.
   */
  async persist(batch: WriteBatch): Promise<() => void> {
    const puts = batch.put ?? []
    const removals = batch.remove ?? []
    const lines = [
      ...puts.map((doc) => serializeLine(doc, idOf(doc))),
      ...removals.map((id) => JSON.stringify({ $$deleted: true, _id: id })),
    ]
    if (lines.length > 0) await this.append(lines)
    return () => {
      for (const doc of puts) this.docs.set(idOf(doc), doc)
      for (const id of removals) this.docs.delete(id)
    }
  }

  /**
   * Superseded lines pile up (a counter updated 1,500 times is 1,500 lines); rewrite the file when they
   * clearly outnumber the live documents. Called after the map took the write — the rewrite is made
   * from the map — and under the caller's lock, so no append interleaves.
   */
  async compactIfBloated(): Promise<void> {
    if (this.appended > Math.max(1000, 2 * this.docs.size)) await this.compact()
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.lock.run(() => this.file.close())
  }

  private async append(lines: string[]): Promise<void> {
    if (this.closed) throw new BackendError('DATABASE_REQUEST_FAILED', `collection ${this.name} is closed`)
    try {
      await this.file.write(`${lines.join('\n')}\n`)
    } catch (err) {
      throw new BackendError('DATABASE_REQUEST_FAILED', `write to collection ${this.name} failed: ${err instanceof Error ? err.message : String(err)}`)
    }
    this.appended += lines.length
  }


  /**
   * Rewrites the file with one line per live document: temp file, fsync, rename (crash-safe). A failed
   * rewrite is only logged: the appended file is still complete, and the write that triggered it has
   * already succeeded.
   */
  private async compact(): Promise<void> {
    const temp = `${this.filename}~`
    try {
      const lines: string[] = []
      for (const doc of this.docs.values()) lines.push(serializeLine(doc, idOf(doc)))
      const out = await fs.open(temp, 'w')
      try {
        await out.write(lines.length > 0 ? `${lines.join('\n')}\n` : '')
        await out.sync()
      } finally {
        await out.close()
      }
      await fs.rename(temp, this.filename)
    } catch (err) {
      console.warn(`[local-backend] compacting ${this.filename} failed; the file stays as appended`, err)
      return
    }
    await syncDirectory(path.dirname(this.filename))
    // The old handle now points at the replaced file; appends must go to the new one.
    const old = this.file
    this.file = await fs.open(this.filename, 'a')
    await old.close()
    this.appended = 0
  }
}

async function syncDirectory(dir: string): Promise<void> {
  // Makes the rename itself durable; some platforms cannot fsync a directory, which is not an error.
  const handle = await fs.open(dir, 'r').catch(() => undefined)
  if (!handle) return
  await handle.sync().catch(() => undefined)
  await handle.close()
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

/**
 * One line of nedb's file format (its `model.serialize`): JSON with Dates as `{ "$$date": ms }`.
 * Validates first, refusing by name what the format would lose or nedb would refuse to load.
 */
export function serializeLine(doc: Doc, id: DocId): string {
  assertStorable(doc)
  return JSON.stringify({ ...doc, _id: id }, function (this: unknown, key: string, value: unknown) {
    const raw = (this as Record<string, unknown>)[key]
    return isDateValue(raw) ? { $$date: raw.getTime() } : value
  })
}

/**
 * Refuse, by name, values the file format would silently lose or nedb would refuse on load: a RegExp
 * or a non-finite number would come back as `{}` or `null`; field names starting with `$` or
 * containing `.` are refused by nedb (and MongoDB).
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
 * Loads (and compacts) a data file with nedb and answers its documents; the datastore is then dropped.
 *
 * A crash can leave one torn last line — a write that was never acknowledged. nedb counts it as
 * corruption; a single unreadable line is accepted with a warning, anything more refuses to start so
 * real damage is never papered over.
 */
async function loadDatastore(filename: string): Promise<Doc[]> {
  const strict = new Datastore({ filename, corruptAlertThreshold: 0 })
  try {
    await strict.loadDatabaseAsync()
    return strict.getAllData()
  } catch (err) {
    const corruptItems = (err as { corruptItems?: unknown }).corruptItems
    if (corruptItems !== 1) throw err
    console.warn(`[local-backend] ${filename}: dropped 1 unreadable line (an unacknowledged write torn by a crash)`)
    const lenient = new Datastore({ filename, corruptAlertThreshold: 1 })
    await lenient.loadDatabaseAsync()
    return lenient.getAllData()
  }
}
