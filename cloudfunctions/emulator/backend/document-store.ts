import { promises as fs } from 'fs'
import path from 'path'
import { invalidParam } from './backend-error'
import { CollectionStore } from './collection-store'

const FILE_SUFFIX = '.db'
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
 * created by its first write or by `createCollection`.
 *
 * Chosen behaviour (production requires creating a collection first, wx-cloud-api.md §1.1): writes
 * auto-create, and reading a collection that was never written answers an empty result rather than
 * DATABASE_COLLECTION_NOT_EXIST — the functions never call createCollection, and a seed step is not
 * needed for them to run.
 */
export class DocumentStore {
  private readonly collections = new Map<string, CollectionStore>()
  private readonly opening = new Map<string, Promise<CollectionStore>>()
  /** Set while a transaction commit is being applied; reads wait for it (see `commit`). */
  private applying: Promise<void> | undefined
  private readonly settled = () => this.applying

  private constructor(private readonly dir: string) {}

  static async open(dataDir: string): Promise<DocumentStore> {
    const dir = path.join(dataDir, 'db')
    await fs.mkdir(dir, { recursive: true })
    const store = new DocumentStore(dir)
    const files = (await fs.readdir(dir)).filter((file) => file.endsWith(FILE_SUFFIX))
    for (const file of files) {
      const name = file.slice(0, -FILE_SUFFIX.length)
      if (COLLECTION_NAME.test(name)) await store.ensure(name)
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
   * Applies a transaction's writes (collection by collection, through nedb) while reads wait, so no
   * reader sees half of it. Not atomic against a crash in the middle.
   */
  async commit(apply: () => Promise<void>): Promise<void> {
    const done = apply()
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
  }

  /** The collection, created (empty file) on first use. Concurrent callers share one opening. */
  ensure(name: string): Promise<CollectionStore> {
    const existing = this.collections.get(name)
    if (existing) return Promise.resolve(existing)
    let pending = this.opening.get(name)
    if (!pending) {
      pending = CollectionStore.open(name, path.join(this.dir, `${name}${FILE_SUFFIX}`), this.settled).then(
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
}
