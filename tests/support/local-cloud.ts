import { promises as fs } from 'fs'
import http from 'http'
import type { AddressInfo } from 'net'
import os from 'os'
import path from 'path'
import { applySdkEnvironment, createBackend, type LocalBackend } from '../../cloudfunctions/emulator/backend'
import { ENVIRONMENT_FILE, saveQueryShapes } from './query-shapes'

/**
 * A local cloud for tests: the backend on a random 127.0.0.1 port with its data in a temp folder.
 *
 * How the real wx-server-sdk reaches it (details and verification in
 * cloudfunctions/emulator/backend/sdk-environment.ts): the SDK reads `TCB_CONTEXT_CNFG` (endpoint),
 * `TENCENTCLOUD_SECRETID/SECRETKEY`, `TENCENTCLOUD=true` on EVERY request and `WX_CONTEXT_KEYS` /
 * `WX_OPENID` / `WX_APPID` / `TCB_ENV` on every `getWXContext()` call — nothing at require time and
 * nothing at `cloud.init()`. So `useCaller` may run before or after a function module is required and
 * may switch identity between calls; calls that overlap in one process share whichever identity was
 * set last (the router reads it synchronously at the start of a call, so set it right before calling).
 *
 * Under Jest each test file has its own `process.env` copy, so files do not see each other's caller.
 */
export interface LocalCloud {
  url: string
  port: number
  dataDir: string
  backend: LocalBackend
  close(): Promise<void>
}

export interface LocalCloudOptions {
  dataDir?: string
  transactionTimeoutMs?: number
  /**
   * The environment's declaration, as `npm start` passes it: its collections exist from the start and their
   * unique indexes hold. Default the repository's cloudbaserc.json; null for a bare backend.
   */
  environmentFile?: string | null
}

export async function startLocalCloud(opts: LocalCloudOptions = {}): Promise<LocalCloud> {
  const ownsDataDir = opts.dataDir === undefined
  const dataDir = opts.dataDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'local-cloud-')))
  let url = ''
  const environmentFile = opts.environmentFile === undefined ? ENVIRONMENT_FILE : (opts.environmentFile ?? undefined)
  const backend = await createBackend({ dataDir, publicUrl: () => url, transactionTimeoutMs: opts.transactionTimeoutMs, environmentFile })

  const server = http.createServer((req, res) => {
    backend.handle(req, res).then(
      (handled) => {
        if (handled) return
        res.statusCode = 404
        res.end('not found')
      },
      (err: unknown) => {
        console.error('[local-cloud] request failed', err)
        if (!res.headersSent) res.statusCode = 500
        res.end()
      },
    )
  })
  // The SDK's HTTP layer (node-sdk request-core) adds a `connect` listener per request that never fires
  // when a queued request is handed an already-connected keep-alive socket (more than 100 requests in
  // flight in one process). Recycling sockets after a few requests keeps that leak below Node's
  // MaxListeners warning while keeping most of keep-alive's benefit.
  server.maxRequestsPerSocket = 8
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  url = `http://127.0.0.1:${port}`

  let closed = false
  return {
    url,
    port,
    dataDir,
    backend,
    async close() {
      if (closed) return
      closed = true
      // The SDK keeps sockets alive (agentkeepalive); close them or the server never finishes closing.
      const done = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await done
      // What the functions asked of the store, for the index-coverage check after the run.
      await saveQueryShapes(backend.queryShapes())
      await backend.close()
      if (ownsDataDir) await fs.rm(dataDir, { recursive: true, force: true })
    },
  }
}

/**
 * Sets process.env so the real SDK in THIS process reaches `cloud` as `openid` (per call), as the function
 * `functionName` when given (the backend then names it beside each query it records).
 */
export function useCaller(cloud: LocalCloud, openid: string | null, functionName?: string): void {
  applySdkEnvironment(process.env, { adminUrl: `${cloud.url}/admin`, openid, functionName })
}
