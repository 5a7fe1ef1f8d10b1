import { parseStages } from './aggregate-pipeline'
import { isPlainObject, parseEjsonObject, type Doc } from './ejson-codec'
import type { Params } from './request-params'

/**
 * The shape of each query the functions send — collection, filtered fields (equality or range), sort —
 * without its values, and which function sent it: what the index-coverage check holds against the declared
 * indexes (index-coverage.ts; docs/local-cloud.md, "Index coverage").
 */

/** How a branch of a filter constrains a field: one value (or a list of values), or anything else. */
export type FieldUse = 'eq' | 'range'

export interface SortKey {
  field: string
  direction: 1 | -1
}

export interface QueryShape {
  /** The function whose instance sent it; null when the request named none (a test's own SDK call). */
  functionName: string | null
  collection: string
  action: 'get' | 'count' | 'update' | 'remove' | 'aggregate'
  /**
   * The filter in disjunctive form: an `$or` is served only when each of its branches is. `[{}]` is a query
   * with no filter.
   */
  branches: Array<Record<string, FieldUse>>
  sort: SortKey[]
}

const ACTIONS: Record<string, QueryShape['action']> = {
  'database.getDocument': 'get',
  'database.calculateDocument': 'count',
  'database.modifyDocument': 'update',
  'database.modifyAndReturnDoc': 'update',
  'database.removeDocument': 'remove',
  'database.aggregateDocuments': 'aggregate',
}

/** A field compared against one value or a list of them (`$in`: a handful of points, as MongoDB plans it). */
const POINT_OPERATORS = new Set(['$eq', '$in'])
/** More branches than this means a filter no index plan would take apart; it is kept whole as unservable. */
const MAX_BRANCHES = 64

export class QueryShapeLog {
  private readonly seen = new Map<string, { shape: QueryShape; calls: number }>()

  /**
   * Notes the query of a database action, if it has one. A `doc(id)` query is left out: the `_id` index
   * always serves it. Reads its parameters again rather than asking the handler, so a request the handler
   * refuses is never recorded as a shape, and the handler stays as it is.
   */
  note(functionName: string | null, action: string, params: Params, now: number): void {
    const kind = ACTIONS[action]
    if (!kind || params.queryType === 'DOC' || typeof params.collectionName !== 'string') return
    let shape: QueryShape
    try {
      shape = kind === 'aggregate' ? aggregateShape(functionName, params.collectionName, params, now) : queryShape(functionName, params.collectionName, kind, params, now)
    } catch {
      return // the handler answers the malformed request with its own error
    }
    const key = JSON.stringify(shape)
    const known = this.seen.get(key)
    if (known) known.calls += 1
    else this.seen.set(key, { shape, calls: 1 })
  }

  shapes(): Array<QueryShape & { calls: number }> {
    return [...this.seen.values()].map(({ shape, calls }) => ({ ...shape, calls }))
  }
}

function queryShape(functionName: string | null, collection: string, action: QueryShape['action'], params: Params, now: number): QueryShape {
  const query = params.query === undefined || params.query === '' ? {} : parseEjsonObject(params.query, 'query', now)
  // `orderBy` calls arrive as one object, `{ field: 1 | -1 }` in call order.
  const order = params.order === undefined ? {} : parseEjsonObject(params.order, 'order', now)
  return { functionName, collection, action, branches: filterBranches(query), sort: sortKeys(order) }
}

function aggregateShape(functionName: string | null, collection: string, params: Params, now: number): QueryShape {
  const stages = parseStages(Array.isArray(params.stages) ? params.stages : [], now)
  const match = stages[0]?.$match
  const sort = stages[isPlainObject(match) ? 1 : 0]?.$sort
  return { functionName, collection, action: 'aggregate', branches: filterBranches(isPlainObject(match) ? match : {}), sort: sortKeys(isPlainObject(sort) ? sort : {}) }
}

function sortKeys(order: Doc): SortKey[] {
  return Object.entries(order).map(([field, direction]) => ({ field, direction: direction === -1 ? -1 : 1 }))
}

/** The filter as an OR of ANDs (each a field → use map); a field constrained twice in one branch is a point if either is. */
function filterBranches(filter: Doc): Array<Record<string, FieldUse>> {
  let branches: Array<Record<string, FieldUse>> = [{}]
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) branches = product(branches, isPlainObject(part) ? filterBranches(part) : [{}])
    } else if (key === '$or' && Array.isArray(value)) {
      branches = product(branches, value.flatMap((part) => (isPlainObject(part) ? filterBranches(part) : [{}])))
    } else if (key === '$nor' && Array.isArray(value)) {
      // A negation bounds nothing: every field it names is a range at best.
      const fields = value.flatMap((part) => (isPlainObject(part) ? filterBranches(part) : [])).flatMap((b) => Object.keys(b))
      branches = product(branches, [Object.fromEntries(fields.map((f) => [f, 'range' as const]))])
    } else {
      // `$expr`, `$where`, `$text`: no index bounds them; kept as a field no index has.
      branches = product(branches, [{ [key]: key.startsWith('$') ? 'range' : fieldUse(value) }])
    }
  }
  return branches
}

function fieldUse(value: unknown): FieldUse {
  if (!isPlainObject(value)) return value instanceof RegExp ? 'range' : 'eq'
  const operators = Object.keys(value).filter((k) => k.startsWith('$'))
  if (operators.length === 0) return 'eq'
  return operators.some((op) => POINT_OPERATORS.has(op)) ? 'eq' : 'range'
}

function product(left: Array<Record<string, FieldUse>>, right: Array<Record<string, FieldUse>>): Array<Record<string, FieldUse>> {
  const out: Array<Record<string, FieldUse>> = []
  for (const a of left) {
    for (const b of right) {
      const merged: Record<string, FieldUse> = { ...a }
      for (const [field, use] of Object.entries(b)) merged[field] = merged[field] === 'eq' || use === 'eq' ? 'eq' : 'range'
      out.push(merged)
    }
  }
  return out.length > MAX_BRANCHES ? [{ $tooManyBranches: 'range' }] : out
}
