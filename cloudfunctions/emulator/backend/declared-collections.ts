import { readFileSync } from 'node:fs'
import type { UniqueIndex } from './collection-store'

/** A collection as the environment declares it, and the unique indexes the local store enforces on it. */
export interface DeclaredCollection {
  name: string
  unique: UniqueIndex[]
  /** Every declared index, unique or not, its keys in order: what the index-coverage check reads (index-coverage.ts). */
  indexes: DeclaredIndex[]
}

export interface DeclaredIndex {
  name: string
  unique: boolean
  keys: Array<{ field: string; direction: 1 | -1 }>
}

const DATABASE_PLUGIN = '@cloudbase/framework-plugin-database'

interface PluginIndex {
  name?: unknown
  unique?: unknown
  keys?: Array<{ name?: unknown; direction?: unknown }>
}

/**
 * The collections of cloudbaserc.json (the CloudBase Framework database plugin's `inputs.collections`,
 * what `npm run deploy` creates in the cloud): the backend creates them at start and enforces their
 * unique indexes (docs/local-cloud.md, "The declared environment"). Other indexes only speed the cloud up,
 * and locally they are what the index-coverage check holds each query against.
 */
export function readDeclaredCollections(file: string): DeclaredCollection[] {
  let parsed: { framework?: { plugins?: Record<string, { use?: unknown; inputs?: { collections?: unknown } }> } }
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as typeof parsed
  } catch (err) {
    throw new Error(`读取环境声明 ${file} 失败：${err instanceof Error ? err.message : String(err)}`, { cause: err })
  }
  const plugins = Object.values(parsed.framework?.plugins ?? {}).filter((plugin) => plugin.use === DATABASE_PLUGIN)
  const out: DeclaredCollection[] = []
  for (const plugin of plugins) {
    const collections = plugin.inputs?.collections
    if (!Array.isArray(collections)) throw new Error(`环境声明 ${file}：${DATABASE_PLUGIN} 没有 collections 列表`)
    for (const c of collections as Array<{ collectionName?: unknown; createIndexes?: PluginIndex[] }>) {
      if (typeof c.collectionName !== 'string') throw new Error(`环境声明 ${file}：集合缺少 collectionName`)
      const indexes = (c.createIndexes ?? []).map((index) => readIndex(file, c.collectionName as string, index))
      const unique = indexes.filter((index) => index.unique).map((index) => ({ name: index.name, fields: index.keys.map((k) => k.field) }))
      out.push({ name: c.collectionName, unique, indexes })
    }
  }
  return out
}

function readIndex(file: string, collection: string, index: PluginIndex): DeclaredIndex {
  const keys = (index.keys ?? []).map((k) => ({ field: k.name, direction: k.direction === '-1' || k.direction === -1 ? -1 : 1 }) as const)
  if (typeof index.name !== 'string' || keys.length === 0 || !keys.every((k): k is { field: string; direction: 1 | -1 } => typeof k.field === 'string')) {
    throw new Error(`环境声明 ${file}：集合 ${collection} 的索引缺少 name 或 keys`)
  }
  return { name: index.name, unique: index.unique === true, keys }
}
