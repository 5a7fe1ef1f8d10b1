import { mkdir } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { ADMIN_PATH, createBackend, LOCAL_APPID, type LocalBackend } from '../backend'
import { DEMO_ADMIN_OPENIDS, seedDemoData } from '../seed/demo-data.seed'
import { readDeclaredFunctions } from './environment-declaration'
import { FunctionRegistry } from './function-registry'
import { createHostLog, type HostLogLevel } from './host-log'
import { createRequestHandler } from './http-server'
import { TimerTriggers } from './timer-triggers'
import { resolveWorkerScript } from './worker-script'

export interface StartHostOptions {
  /** 0 picks a free port (tests). Default 8080. */
  port?: number
  /** Where the local store keeps its files. */
  dataDir: string
  /** Function bundles as uploaded: `<functionsDir>/<fn>/index.js` (dist/cloudfunctions). */
  functionsDir: string
  /** The H5 build (dist/h5). */
  h5Dir: string
  /**
   * Most instances per function (the cloud runs several; each takes one request at a time; they start
   * as calls wait). Default: `defaultInstances()`.
   */
  instances?: number
  /**
   * cloudbaserc.json, the environment's declaration: each function it declares is stopped at its declared
   * `timeout`, as the cloud stops it (`environment-declaration.ts`), and its collections are created with
   * their unique indexes enforced (backend `declared-collections.ts`). `npm start` passes the repository's.
   */
  environmentFile?: string
  /**
   * Per-invocation limit of a function the declaration does not name, and a cap on the declared ones (a test
   * shortens it to see a timeout quickly). Default 20 s.
   */
  timeoutMs?: number
  /** The console's ADMIN_OPENIDS for every function. Default: the demo street administrator. */
  adminOpenids?: readonly string[]
  /** Further console environment variables every function gets. */
  functionEnv?: Record<string, string>
  /** Largest accepted event. Default 1 MB. */
  bodyLimitBytes?: number
  /** Largest file the H5 upload route accepts. Default 50 MB (the local storage's own limit). */
  uploadLimitBytes?: number
  /** Insert the demo data into an empty store. Default true. */
  seed?: boolean
  /**
   * Run the functions' timer triggers on their schedule (`triggers` in each `config.json`). Default true;
   * off, they fire only through `POST /dev/triggers/<fn>/<name>`.
   */
  timers?: boolean
  /**
   * How instances reach the backend: over their port (default; admin-link.ts) or, with 'http', over
   * loopback HTTP as any other process's SDK does.
   */
  adminTransport?: 'link' | 'http'
  logLevel?: HostLogLevel
}

export interface RunningHost {
  /** `http://127.0.0.1:<port>` */
  url: string
  port: number
  /** Direct access to the local store, for tests and scripts that check what a call wrote. */
  store: LocalBackend['store']
  outbox: LocalBackend['outbox']
  /** The shapes of the queries the functions sent, for the index-coverage check (backend `index-coverage.ts`). */
  queryShapes: LocalBackend['queryShapes']
  close(): Promise<void>
}

/**
 * One instance per CPU core, at least 2. More do not add throughput — an instance is busy on the CPU
 * (the SDK's request building and signing) most of the time it is not waiting for this host's backend —
 * but each costs a cold start (~0.5 s of CPU loading the bundle) in the middle of a burst and more
 * threads competing for the same cores: on 2 cores, the check-in burst ran at the same rate with 2 as
 * with 4 instances and a p99 of 0.4–0.7 s instead of 0.8–1.6 s (scripts/bench).
 */
export function defaultInstances(): number {
  return Math.max(2, os.availableParallelism())
}

const LOOPBACK = '127.0.0.1'
const MEMORY_LIMIT_MB = 256
const CLOSE_GRACE_MS = 3000

/**
 * Starts the local cloud: backend + seed + function instances + dev pages + H5, on one port. Everything
 * that can fail slowly (backend files, worker compile) is done before listening, so the first request
 * already finds the whole host in place.
 */
