import type { DeclaredCollection, DeclaredIndex } from './declared-collections'
import type { FieldUse, QueryShape, SortKey } from './query-shapes'

/**
 * Whether the cloud database can serve a query from a declared index, by MongoDB's prefix rule
 * (docs/local-cloud.md, "Index coverage"): the fields a branch of the filter compares with one value come
 * first in the index (any order), then its sort fields in order (all in the index's directions or all
 * reversed), then its range fields, with no key of the index skipped before the last one used. An `_id`
 * lookup is always served; so is a `doc(id)` query, which is never recorded. Every collection also has
 * MongoDB's own `_id` index, which serves a batch job walking a whole collection in `_id` order.
 */

const ID_INDEX: DeclaredIndex = { name: '_id_', unique: true, keys: [{ field: '_id', direction: 1 }] }

export interface UnservedQuery {
  shape: QueryShape
  /** The branch of the filter (one side of an `$or`) that no index serves. */
  branch: Record<string, FieldUse>
}

export function unservedQueries(shapes: readonly QueryShape[], collections: readonly DeclaredCollection[]): UnservedQuery[] {
  const indexes = new Map(collections.map((c) => [c.name, c.indexes]))
  const out: UnservedQuery[] = []
  for (const shape of shapes) {
    const declared = indexes.get(shape.collection) ?? []
    const countsAll = shape.action === 'count' && shape.branches.length === 1 && Object.keys(shape.branches[0] ?? {}).length === 0
    const branch = shape.branches.find((b) => !servingIndex(b, shape.sort, declared, countsAll))
    if (branch) out.push({ shape, branch })
  }
  return out
}

/** The index that serves one branch with the given sort: `'_id'`, a declared index, or undefined. */
export function servingIndex(
  branch: Record<string, FieldUse>,
  sort: readonly SortKey[],
  indexes: readonly DeclaredIndex[],
  countsAll = false,
): DeclaredIndex | '_id' | undefined {
  if (branch._id === 'eq') return '_id'
  // A count of everything reads the `_id` index alone (MongoDB's COUNT_SCAN), touching no document.
  if (countsAll) return '_id'
  return [ID_INDEX, ...indexes].find((index) => serves(index, branch, sort))
}

function serves(index: DeclaredIndex, branch: Record<string, FieldUse>, sort: readonly SortKey[]): boolean {
  const keys = index.keys.map((k) => k.field)
  const used = new Set([...Object.keys(branch), ...sort.map((s) => s.field)])
  if (used.size === 0) return false // a scan of the whole collection
  // Every field used is a key, and the keys up to the last one used are all used: a prefix.
  if (![...used].every((field) => keys.includes(field))) return false
  const last = Math.max(...[...used].map((field) => keys.indexOf(field)))
  if (!keys.slice(0, last + 1).every((field) => used.has(field))) return false
  // A sort on a field compared with one value is already in order; the rest must follow the index's keys
  // once those are set aside, all in its directions or all reversed.
  const pinned = (field: string) => branch[field] === 'eq'
  const ordered = index.keys.filter((k) => !pinned(k.field))
  const wanted = sort.filter((s) => !pinned(s.field))
  if (wanted.length === 0) return true
  const flip = ordered[0]?.direction === wanted[0]?.direction ? 1 : -1
  return wanted.every((s, i) => ordered[i]?.field === s.field && ordered[i].direction * flip === s.direction)
}

/** e.g. `lectures.get { branchId =, endAt range } sort startAt desc, _id desc`: what a failure names. */
export function describeShape(shape: QueryShape, branch?: Record<string, FieldUse>): string {
  const fields = (b: Record<string, FieldUse>) => `{ ${Object.entries(b).map(([field, use]) => `${field} ${use === 'eq' ? '=' : 'range'}`).join(', ')} }`
  const filter = branch && shape.branches.length > 1 ? `${shape.branches.map(fields).join(' or ')}, unserved: ${fields(branch)}` : fields(shape.branches[0] ?? {})
  const sort = shape.sort.length > 0 ? ` sort ${shape.sort.map((s) => `${s.field} ${s.direction === 1 ? 'asc' : 'desc'}`).join(', ')}` : ''
  return `${shape.collection}.${shape.action} ${filter}${sort}`
}

/**
 * The index that would serve a branch, keys in the order the rule needs: what the failure suggests adding
 * to cloudbaserc.json (equality fields, then the sort, then range fields).
 */
export function suggestedKeys(branch: Record<string, FieldUse>, sort: readonly SortKey[]): string {
  const eq = Object.keys(branch).filter((f) => branch[f] === 'eq')
  const sorted = sort.filter((s) => branch[s.field] !== 'eq')
  const range = Object.keys(branch).filter((f) => branch[f] === 'range' && !sorted.some((s) => s.field === f))
  return [...eq.map((f) => `${f} 1`), ...sorted.map((s) => `${s.field} ${s.direction}`), ...range.map((f) => `${f} 1`)].join(', ')
}

/** The check's failure: each unserved query, who sent it, and an index that would serve it. */
export function coverageReport(unserved: readonly UnservedQuery[]): string {
  const lines = unserved.map(({ shape, branch }) =>
    [
      `- ${shape.functionName ?? '(no function named)'}: ${describeShape(shape, branch)}`,
      `    declare an index on ${shape.collection} with keys (${suggestedKeys(branch, shape.sort)}), or change the query`,
    ].join('\n'),
  )
  return `index coverage: ${unserved.length} ${unserved.length === 1 ? 'query is' : 'queries are'} not served by an index declared in cloudbaserc.json (MongoDB's prefix rule, docs/local-cloud.md "Index coverage"):\n${lines.join('\n')}`
}
