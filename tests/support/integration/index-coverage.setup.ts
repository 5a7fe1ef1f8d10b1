import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { QUERY_SHAPES_DIR_VARIABLE } from '../query-shapes'

/**
 * Jest's globalSetup for the layers that run the functions: a fresh folder where each local cloud leaves
 * the query shapes it saw, read by `index-coverage.teardown.ts` (docs/local-cloud.md, "Index coverage").
 * Set before any test worker starts, so every worker inherits it.
 */
export default async function setup(): Promise<void> {
  process.env[QUERY_SHAPES_DIR_VARIABLE] ??= await mkdtemp(path.join(os.tmpdir(), 'zbhd-query-shapes-'))
}
