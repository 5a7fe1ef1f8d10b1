import { promises as fs } from 'fs'
import path from 'path'
import { BackendError, invalidParam } from './backend-error'
import { CommitJournal, type CollectionChanges } from './commit-journal'
import { checkStorable, CollectionStore } from './collection-store'
import type { DeclaredCollection } from './declared-collections'

const FILE_SUFFIX = '.db'
/** Not a `.db` file, so never taken for a collection. */
const JOURNAL_FILE = 'transaction.journal'
/** Letters, digits, `_`, `-`, `.`; not starting with `.` — also a safe file name. */
const COLLECTION_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}$/

export function assertCollectionName(name: unknown): string {
  if (typeof name !== 'string' || !COLLECTION_NAME.test(name)) {
    throw invalidParam(`invalid collection name ${JSON.stringify(name)}`)
  }
  return name
}

/**
 * All collections of one data directory, one nedb datastore (and file) each under `<dataDir>/db/`.
 * Every existing file is loaded at start (so `$lookup` can see other collections); a collection is
 * created by its first write or by `createCollection`. Transaction commits go through the redo journal
 * `<dataDir>/db/transaction.journal` (commit-journal.ts), replayed at start when a crash left one.
 *
 * Writes auto-create a collection and a never-written one reads as empty, unlike production
 * (docs/local-cloud.md "Collections"): the functions never call createCollection.
 */
export class DocumentStore {
  private readonly collections = new Map<string, CollectionStore>()
  private readonly opening = new Map<string, Promise<CollectionStore>>()
  /** Set while a transaction commit is being applied; reads wait for it (see `commit`). */
  private applying: Promise<void> | undefined
  private readonly settled = () => this.applying
  /** Why writes are refused: a commit failed half way, and only a restart (replay) can finish it. */
  private broken: string | undefined
  private readonly refusal = () => this.broken

  private constructor(
    private readonly dir: string,
    private readonly journal: CommitJournal,
  ) {}

  /**
   * `declared`: the environment's collections (declared-collections.ts), created at open with their
   * unique indexes enforced from then on, as `npm run deploy` creates them in the cloud.
   */
  static async open(dataDir: string, declared: readonly DeclaredCollection[] = []): Promise<DocumentStore> {
    const dir = path.join(dataDir, 'db')
    await fs.mkdir(dir, { recursive: true })
    const store = new DocumentStore(dir, await CommitJournal.open(path.join(dir, JOURNAL_FILE)))
    try {
      const files = (await fs.readdir(dir)).filter((file) => file.endsWith(FILE_SUFFIX))
      for (const file of files) {
        const name = file.slice(0, -FILE_SUFFIX.length)
        if (COLLECTION_NAME.test(name)) await store.ensure(name)
      }
      // Before anything is served: a commit a crash interrupted is finished, never left half applied.
      const pending = await store.journal.pending()
      if (pending) {
        for (const changes of pending) assertCollectionName(changes.collection)
        await store.apply(pending)
        await store.journal.clear()
        console.warn(`[local-backend] ${store.journal.filename}: finished a transaction commit interrupted by a crash`)
      }
      for (const collection of declared) {
        const opened = await store.ensure(assertCollectionName(collection.name))
        for (const index of collection.unique) opened.declareUnique(index)
        opened.declareIndexed(collection.indexes.flatMap((index) => index.keys.slice(0, 1).map((k) => k.field)))
      }
    } catch (err) {
      await store.close()
      throw err
    }
    return store
  }

  /** The collection if it exists; never creates one. */
  get(name: string): CollectionStore | undefined {
    return this.collections.get(name)
  }

  has(name: string): boolean {
    return this.collections.has(name)
  }

  names(): string[] {
    return [...this.collections.keys()]
  }

  /**
   * Applies a transaction's writes all or nothing: journalled first (commit-journal.ts), then applied
   * collection by collection through nedb while reads wait, so no reader sees half of it, then the
   * journal is emptied. The caller holds the transaction gate exclusively throughout, so no other write
   * runs until the journal is empty again — which is what makes a replay after a crash safe.
   *
   * If applying fails half way (disk full), memory and files hold part of the commit and the journal
   * holds all of it: every later write is refused until a restart replays it, so nothing written
   * meanwhile could be overwritten by that replay. The caller is answered with the error; as with any
   * database that fails at commit, the outcome is then "in doubt" (the restart completes it).
   */
  async commit(changes: CollectionChanges[]): Promise<void> {
    const effective = changes.filter((c) => c.put.length > 0 || c.remove.length > 0)
    if (effective.length === 0) return
    this.assertWritable()
    // Refuse what a collection would refuse BEFORE journalling it: a record that cannot be applied
    // would fail again at every start.
    for (const c of effective) for (const doc of c.put) checkStorable(doc)
    // A duplicate under a declared unique index, likewise: refused whole, before anything is written.
    for (const c of effective) this.collections.get(c.collection)?.checkUnique(c.put, new Set(c.remove))
    const done = this.journalled(effective)
    this.applying = done.then(
      () => undefined,
      () => undefined,
    )
    try {
      await done
    } finally {
      this.applying = undefined
    }
  }

  /** Waits for pending writes; later writes are refused. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.opening.values()])
    await Promise.all([...this.collections.values()].map((collection) => collection.close()))
    await this.journal.close()
  }

  /** The collection, created (empty file) on first use. Concurrent callers share one opening. */
  ensure(name: string): Promise<CollectionStore> {
    const existing = this.collections.get(name)
    if (existing) return Promise.resolve(existing)
    let pending = this.opening.get(name)
    if (!pending) {
      pending = CollectionStore.open(name, path.join(this.dir, `${name}${FILE_SUFFIX}`), { settled: this.settled, refusal: this.refusal }).then(
        (store) => {
          this.collections.set(name, store)
          this.opening.delete(name)
          return store
        },
        (err: unknown) => {
          this.opening.delete(name)
          throw err
        },
      )
      this.opening.set(name, pending)
    }
    return pending
  }

  private async journalled(changes: CollectionChanges[]): Promise<void> {
    try {
      await this.journal.write(changes)
    } catch (err) {
      // Nothing was applied; a record left behind would be replayed at the next start although its
      // transaction was answered as failed, over whatever was written meanwhile.
      await this.journal.clear().catch((clearErr: unknown) => this.breakStore('emptying the commit journal failed', clearErr))
      throw err
    }
    try {
      await this.apply(changes)
      await this.journal.clear()
    } catch (err) {
      this.breakStore('a transaction commit failed half way', err)
      throw err
    }
  }

  /** Refuses every later write; a restart replays the journal and so completes the commit. */
  private breakStore(what: string, err: unknown): void {
    this.broken = `${what} (${err instanceof Error ? err.message : String(err)}); restart the backend to complete it`
    console.error(`[local-backend] ${this.broken}`)
  }

  /** Stores whole documents and removes ids: the same result however often it runs (replay). */
  private async apply(changes: CollectionChanges[]): Promise<void> {
    for (const { collection: name, put, remove } of changes) {
      const collection = await this.ensure(name)
      await collection.replace(put, true)
      await collection.remove(remove)
    }
  }

  private assertWritable(): void {
    if (this.broken) throw new BackendError('DATABASE_REQUEST_FAILED', this.broken)
  }
}
