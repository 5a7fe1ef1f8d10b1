import { seedDemoData } from '../../cloudfunctions/emulator/seed'
import { coverageReport, readDeclaredCollections, unservedQueries, type DeclaredCollection } from '../../cloudfunctions/emulator/backend'
import { servingIndex } from '../../cloudfunctions/emulator/backend/index-coverage'
import type { DeclaredIndex } from '../../cloudfunctions/emulator/backend/declared-collections'
import type { FieldUse, SortKey } from '../../cloudfunctions/emulator/backend/query-shapes'
import { startLocalCloud, type LocalCloud } from '../support/local-cloud'
import { functionCaller, type FunctionCaller } from '../support/integration/function-caller'
import { ENVIRONMENT_FILE } from '../support/query-shapes'

/**
 * The index-coverage check (docs/local-cloud.md, "Index coverage"): the queries a function sends are
 * recorded by the backend and held against cloudbaserc.json's indexes; the run's own check is the
 * integration layer's globalTeardown. Here: it passes on the declaration and fails, naming the query and
 * the function, once an index the query needs is taken out.
 */
const declared = readDeclaredCollections(ENVIRONMENT_FILE)

function without(collection: string, indexName: string): DeclaredCollection[] {
  return declared.map((c) => (c.name === collection ? { ...c, indexes: c.indexes.filter((i) => i.name !== indexName) } : c))
}

describe('index coverage of the queries a function sent', () => {
  let cloud: LocalCloud
  let lecture: FunctionCaller

  beforeAll(async () => {
    cloud = await startLocalCloud()
    await seedDemoData(cloud.backend.store)
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    lecture = functionCaller(cloud, 'lecture', require('../../cloudfunctions/functions/lecture').main)
    await lecture.ok('demo-member-1', { action: 'list', scope: 'upcoming' })
    await lecture.ok('demo-secretary', { action: 'list', scope: 'past' })
  })
  afterAll(async () => {
    await cloud.close()
  })

  it('records the lecture list as sent by lecture, with its filter and sort fields', () => {
    const lists = cloud.backend.queryShapes().filter((s) => s.collection === 'lectures' && s.action === 'get')
    expect(lists.length).toBeGreaterThan(0)
    expect(lists.every((s) => s.functionName === 'lecture')).toBe(true)
    expect(lists[0]?.branches).toContainEqual({ branchId: 'eq', status: 'eq', endAt: 'range' })
    expect(lists[0]?.sort.map((s) => s.field)).toEqual(['startAt', '_id'])
  })

  it('passes against the declaration', () => {
    expect(unservedQueries(cloud.backend.queryShapes(), declared)).toEqual([])
  })

  it('fails once the index the list reads through is taken out, naming the query and the function', () => {
    const unserved = unservedQueries(cloud.backend.queryShapes(), without('lectures', 'branch_status_start'))
    expect(unserved.length).toBeGreaterThan(0)
    const report = coverageReport(unserved)
    expect(report).toContain('- lecture: lectures.get')
    expect(report).toContain('branchId =, status =, endAt range')
    expect(report).toMatch(/declare an index on lectures with keys \(branchId 1, status 1, startAt -?1, _id -?1, endAt 1\)/)
  })
})

describe('the prefix rule', () => {
  const index = (...keys: Array<[string, 1 | -1]>): DeclaredIndex => ({ name: keys.map(([f]) => f).join('_'), unique: false, keys: keys.map(([field, direction]) => ({ field, direction })) })
  const sort = (...keys: Array<[string, 1 | -1]>): SortKey[] => keys.map(([field, direction]) => ({ field, direction }))
  const branchStart = index(['branchId', 1], ['startAt', -1], ['_id', -1])

  it.each<[string, Record<string, FieldUse>, SortKey[], boolean]>([
    ['equality then sort in the index order', { branchId: 'eq' }, sort(['startAt', -1], ['_id', -1]), true],
    ['the sort reversed throughout', { branchId: 'eq' }, sort(['startAt', 1], ['_id', 1]), true],
    ['the sort reversed in one key only', { branchId: 'eq' }, sort(['startAt', 1], ['_id', -1]), false],
    ['a range on the sort field (a keyset page)', { branchId: 'eq', startAt: 'range' }, sort(['startAt', -1]), true],
    ['a keyset tie: sort field pinned, then a range on _id', { branchId: 'eq', startAt: 'eq', _id: 'range' }, sort(['startAt', -1], ['_id', -1]), true],
    ['a field the index lacks', { branchId: 'eq', status: 'eq' }, sort(['startAt', -1]), false],
    ['no equality on the first key', { startAt: 'range' }, [], false],
    ['sorted on a field after a skipped key', { branchId: 'eq' }, sort(['_id', -1]), false],
    ['nothing to filter or sort on: a scan', {}, [], false],
    ['an _id lookup, whatever else', { _id: 'eq', status: 'eq' }, [], true],
    ['a whole collection walked in _id order (MongoDB\'s own _id index)', {}, sort(['_id', 1]), true],
    ['_id order under a filter the _id index lacks', { status: 'eq' }, sort(['_id', 1]), false],
  ])('%s', (_name, branch, order, served) => {
    expect(servingIndex(branch, order, [branchStart]) !== undefined).toBe(served)
  })

  it('serves a range after the sort (equality, sort, range) but not before it', () => {
    const esr = index(['branchId', 1], ['startAt', -1], ['_id', -1], ['endAt', 1])
    const ers = index(['branchId', 1], ['endAt', 1], ['startAt', -1], ['_id', -1])
    const branch: Record<string, FieldUse> = { branchId: 'eq', endAt: 'range' }
    expect(servingIndex(branch, sort(['startAt', -1], ['_id', -1]), [esr])).toBe(esr)
    expect(servingIndex(branch, sort(['startAt', -1], ['_id', -1]), [ers])).toBeUndefined()
  })
})