export async function startHost(options: StartHostOptions): Promise<RunningHost> {
  const log = createHostLog(options.logLevel ?? 'info')
  const dataDir = path.resolve(options.dataDir)
  await mkdir(dataDir, { recursive: true })
  const script = await resolveWorkerScript()
  // Read once before anything starts, so a declaration that cannot be read fails the start, not a call.
  if (options.environmentFile) readDeclaredFunctions(options.environmentFile)

  let url = ''
  const backend = await createBackend({ dataDir, publicUrl: () => url, environmentFile: options.environmentFile })
  let server: Server | undefined
  let registry: FunctionRegistry | undefined
  let triggers: TimerTriggers | undefined
  try {
    if (options.seed ?? true) {
      if (await seedDemoData(backend.store)) log.info('已写入演示数据（两个支部、六位成员）')
    }
    server = createServer()
    const port = await listen(server, options.port ?? 8080)
    url = `http://${LOOPBACK}:${port}`

    registry = new FunctionRegistry({
      functionsDir: path.resolve(options.functionsDir),
      adminUrl: `${url}${ADMIN_PATH}`,
      appId: LOCAL_APPID,
      instancesPerFunction: Math.max(1, options.instances ?? defaultInstances()),
      environmentFile: options.environmentFile,
      timeoutMs: options.timeoutMs ?? 20_000,
      memoryLimitMb: MEMORY_LIMIT_MB,
      env: consoleEnv(options, url),
      script,
      ...(options.adminTransport === 'http' ? {} : { adminLink: (call) => backend.exchange(call) }),
    })
    const pools = registry
    // A timer's invocation has no caller: the instance runs it with no OPENID, as the cloud does.
    triggers = new TimerTriggers({
      functionsDir: path.resolve(options.functionsDir),
      invoke: (fn, event, requestId) => pools.invoke(fn, null, event, requestId),
      log,
      scheduled: options.timers ?? true,
    })
    // Attached in the same tick as `listening`, so no request can arrive before it.
    server.on(
      'request',
      createRequestHandler({
        backend,
        dev: backend,
        api: { registry, bodyLimitBytes: options.bodyLimitBytes ?? 1024 * 1024, appId: LOCAL_APPID, log },
        triggers,
        upload: { put: (cloudPath, content) => backend.putClientFile(cloudPath, content), limitBytes: options.uploadLimitBytes ?? 50 * 1024 * 1024, log },
        h5Dir: path.resolve(options.h5Dir),
        log,
      }),
    )
    triggers.start()
  } catch (err) {
    triggers?.close()
    await registry?.close()
    if (server?.listening) await new Promise((resolve) => server?.close(resolve))
    await backend.close()
    throw err
  }

  const running = server
  const functions = registry
  const timers = triggers
  let closing: Promise<void> | undefined
  return {
    url,
    port: Number(new URL(url).port),
    store: backend.store,
    outbox: () => backend.outbox(),
    queryShapes: () => backend.queryShapes(),
    close: () => (closing ??= shutdown(running, functions, backend, timers)),
  }
}

/**
 * The environment a function instance starts with: what the console would give it, and nothing of the
 * developer's shell — a function that relies on a variable must have it declared here, as it would in
 * the console. The SDK's variables (endpoint, keys, caller) are added by the instance per invocation.
 */
function consoleEnv(options: StartHostOptions, url: string): Record<string, string> {
  return {
    // Check-in codes on the display open the H5 check-in page of this host (a phone camera can scan them).
    CHECKIN_H5_URL: `${url}/#/pages/check-in/index`,
    // A stand-in template id so the speaker's "report ready" message lands in the local outbox.
    RATING_REPORT_TEMPLATE_ID: 'local-rating-report',
    // The wish's messages, likewise (WISH_TEMPLATES in cloudfunctions/modules/wishes/wish.messages.ts).
    WISH_REVIEWED_TEMPLATE_ID: 'local-wish-reviewed',
    WISH_CLAIMED_TEMPLATE_ID: 'local-wish-claimed',
    WISH_FULFILLED_TEMPLATE_ID: 'local-wish-fulfilled',
    WISH_CONFIRMED_TEMPLATE_ID: 'local-wish-confirmed',
    WISH_RELEASE_TEMPLATE_ID: 'local-wish-release',
    WISH_TO_REVIEW_TEMPLATE_ID: 'local-wish-to-review',
    // The commitment reminders (COMMITMENT_TEMPLATES in cloudfunctions/modules/commitments/commitment.messages.ts).
    COMMITMENT_COMMIT_TEMPLATE_ID: 'local-commitment-commit',
    COMMITMENT_PROGRESS_TEMPLATE_ID: 'local-commitment-progress',
    COMMITMENT_RESULT_TEMPLATE_ID: 'local-commitment-result',
    // Functions run in UTC in the cloud; keep whatever the host runs with (tests pin TZ=UTC).
    ...(process.env.TZ ? { TZ: process.env.TZ } : {}),
    // What getWXContext().SOURCE says for a call from the mini-program.
    TCB_SOURCE: 'wx_client',
    ADMIN_OPENIDS: (options.adminOpenids ?? DEMO_ADMIN_OPENIDS).join(','),
    ...options.functionEnv,
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening)
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(`端口 ${port} 已被占用：关闭占用它的程序，或换一个端口（例如 PORT=${port + 1} npm start）`)
          : err,
      )
    }
    const onListening = () => {
      server.off('error', onError)
      resolve((server.address() as AddressInfo).port)
    }
    server.once('error', onError)
    server.once('listening', onListening)
    server.listen(port, LOOPBACK)
  })
}

/**
 * Stop taking requests, let the ones in flight finish (briefly), stop the instances, then close the
 * backend last so every acknowledged write is flushed to disk.
 */
async function shutdown(server: Server, registry: FunctionRegistry, backend: LocalBackend, triggers: TimerTriggers): Promise<void> {
  triggers.close()
  const drained = new Promise<void>((resolve) => server.close(() => resolve()))
  server.closeIdleConnections()
  const grace = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS)
  await drained
  clearTimeout(grace)
  await registry.close()
  await backend.close()
}
