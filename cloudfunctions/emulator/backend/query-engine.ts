import { find, Query } from 'mingo'
import { update as applyModifier } from 'mingo/updater'
import { cloneValue, isDateValue } from './clone-document'
import { fromEngineError, invalidParam, unsupported } from './backend-error'
import { isPlainObject, stringifyEjson, type Doc, type DocId } from './ejson-codec'

/**
 * Query, sort, projection and update semantics are MongoDB's, evaluated by `mingo` (docs/local-cloud.md
 * "Queries").
 * nedb (collection-store.ts) keeps and scans the documents; its own query language is not trusted
 * with the meaning: it lacks operators the SDK sends ($eq, $all, $nor, $expr…) and differs on
 * missing-field and nested-array semantics.
 */

/** What a query runs over: a collection, or a transaction's view of one. Results belong to the caller. */
export interface DocView {
  get(id: DocId): Promise<Doc | undefined>
  /** Matching documents in natural order. */
  find(query: Doc | undefined, page?: Page): Promise<Doc[]>
  count(query: Doc | undefined): Promise<number>
}

export interface Page {
  skip?: number
  limit?: number
}

export const EMPTY_VIEW: DocView = {
  get: async () => undefined,
  find: async () => [],
  count: async () => 0,
}

const QUERY_OPTIONS = { scriptEnabled: false } as const

/**
 * Compiling a mingo Query copies mingo's whole operator table (~0.2 ms), which dominated the cost of
 * a request. Two remedies: plain equality queries — most of what functions send, e.g.
 * `{ _id, status: 'open' }`, `{ openid }` — are matched directly; other queries are compiled once per
 * distinct query (an LRU keyed by the query's canonical text).
 */
const COMPILED_CACHE_SIZE = 500
const compiledCache = new Map<string, Query>()

function compile(query: Doc): Query {
  const key = stringifyEjson(query)
  const cached = compiledCache.get(key)
  if (cached) {
    // Refresh its position: Map iteration order is insertion order, so the first key is the oldest.
    compiledCache.delete(key)
    compiledCache.set(key, cached)
    return cached
  }
  let compiled: Query
  try {
    compiled = new Query(query, QUERY_OPTIONS)
  } catch (err) {
    throw fromEngineError(err)
  }
  compiledCache.set(key, compiled)
  if (compiledCache.size > COMPILED_CACHE_SIZE) {
    const oldest = compiledCache.keys().next().value
    if (oldest !== undefined) compiledCache.delete(oldest)
  }
  return compiled
}

type Scalar = string | number | boolean

/** Field path → value pairs when every condition is `field: <string | number | boolean>`. */
function equalityTerms(query: Doc): Array<[string[], Scalar]> | undefined {
  const terms: Array<[string[], Scalar]> = []
  for (const [key, value] of Object.entries(query)) {
    if (key.startsWith('$')) return undefined
    if (typeof value !== 'string' && typeof value !== 'boolean' && !(typeof value === 'number' && Number.isFinite(value))) return undefined
    terms.push([key.split('.'), value])
  }
  return terms
}

const UNDECIDED = Symbol('undecided')

/** MongoDB equality for one term, or UNDECIDED when the path crosses an array (left to mingo). */
function matchTerm(doc: Doc, path: string[], expected: Scalar): boolean | typeof UNDECIDED {
  let current: unknown = doc
  for (const segment of path) {
    if (Array.isArray(current)) return UNDECIDED
    if (current === null || typeof current !== 'object') return false
    current = (current as Doc)[segment]
  }
  if (current === expected) return true
  if (Array.isArray(current)) return current.some((item) => item === expected)
  return false
}

export type Matcher = (doc: Doc) => boolean

export function compileMatcher(query: Doc): Matcher {
  const terms = equalityTerms(query)
  if (!terms) {
    const compiled = compile(query)
    return (doc) => test(compiled, doc)
  }
  let fallback: Query | undefined
  return (doc) => {
    for (const [path, expected] of terms) {
      const outcome = matchTerm(doc, path, expected)
      if (outcome === UNDECIDED) {
        fallback ??= compile(query)
        return test(fallback, doc)
      }
      if (!outcome) return false
    }
    return true
  }
}

function test(compiled: Query, doc: Doc): boolean {
  try {
    return compiled.test(doc)
  } catch (err) {
    throw fromEngineError(err)
  }
}

export interface FindOptions {
  query?: Doc
  order?: Doc
  offset?: number
  limit?: number
  projection?: Doc
}

