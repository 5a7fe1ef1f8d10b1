import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { QueryShape } from '../../cloudfunctions/emulator/backend'

/** The environment's declaration, which the test clouds start from as `npm start` does. */
export const ENVIRONMENT_FILE = path.resolve(__dirname, '../../cloudbaserc.json')

/**
 * Where the local clouds of this run leave the query shapes the functions sent, for the index-coverage
 * check at the end of the run (set by `integration/index-coverage.setup.ts`; unset, nothing is kept).
 */
export const QUERY_SHAPES_DIR_VARIABLE = 'ZBHD_QUERY_SHAPES_DIR'

/** Keeps the shapes a function sent (a test's own SDK calls name none and are not the functions' queries). */
export async function saveQueryShapes(shapes: readonly QueryShape[]): Promise<void> {
  const dir = process.env[QUERY_SHAPES_DIR_VARIABLE]
  const sent = shapes.filter((shape) => shape.functionName !== null)
  if (!dir || !existsSync(dir) || sent.length === 0) return
  await writeFile(path.join(dir, `${process.pid}-${randomBytes(6).toString('hex')}.json`), JSON.stringify(sent))
}

/** Every shape left in `dir`, once each. */
export async function loadQueryShapes(dir: string): Promise<QueryShape[]> {
  const byKey = new Map<string, QueryShape>()
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.json'))) {
    for (const { calls: _calls, ...shape } of JSON.parse(await readFile(path.join(dir, file), 'utf8')) as Array<QueryShape & { calls?: number }>) {
      byKey.set(JSON.stringify(shape), shape)
    }
  }
  return [...byKey.values()]
}
