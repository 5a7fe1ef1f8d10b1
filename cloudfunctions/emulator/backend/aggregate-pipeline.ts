import { Aggregator, ProcessingMode } from 'mingo'
import { cloneValue } from './clone-document'
import { fromEngineError, invalidParam, unsupported } from './backend-error'
import type { DocumentStore } from './document-store'
import { isPlainObject, normalizeValue, parseEjson, type Doc } from './ejson-codec'
import type { DocView } from './query-engine'

/**
 * `collection.aggregate()…end()`: the SDK sends `stages: [{ stageKey: '$match', stageValue: '<EJSON or
 * JSON text>' }]`; the pipeline is evaluated by mingo over the collection's documents.
 */

/** Read-only stages mingo evaluates with MongoDB semantics. Anything else is refused by name. */
const SUPPORTED_STAGES = new Set([
  '$addFields',
  '$bucket',
  '$bucketAuto',
  '$count',
  '$facet',
  '$graphLookup',
  '$group',
  '$limit',
  '$lookup',
  '$match',
  '$project',
  '$redact',
  '$replaceRoot',
  '$replaceWith',
  '$sample',
  '$set',
  '$skip',
  '$sort',
  '$sortByCount',
  '$unset',
  '$unwind',
])

/**
 * Without an explicit `$limit` the server answers at most 20 results (docs/local-cloud.md "Aggregation";
 * community reports, not documented). Chosen: when the pipeline has no top-level `$limit` stage, the
 * final list is cut to 20.
 */
export const AGGREGATE_DEFAULT_LIMIT = 20

export function parseStages(raw: unknown[], now: number): Doc[] {
  return raw.map((stage, index) => {
    if (!isPlainObject(stage)) throw invalidParam(`stages[${index}] must be an object`)
    const key = stage.stageKey
    if (typeof key !== 'string') throw invalidParam(`stages[${index}].stageKey must be a string`)
    if (!SUPPORTED_STAGES.has(key)) throw unsupported(`aggregate stage ${key}`)
    const value = typeof stage.stageValue === 'string' ? parseEjson(stage.stageValue, `${key} stage`, now) : normalizeValue(stage.stageValue, now)
    return { [key]: value }
  })
}

export async function runPipeline(store: DocumentStore, source: DocView, pipeline: Doc[]): Promise<Doc[]> {
  const [first, ...rest] = pipeline
  // A leading $match is answered by the store (its `_id` index, its scan); the input is a copy.
  const leadingMatch = first && isPlainObject(first.$match) ? first.$match : undefined
  const input = await source.find(leadingMatch)
  const stages = leadingMatch ? rest : pipeline
  let result: Doc[]
  try {
    const aggregator = new Aggregator(stages, {
      processingMode: ProcessingMode.CLONE_OFF,
      scriptEnabled: false,
      // Every collection is loaded at start, so $lookup can resolve synchronously from nedb's
      // in-memory documents; copies, since stages may write into their inputs.
      collectionResolver: (name: string) => store.get(name)?.allDocuments().map((doc) => cloneValue(doc)) ?? [],
    })
    result = aggregator.run(input) as Doc[]
  } catch (err) {
    throw fromEngineError(err)
  }
  const hasLimit = pipeline.some((stage) => '$limit' in stage)
  return hasLimit ? result : result.slice(0, AGGREGATE_DEFAULT_LIMIT)
}
