import { readFileSync } from 'node:fs'
import type { UniqueIndex } from './collection-store'

/** A collection as the environment declares it, and the unique indexes the local store enforces on it. */
export interface DeclaredCollection {
  name: string
  unique: UniqueIndex[]
}

const DATABASE_PLUGIN = '@cloudbase/framework-plugin-database'

interface PluginIndex {
  name?: unknown
  unique?: unknown
  keys?: Array<{ name?: unknown }>
}

/**
 * The collections of cloudbaserc.json (the CloudBase Framework database plugin's `inputs.collections`,
 * what `npm run deploy` creates in the cloud): the backend creates them at start and enforces their
 * unique indexes (docs/local-cloud.md, "The declared environment"). Other indexes only speed the cloud up.
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
      const unique = (c.createIndexes ?? [])
        .filter((index) => index.unique === true)
        .map((index) => {
          const fields = (index.keys ?? []).map((k) => k.name)
          if (typeof index.name !== 'string' || fields.length === 0 || !fields.every((f): f is string => typeof f === 'string')) {
            throw new Error(`环境声明 ${file}：集合 ${c.collectionName} 的唯一索引缺少 name 或 keys`)
          }
          return { name: index.name, fields }
        })
      out.push({ name: c.collectionName, unique })
    }
  }
  return out
}
