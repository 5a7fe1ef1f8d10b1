import { existsSync, readdirSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Envelope } from '../../../cloudfunctions/contracts'
import { startHost, type RunningHost } from '../../../cloudfunctions/emulator/host'
import { ENVIRONMENT_FILE, saveQueryShapes } from '../query-shapes'

const ROOT = path.resolve(__dirname, '../../..')
const H5_DIR = path.join(ROOT, 'dist/h5')
const FUNCTIONS_DIR = path.join(ROOT, 'dist/cloudfunctions')

export interface TestHost {
  url: string
  store: RunningHost['store']
  outbox: RunningHost['outbox']
  /**
   * One action of one function as `openid` (the host takes the caller from `x-openid`), for what a spec
   * sets up through the API rather than the page; a refusal throws with its code and message.
   */
  api<T>(fn: string, openid: string, event: Record<string, unknown>): Promise<T>
  /** Stops the host and deletes its data. */
  close(): Promise<void>
}

export interface TestHostOptions {
  /** Instances per function; default 4, as `npm start`. */
  instances?: number
  timeoutMs?: number
}

/**
 * The local cloud for one test file: the built H5 app and function bundles (exactly what `npm start`
 * serves, under the same declaration, cloudbaserc.json), a free port, and a fresh seeded store in a temp folder. It builds nothing — `npm test`
 * builds first — so a missing build fails loudly instead of testing something stale or half-made.
 */
export async function startTestHost(options: TestHostOptions = {}): Promise<TestHost> {
  assertBuilt()
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'zbhd-e2e-data-'))
  let host: RunningHost
  try {
    host = await startHost({
      port: 0,
      dataDir,
      functionsDir: FUNCTIONS_DIR,
      h5Dir: H5_DIR,
      instances: options.instances,
      timeoutMs: options.timeoutMs,
      // As `npm start`: declared timeouts, collections and unique indexes.
      environmentFile: ENVIRONMENT_FILE,
      logLevel: 'warn',
    })
  } catch (err) {
    await rm(dataDir, { recursive: true, force: true })
    throw err
  }
  return {
    url: host.url,
    store: host.store,
    outbox: host.outbox,
    api: async <T>(fn: string, openid: string, event: Record<string, unknown>) => {
      const res = await fetch(`${host.url}/api/${fn}`, {
        method: 'POST',
        headers: { 'x-openid': openid, 'content-type': 'application/json' },
        body: JSON.stringify(event),
      })
      const body = (await res.json()) as Envelope<T>
      if (!body.ok) throw new Error(`${fn}.${String(event.action)} as ${openid}: ${body.error.code} ${body.error.message}`)
      return body.data
    },
    close: async () => {
      await saveQueryShapes(host.queryShapes())
      await host.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

function assertBuilt(): void {
  const missing: string[] = []
  if (!existsSync(path.join(H5_DIR, 'index.html'))) missing.push('dist/h5/index.html')
  const bundles = existsSync(FUNCTIONS_DIR)
    ? readdirSync(FUNCTIONS_DIR).filter((name) => existsSync(path.join(FUNCTIONS_DIR, name, 'index.js')))
    : []
  if (bundles.length === 0) missing.push('dist/cloudfunctions/<fn>/index.js')
  if (missing.length > 0) {
    throw new Error(`E2E needs the built app and functions (missing: ${missing.join(', ')}). Run \`npm run build\` first (\`npm test\` does it for you).`)
  }
}
