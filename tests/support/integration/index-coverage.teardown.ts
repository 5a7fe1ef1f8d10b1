import { rm } from 'node:fs/promises'
import { coverageReport, readDeclaredCollections, unservedQueries } from '../../../cloudfunctions/emulator/backend'
import { ENVIRONMENT_FILE, loadQueryShapes, QUERY_SHAPES_DIR_VARIABLE } from '../query-shapes'

/**
 * Jest's globalTeardown: every query a function sent during the run must be served by an index that
 * cloudbaserc.json declares; otherwise the run fails, naming each query and the function that sent it
 * (docs/local-cloud.md, "Index coverage").
 */
export default async function teardown(): Promise<void> {
  const dir = process.env[QUERY_SHAPES_DIR_VARIABLE]
  if (!dir) return
  delete process.env[QUERY_SHAPES_DIR_VARIABLE]
  const shapes = await loadQueryShapes(dir)
  await rm(dir, { recursive: true, force: true })
  const unserved = unservedQueries(shapes, readDeclaredCollections(ENVIRONMENT_FILE))
  if (unserved.length > 0) throw new Error(coverageReport(unserved))
  const functions = new Set(shapes.map((shape) => shape.functionName))
  console.log(`index coverage: ${shapes.length} query shapes from ${[...functions].sort().join(', ')}, each served by a declared index`)
}
