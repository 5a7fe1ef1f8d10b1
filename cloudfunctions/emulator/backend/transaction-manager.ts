import { randomBytes } from 'crypto'
import type { Release, TransactionGate } from './async-lock'
import { BackendError } from './backend-error'
import { cloneValue } from './clone-document'
import type { CollectionChanges } from './commit-journal'
import type { DocumentStore } from './document-store'
import type { Doc, DocId } from './ejson-codec'
import { compileMatcher, EMPTY_VIEW, type DocView } from './query-engine'

/**
 * Transactions, the simplest correct way (docs/local-cloud.md "Transactions"): `start` holds the store's
 * gate exclusively until commit or abort, so what a transaction read stays true — serialisable without
 * conflict detection. Its writes are buffered, visible only to itself, and committed through the journal.
 */
type TxState = 'active' | 'committing'

interface Transaction {
  readonly id: string
  state: TxState
  readonly release: Release
  readonly timer: NodeJS.Timeout
  /** collection → (id → document after the transaction, or null when deleted). */
  readonly writes: Map<string, Map<DocId, Doc | null>>
}

const FINISHED_MEMORY = 1000

export class TransactionManager {
  private readonly active = new Map<string, Transaction>()
  /** Why recently finished transactions ended, to answer a late call with a useful message. */
  private readonly finished = new Map<string, string>()

  constructor(
    private readonly store: DocumentStore,
    private readonly gate: TransactionGate,
    private readonly timeoutMs = 10_000,
  ) {}

  async start(): Promise<string> {
    const release = await this.gate.acquireExclusive()
    const id = randomBytes(12).toString('hex')
    const timer = setTimeout(() => this.finish(id, `aborted after ${this.timeoutMs} ms without commit`), this.timeoutMs)
    // The timer must not keep a test process (or the host) alive.
    timer.unref()
    this.active.set(id, { id, state: 'active', release, timer, writes: new Map() })
    return id
  }

  /** Throws unless `id` names a transaction that is still open. */
  require(id: string): Transaction {
    const tx = this.active.get(id)
    if (!tx || tx.state !== 'active') {
      const why = this.finished.get(id) ?? 'unknown transaction'
      throw new BackendError('DATABASE_TRANSACTION_FAIL', `transaction ${id} is not active (${why})`)
    }
    return tx
  }

  /** The collection as the transaction sees it: committed documents overlaid with its own writes. */
  view(id: string, collection: string): DocView {
    const tx = this.require(id)
    const committed: DocView = this.store.get(collection) ?? EMPTY_VIEW
    const writes = tx.writes.get(collection)
    if (!writes || writes.size === 0) return committed
    const find = async (query: Doc | undefined): Promise<Doc[]> => {
      const matches = query ? compileMatcher(query) : () => true
      const rows = (await committed.find(query)).filter((doc) => !writes.has(doc._id as DocId))
      for (const doc of writes.values()) if (doc && matches(doc)) rows.push(cloneValue(doc))
      return rows.sort((a, b) => (String(a._id) < String(b._id) ? -1 : String(a._id) > String(b._id) ? 1 : 0))
    }
    return {
      get: async (docId) => (writes.has(docId) ? cloneValue(writes.get(docId) ?? undefined) : committed.get(docId)),
      find: async (query, page = {}) => {
        const skip = page.skip ?? 0
        return (await find(query)).slice(skip, skip + (page.limit ?? Infinity))
      },
      count: async (query) => (await find(query)).length,
    }
  }

  /** Buffers a write: the document as it will be after commit, or null to delete it. */
  stage(id: string, collection: string, docId: DocId, doc: Doc | null): void {
    const tx = this.require(id)
    let writes = tx.writes.get(collection)
    if (!writes) {
      writes = new Map()
      tx.writes.set(collection, writes)
    }
    writes.set(docId, doc)
  }

  async commit(id: string): Promise<void> {
    const tx = this.require(id)
    tx.state = 'committing'
    try {
      const changes: CollectionChanges[] = []
      for (const [collection, writes] of tx.writes) {
        const put: Doc[] = []
        const remove: DocId[] = []
        for (const [docId, doc] of writes) {
          if (doc !== null) put.push(doc)
          else remove.push(docId)
        }
        changes.push({ collection, put, remove })
      }
      // Journalled, then applied while readers wait (DocumentStore.commit). The gate stays exclusive
      // until that returns, so no other write lands between the journal record and its clearing.
      await this.store.commit(changes)
    } finally {
      this.finish(id, 'committed')
    }
  }

  abort(id: string): void {
    this.require(id)
    this.finish(id, 'rolled back')
  }

  /** Ends every open transaction (backend shutdown). */
  abortAll(): void {
    for (const id of [...this.active.keys()]) this.finish(id, 'backend closed')
  }

  private finish(id: string, why: string): void {
    const tx = this.active.get(id)
    if (!tx) return
    // A commit in progress owns the gate until it is done; its own `finally` finishes it.
    if (tx.state === 'committing' && why.startsWith('aborted after')) return
    this.active.delete(id)
    clearTimeout(tx.timer)
    this.finished.set(id, why)
    if (this.finished.size > FINISHED_MEMORY) {
      const oldest = this.finished.keys().next().value
      if (oldest !== undefined) this.finished.delete(oldest)
    }
    tx.release()
  }
}