/** Mongo order: filter, sort, skip, limit, then project (sorting may use fields the projection drops). */
export async function findDocs(view: DocView, options: FindOptions): Promise<Doc[]> {
  const { order, projection } = options
  const offset = options.offset ?? 0
  const limit = options.limit ?? Infinity
  const hasOrder = order !== undefined && Object.keys(order).length > 0
  const hasProjection = projection !== undefined && Object.keys(projection).length > 0
  // Without an order the store skips and limits in natural order itself.
  const matched = await view.find(options.query, hasOrder ? {} : { skip: offset, limit })
  if (!hasOrder && !hasProjection) return matched
  try {
    let cursor = find(matched, {}, hasProjection ? projection : undefined)
    if (hasOrder) {
      cursor = cursor.sort(toSortSpec(order))
      if (offset > 0) cursor = cursor.skip(offset)
      if (Number.isFinite(limit)) cursor = cursor.limit(limit)
    }
    const rows = cursor.all() as Doc[]
    return hasProjection ? rows.map(restoreKeyOrder) : rows
  } catch (err) {
    throw fromEngineError(err)
  }
}

function toSortSpec(order: Doc): Record<string, 1 | -1> {
  const spec: Record<string, 1 | -1> = {}
  for (const [field, direction] of Object.entries(order)) {
    if (direction !== 1 && direction !== -1) throw invalidParam(`invalid sort direction for ${field}: ${String(direction)}`)
    spec[field] = direction
  }
  return spec
}

/** mingo appends `_id` after the projected fields; MongoDB keeps `_id` first. */
function restoreKeyOrder(row: Doc): Doc {
  if (!('_id' in row)) return row
  const { _id, ...rest } = row
  return { _id, ...rest }
}

const UPDATE_OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$push',
  '$pop',
  '$pull',
  '$pullAll',
  '$addToSet',
  '$bit',
  '$currentDate',
])

export function isOperatorDocument(data: Doc): boolean {
  return Object.keys(data).some((key) => key.startsWith('$'))
}

/**
 * `_.addToSet({ each: [...] })` is documented as adding several values, but the SDK sends it as
 * `{ each: [...] }` without translating to `$each`; what the server then does is undocumented.
 * Chosen: an object whose only key is `each` with an array value means `$each`.
 */
function translateAddToSet(spec: unknown): unknown {
  if (!isPlainObject(spec)) return spec
  const out: Doc = {}
  for (const [field, value] of Object.entries(spec)) {
    const keys = isPlainObject(value) ? Object.keys(value) : []
    out[field] =
      isPlainObject(value) && keys.length === 1 && keys[0] === 'each' && Array.isArray(value.each) ? { $each: value.each } : value
  }
  return out
}

export interface UpdateOutcome {
  doc: Doc
  modified: boolean
}

/**
 * Applies an update document (`$set`, `$inc`, …) to `doc` IN PLACE — views hand out copies — and says
 * whether anything changed (mingo reports no field for `$set` of the same value, `$inc` by 0, …).
 */
export function applyUpdate(doc: Doc, update: Doc): UpdateOutcome {
  const modifier: Doc = {}
  for (const [op, spec] of Object.entries(update)) {
    if (!op.startsWith('$')) {
      throw invalidParam(`update document mixes operators and plain field "${op}"; use $set`)
    }
    if (!UPDATE_OPERATORS.has(op)) throw unsupported(`update operator ${op}`)
    if (!isPlainObject(spec)) throw invalidParam(`${op} needs an object of field paths`)
    modifier[op] = op === '$addToSet' ? translateAddToSet(spec) : spec
  }
  const id = doc._id
  let changedFields: string[]
  // From `mingo/updater` rather than the package root: the root's `update` copies mingo's whole
  // operator table on every call (~3× the cost of the update itself); the updater loads only the
  // query operators an update can use.
  try {
    changedFields = applyModifier(doc, modifier, undefined, undefined, { queryOptions: QUERY_OPTIONS })
  } catch (err) {
    throw fromEngineError(err)
  }
  if (doc._id !== id) {
    throw invalidParam("Performing an update on the path '_id' would modify the immutable field '_id'")
  }
  return { doc, modified: changedFields.length > 0 }
}

/** doc.set: the whole document is replaced by `data`, keeping `_id` (first, as MongoDB does). */
export function replaceDocument(id: DocId, data: Doc): Doc {
  if (isOperatorDocument(data)) throw invalidParam('a replacement document must not contain update operators')
  const { _id: _ignored, ...rest } = data
  return { _id: id, ...cloneValue(rest) }
}

/**
 * The document an upsert creates when nothing matched: the equality fields of the query (in practice
 * `_id`) plus the update applied to them.
 */
export function upsertSeed(query: Doc | undefined, id: DocId): Doc {
  const seed: Doc = { _id: id }
  if (!query) return seed
  for (const [key, value] of Object.entries(query)) {
    if (key.startsWith('$') || key.includes('.') || key === '_id') continue
    if (isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'))) continue
    seed[key] = value
  }
  return seed
}

/** Stable semantic comparison of two stored documents (key order matters, as in BSON). */
export function sameDocument(a: Doc, b: Doc): boolean {
  return JSON.stringify(a, dateAware) === JSON.stringify(b, dateAware)
}

function dateAware(this: unknown, key: string, value: unknown): unknown {
  const holder = this as Record<string, unknown>
  const raw = holder[key]
  return isDateValue(raw) ? { $date: raw.getTime() } : value
}
