import cloud from 'wx-server-sdk'
import type { CollectionName } from './collections'

/**
 * The one place that narrows wx-server-sdk's loose typings (`Promise<X> | void | string`) to what the
 * SDK really answers on the server. Use cases talk to the database through these helpers or through
 * `db.collection(...)` with the result types below; nothing else casts.
 */
export type Database = ReturnType<typeof cloud.database>
export type Command = Database['command']

export interface DocBase {
  _id: string
}

interface GetResult<T> {
  data: T[]
}
interface UpdateResult {
  stats: { updated: number }
}
interface CountResult {
  total: number
}
interface SdkError {
  errCode?: number
  errMsg?: string
}

export function isSdkError(err: unknown): err is SdkError {
  return typeof err === 'object' && err !== null && ('errCode' in err || 'errMsg' in err)
}

export function database(): Database {
  return cloud.database()
}

export async function findById<T extends DocBase>(db: Database, collection: CollectionName, id: string): Promise<T | null> {
  // where() rather than doc().get(): a missing document is a normal answer here, not an exception.
  const res = (await db.collection(collection).where({ _id: id }).limit(1).get()) as unknown as GetResult<T>
  return res.data[0] ?? null
}

export async function findMany<T extends DocBase>(
  query: ReturnType<Database['collection']> | ReturnType<ReturnType<Database['collection']>['where']>,
): Promise<T[]> {
  const res = (await query.get()) as unknown as GetResult<T>
  return res.data
}

export async function countWhere(db: Database, collection: CollectionName, where: Record<string, unknown>): Promise<number> {
  const res = (await db.collection(collection).where(where).count()) as CountResult
  return res.total
}

/**
 * Inserts a document whose `_id` is deterministic. Answers `false` when a document with that id already
 * exists — the race-safe way to say "only once" (docs/architecture.md "Rules that hold everywhere"): two
 * concurrent calls, one winner.
 */
export async function insertOnce<T extends DocBase>(db: Database, collection: CollectionName, doc: T): Promise<boolean> {
  try {
    await db.collection(collection).add({ data: doc })
    return true
  } catch (err) {
    // The duplicate-key error text is not documented; ask the store instead of parsing the message.
    if (await findById(db, collection, doc._id)) return false
    throw err
  }
}

/** A conditional update; answers how many documents matched the condition and were changed. */
export async function updateWhere(
  db: Database,
  collection: CollectionName,
  where: Record<string, unknown>,
  data: Record<string, unknown>,
): Promise<number> {
  const res = (await db.collection(collection).where(where).update({ data })) as UpdateResult
  return res.stats.updated
}

/** What use cases may do in a transaction: single-document reads and writes (docs/architecture.md "Rules that hold everywhere"). */
export interface TxDocument {
  get(): Promise<unknown>
  set(options: { data: Record<string, unknown> }): Promise<unknown>
  update(options: { data: Record<string, unknown> }): Promise<unknown>
  remove(): Promise<unknown>
}

export interface Tx {
  collection(name: CollectionName): { doc(id: string): TxDocument }
}

/**
 * Runs `work` in a database transaction. Throwing (an AppError for an expected refusal) rolls every
 * write back, so counts kept on documents always add up with the documents they count.
 */
export async function inTransaction<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  const run = db.runTransaction.bind(db) as (cb: (tx: Tx) => Promise<T>, times?: number) => Promise<T>
  return run(work)
}

/** A document read inside a transaction; `null` when it does not exist (whatever `throwOnNotFound` says). */
export async function txGet<T extends DocBase>(tx: Tx, collection: CollectionName, id: string): Promise<T | null> {
  try {
    const res = (await tx.collection(collection).doc(id).get()) as { data: T | T[] | null }
    if (Array.isArray(res.data)) return res.data[0] ?? null
    return res.data ?? null
  } catch (err) {
    if (isSdkError(err) && err.errCode === -1) return null
    throw err
  }
}

/** A person's text as a pattern that matches only itself. */
export function escapePattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
