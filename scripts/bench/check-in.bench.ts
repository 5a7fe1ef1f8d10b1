/**
 * The check-in burst (docs/architecture.md "Budgets"): 1,500 distinct members check in to one lecture
 * through the local host over HTTP, 50 at a time, with 10% of requests repeated (double taps). Then the
 * door: the same 1,500 arrive at a second lecture on their own, 200 a second (open loop: each scan is
 * sent at its arrival time whatever the host is doing), 10% scanning twice, while the display polls. The
 * host runs as its own process, as with `npm start`; at the end it is killed with SIGKILL and the store
 * is reopened, so "lost" counts acknowledged check-ins that did not survive. Prints figures; asserts
 * nothing.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import Datastore from '@seald-io/nedb'
import { createBackend } from '../../cloudfunctions/emulator/backend'
import { seedDemoData } from '../../cloudfunctions/emulator/seed'
import { percentile, post as postVia, type Envelope } from './bench-host'

const ROOT = path.resolve(__dirname, '..', '..')
const N = Number(process.env.BENCH_N ?? 1500)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50)
/**
 * Before the doors open, members look at the lecture (lecture.get) while the secretary's display runs,
 * and the host has already had the day's first lecture (its burst is measured too, as `checkin_first:`):
 * the measured burst meets a host that has served check-ins, as a real one has, with its instances
 * started and their code compiled. BENCH_WARMUP=0 measures a host that has served nothing but the
 * lecture's creation (instances start and V8 compiles inside the burst).
 */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 200)
const REPEAT_SHARE = 0.1
/** Set in the child processes that measure the raw store (`storeInsertRates`): their data folder. */
const RAW_STORE_DIR = 'BENCH_RAW_STORE_DIR'
/** The door: people arriving per second on their own (`BENCH_ARRIVALS`). */
const ARRIVALS_PER_SECOND = Number(process.env.BENCH_ARRIVALS ?? 200)
/** A second scan comes this long after the first (someone unsure it worked). */
const RESCAN_AFTER_MS = [500, 3000] as const
/** How often the display asks for the count between codes (COUNT_POLL_MS in use-display-code.ts). */
const COUNT_POLL_MS = 4000
/** `BENCH_CPU_PROF=<dir>`: the host writes V8 CPU profiles (main thread and every worker) there; it is then
 * stopped with SIGINT instead of SIGKILL, since a killed process writes no profile. */
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF
/** `BENCH_HOST_NODE_FLAGS="--flag …"`: extra node flags for the host process only (experiments). */
const HOST_NODE_FLAGS = (process.env.BENCH_HOST_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean)
/** `BENCH_THREADS=1`: also print the CPU time of each host thread during the burst (main, V8's, libuv's, instances). */
const THREADS = Boolean(process.env.BENCH_THREADS)
/** `BENCH_TRACE=<file>`: writes one line per request — start (ms into the burst), latency (ms), caller. */
const TRACE_FILE = process.env.BENCH_TRACE

/**
 * The client: node:http with keep-alive (as a browser or the WeChat client keeps its connections), not
 * `fetch` — undici's fetch costs this process ~1.3 ms of CPU per request, taken from the same two cores
 * the host runs on; node:http costs about a tenth of that. The requests are the same POSTs either way.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY + 2 })
/** People at the door each have their own phone: no limit on connections, so no queue in this process. */
const doorAgent = new http.Agent({ keepAlive: true })

function post(url: string, openid: string, fn: string, event: Record<string, unknown>, via: http.Agent = agent): Promise<Envelope> {
  return postVia(url, openid, fn, event, via)
}

async function runPool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next]
      next += 1
      if (item !== undefined) await work(item)
    }
  })
  await Promise.all(lanes)
}

/**
 * The embedded store's own insert rate, same machine, same run, same concurrency: the ceiling. A process's
 * first pass of N inserts (the figure `ratio` has always been stated against) also compiles the store's
 * code, as the host's first burst compiles the host's; three more passes, each into a fresh file, give
 * the store warm (`ratio_warm`). One process's first pass varies by a half between runs, and this
 * machine's speed drifts by a third over tens of seconds, so fresh processes measure it right before the
 * host starts and right after the bursts it is set against, and the medians are the figures.
 */
const execFileAsync = promisify(execFile)
let rawRuns = 0
async function storeInsertRates(dir: string, processes: number): Promise<Array<{ first: number; warm: number }>> {
  const measured: Array<{ first: number; warm: number }> = []
  for (let proc = 0; proc < processes; proc += 1) {
    const { stdout } = await execFileAsync(process.execPath, [process.argv[1] ?? ''], {
      env: { ...process.env, [RAW_STORE_DIR]: path.join(dir, `raw-${(rawRuns += 1)}`) },
      encoding: 'utf8',
    })
    measured.push(JSON.parse(stdout) as { first: number; warm: number })
  }
  return measured
}

/** The medians of the processes' first passes and of their warm passes: the middle two of four. */
function medianRates(measured: Array<{ first: number; warm: number }>): { first: number; warm: number } {
  const median = (values: number[]) => {
    const sorted = [...values].sort((x, y) => x - y)
    const mid = sorted.length / 2
    return ((sorted[Math.floor(mid - 0.5)] ?? 0) + (sorted[Math.ceil(mid - 0.5)] ?? 0)) / 2
  }
  return { first: median(measured.map((m) => m.first)), warm: median(measured.map((m) => m.warm)) }
}

/** In the child process `storeInsertRates` starts: four passes into fresh files, printed as JSON. */
async function measureRawStore(dir: string): Promise<void> {
  const rates: number[] = []
  for (let pass = 0; pass < 4; pass += 1) {
    const ds = new Datastore<Record<string, unknown>>({ filename: path.join(dir, `raw-insert-${pass}.db`) })
    await ds.loadDatabaseAsync()
    const docs = Array.from({ length: N }, (_, i) => ({ _id: `raw_${i}`, lectureId: 'Lbenchbench0', openid: `bench-${i}`, at: new Date(), present: true }))
    const started = performance.now()
    await runPool(docs, CONCURRENCY, async (doc) => {
      await ds.insertAsync(doc)
    })
    rates.push(N / ((performance.now() - started) / 1000))
  }
  const [first = 0, ...warm] = rates
  process.stdout.write(JSON.stringify({ first, warm: warm.sort((a, b) => a - b)[1] ?? 0 }))
}

/** A fixed pseudo-random sequence (mulberry32), so every run sees the same arrivals. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Tally {
  acknowledged: Set<string>
  firstTimeAnswers: Map<string, number>
  failures: Map<string, number>
  latencies: number[]
}

function newTally(): Tally {
  return { acknowledged: new Set(), firstTimeAnswers: new Map(), failures: new Map(), latencies: [] }
}

function record(tally: Tally, openid: string, res: Envelope, latency: number): void {
  tally.latencies.push(latency)
  if (res.ok) {
    tally.acknowledged.add(openid)
    if (res.data?.already === false) tally.firstTimeAnswers.set(openid, (tally.firstTimeAnswers.get(openid) ?? 0) + 1)
  } else {
    const code = res.error?.code ?? 'UNKNOWN'
    tally.failures.set(code, (tally.failures.get(code) ?? 0) + 1)
  }
}

/** Stored duplicates plus people told "recorded, first time" more than once; acknowledged but not stored. */
function verdict(tally: Tally, records: Record<string, unknown>[]): { duplicates: number; lost: number } {
  const stored = new Set(records.map((r) => String(r.openid)))
  const duplicates = records.length - stored.size + [...tally.firstTimeAnswers.values()].filter((n) => n > 1).length
  const lost = [...tally.acknowledged].filter((id) => !stored.has(id)).length
  return { duplicates, lost }
}

/**
 * The door, open loop: arrivals at exponential intervals averaging 1/ARRIVALS_PER_SECOND, each scan sent at
 * its time without waiting for earlier answers; latency is from the arrival, so a host that falls behind
 * shows it. 10% scan again a little later. The display polls the count meanwhile, as it does.
 */
async function door(url: string, secretary: string, lectureId: string, token: () => string, people: string[]): Promise<{ tally: Tally; seconds: number }> {
  const random = seededRandom(20261207)
  const arrivals: Array<{ at: number; openid: string }> = []
  let t = 0
  for (const openid of people) {
    t += (-Math.log(1 - random()) / ARRIVALS_PER_SECOND) * 1000
    arrivals.push({ at: t, openid })
    if (random() < REPEAT_SHARE) arrivals.push({ at: t + RESCAN_AFTER_MS[0] + random() * (RESCAN_AFTER_MS[1] - RESCAN_AFTER_MS[0]), openid })
  }
  arrivals.sort((a, b) => a.at - b.at)
  const tally = newTally()
  const poll = setInterval(() => {
    post(url, secretary, 'lecture', { action: 'displayCount', lectureId }, doorAgent).catch(() => undefined)
  }, COUNT_POLL_MS)
  const started = performance.now()
  const inFlight: Promise<void>[] = []
  for (const arrival of arrivals) {
    const wait = started + arrival.at - performance.now()
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait))
    const due = started + arrival.at
    inFlight.push(
      post(url, arrival.openid, 'lecture', { action: 'checkIn', lectureId, token: token() }, doorAgent).then(
        (res) => record(tally, arrival.openid, res, performance.now() - due),
        () => record(tally, arrival.openid, { ok: false, error: { code: 'NETWORK.FAILED', message: '' } }, performance.now() - due),
      ),
    )
  }
  await Promise.all(inFlight)
  clearInterval(poll)
  return { tally, seconds: (performance.now() - started) / 1000 }
}

/** Everyone once, and 10% of them again (double taps), in a shuffled order. */
function burstRequests(people: string[]): string[] {
  const repeats = people.filter((_, i) => i % Math.round(1 / REPEAT_SHARE) === 0)
  const requests = [...people, ...repeats]
  for (let i = requests.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[requests[i], requests[j]] = [requests[j] as string, requests[i] as string]
  }
  return requests
}

/**
 * A published lecture whose display refreshes its code every slot in the background, as the secretary's
 * screen does; `token()` is the code on the display now.
 */
async function openLecture(url: string, secretary: string, title: string, startAt: Date): Promise<{ lectureId: string; token: () => string; stop: () => void }> {
  const created = await post(url, secretary, 'lecture', {
    action: 'create',
    title,
    speaker: { name: '王建国' },
    startAt: startAt.toISOString(),
    endAt: new Date(startAt.getTime() + 3_600_000).toISOString(),
    location: { name: '社区党群服务中心' },
  })
  const lectureId = String(created.data?.id)
  await post(url, secretary, 'lecture', { action: 'publish', lectureId })
  let token = String((await post(url, secretary, 'lecture', { action: 'displayCode', lectureId })).data?.token)
  const refresher = setInterval(() => {
    post(url, secretary, 'lecture', { action: 'displayCode', lectureId }).then(
      (r) => {
        if (r.ok && r.data) token = String(r.data.token)
      },
      () => undefined, // a refresh cut off by the end of the run
    )
  }, 5000)
  return { lectureId, token: () => token, stop: () => clearInterval(refresher) }
}

/** The burst, closed loop: CONCURRENCY people at a time, each next one as soon as an answer comes. */
async function closedLoop(url: string, lectureId: string, token: () => string, requests: string[], trace?: string[]): Promise<{ tally: Tally; seconds: number }> {
  const tally = newTally()
  const started = performance.now()
  await runPool(requests, CONCURRENCY, async (openid) => {
    const t0 = performance.now()
    let res: Envelope
    try {
      res = await post(url, openid, 'lecture', { action: 'checkIn', lectureId, token: token() })
    } catch {
      res = { ok: false, error: { code: 'NETWORK.FAILED', message: '' } }
    }
    record(tally, openid, res, performance.now() - t0)
    trace?.push(`${(t0 - started).toFixed(1)} ${(performance.now() - t0).toFixed(1)} ${openid}`)
  })
  return { tally, seconds: (performance.now() - started) / 1000 }
}

function burstLine(label: string, burst: { tally: Tally; seconds: number }, records: Record<string, unknown>[], store: { first: number; warm: number }): string {
  const { duplicates, lost } = verdict(burst.tally, records)
  const sorted = [...burst.tally.latencies].sort((a, b) => a - b)
  const rate = burst.tally.latencies.length / burst.seconds
  return `${label}: n=${N} ok=${burst.tally.acknowledged.size} duplicates=${duplicates} lost=${lost} rate=${rate.toFixed(0)} p50=${percentile(sorted, 50).toFixed(1)} p99=${percentile(sorted, 99).toFixed(1)} store_insert_rate=${store.first.toFixed(0)} ratio=${(rate / store.first).toFixed(3)} store_insert_rate_warm=${store.warm.toFixed(0)} ratio_warm=${(rate / store.warm).toFixed(3)}`
}

function startHostProcess(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const profile = CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(CPU_PROF_DIR)}`] : []
    const child = spawn(process.execPath, [...HOST_NODE_FLAGS, ...profile, path.join(ROOT, 'dist/emulator/main.js')], {
      env: { ...process.env, PORT: '0', DATA_DIR: dataDir, HOST_LOG: 'warn', TZ: 'UTC' },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (m?.[1]) resolve({ child, url: m[1] })
    })
    child.once('exit', (code) => reject(new Error(`host exited early (${code}): ${out}`)))
  })
}

/** CPU time (ms) of each thread of a process, from /proc (Linux); empty elsewhere. */
function threadCpu(pid: number): Map<number, number> {
  const out = new Map<number, number>()
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      // Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      out.set(Number(tid), ((Number(fields[11]) + Number(fields[12])) * 1000) / 100)
    }
  } catch {
    // Not Linux, or the process is gone.
  }
  return out
}

/** Bytes of every file under `dir` (recursively), skipping the directories in `except`. */
function folderBytes(dir: string, except: ReadonlySet<string> = new Set()): number {
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (except.has(full)) continue
    if (entry.isDirectory()) total += folderBytes(full, except)
    else if (entry.isFile()) total += statSync(full).size
  }
  return total
}

/**
 * The mini-program's package sizes from an existing `dist/weapp` (not built here): the main package is
 * everything outside `packages/`, each folder under `packages/` is a subpackage (in app.json's order).
 * KB = 1024 bytes, rounded up. The main package's budget is in docs/architecture.md "Budgets" (600 KB);
 * `budget_main` below still prints the 1 MB it was when this line was written.
 */
function weappSizes(): string | undefined {
  const weapp = path.join(ROOT, 'dist/weapp')
  if (!existsSync(weapp)) return undefined
  const packagesDir = path.join(weapp, 'packages')
  const kb = (bytes: number) => Math.ceil(bytes / 1024)
  const names = existsSync(packagesDir) ? readdirSync(packagesDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name) : []
  let order: string[] = []
  try {
    const app = JSON.parse(readFileSync(path.join(weapp, 'app.json'), 'utf8')) as { subPackages?: { root?: string }[]; subpackages?: { root?: string }[] }
    order = (app.subPackages ?? app.subpackages ?? []).map((p) => path.basename(String(p.root ?? '')))
  } catch {
    // No readable app.json: folder order.
  }
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length)
  names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
  const subpackages = names.map((name) => `${name}=${kb(folderBytes(path.join(packagesDir, name)))}`)
  return `weapp: main=${kb(folderBytes(weapp, new Set([packagesDir])))} ${subpackages.join(' ')}${subpackages.length ? ' ' : ''}budget_main=1024`
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'zbhd-bench-'))
  try {
    // Seed the demo branches and N members straight into the store before the host opens it.
    const seeder = await createBackend({ dataDir, publicUrl: () => 'http://127.0.0.1' })
    await seedDemoData(seeder.store)
    const people = Array.from({ length: N }, (_, i) => `bench-member-${String(i).padStart(5, '0')}`)
    const joinedAt = new Date()
    await seeder.store.insert(
      'members',
      people.map((openid, i) => ({ _id: openid, openid, name: `党员${i}`, phone: '', post: '', avatar: '', role: 'member', branchId: 'demo-branch-1', joinedAt, updatedAt: joinedAt })),
    )
    await seeder.close()

    const storeBefore = await storeInsertRates(dataDir, 2)
    const { child, url } = await startHostProcess(dataDir)
    const secretary = 'demo-secretary'
    const startAt = new Date(Date.now() + 5 * 60_000)
    const main = await openLecture(url, secretary, '压力测试党课', startAt)
    const lectureId = main.lectureId

    const warmStarted = performance.now()
    await runPool(people.slice(0, WARMUP), CONCURRENCY, async (openid) => {
      await post(url, openid, 'lecture', { action: 'get', lectureId })
    })
    if (WARMUP > 0) console.log(`warmup: lecture.get by ${WARMUP} members before the doors open, ${CONCURRENCY} at a time, seconds=${((performance.now() - warmStarted) / 1000).toFixed(2)} (BENCH_WARMUP=0 for a cold host)`)

    // The day's first lecture, earlier on the same host: the same people, the same burst.
    const first = WARMUP > 0 ? await openLecture(url, secretary, '上午党课', startAt) : undefined
    const firstBurst = first ? await closedLoop(url, first.lectureId, first.token, burstRequests(people)) : undefined
    first?.stop()

    const requests = burstRequests(people)
    const hostPid = child.pid ?? 0
    const trace: string[] | undefined = TRACE_FILE ? [] : undefined
    const cpuBefore = threadCpu(hostPid)
    const benchCpuBefore = process.cpuUsage()
    const { tally: burst, seconds } = await closedLoop(url, lectureId, main.token, requests, trace)
    const cpuAfter = threadCpu(hostPid)
    const benchCpu = process.cpuUsage(benchCpuBefore)
    main.stop() // its token refresh would call the host while the store is measured
    const store = medianRates([...storeBefore, ...(await storeInsertRates(dataDir, 2))])
    if (trace && TRACE_FILE) writeFileSync(TRACE_FILE, `${trace.join('\n')}\n`)
    // What the display shows once the burst is over: counted from the records, not kept by the writes.
    const shown = await post(url, secretary, 'lecture', { action: 'displayCount', lectureId })

    // The door, at a lecture of its own, on the same host.
    const doorLecture = await openLecture(url, secretary, '门口签到党课', startAt)
    const doorId = doorLecture.lectureId
    const atDoor = await door(url, secretary, doorId, doorLecture.token, people)
    doorLecture.stop()

    // The hard way down: no flush, no goodbye. Whatever was acknowledged must be on disk.
    agent.destroy()
    doorAgent.destroy()
    child.kill(CPU_PROF_DIR ? 'SIGINT' : 'SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))
    const reopened = await createBackend({ dataDir, publicUrl: () => 'http://127.0.0.1' })
    const records = await reopened.store.find('check_ins', { lectureId })
    const firstRecords = first ? await reopened.store.find('check_ins', { lectureId: first.lectureId }) : []
    const doorRecords = await reopened.store.find('check_ins', { lectureId: doorId })
    await reopened.close()


    let hostMain = 0
    let hostOther = 0
    for (const [tid, ms] of cpuAfter) {
      const spent = ms - (cpuBefore.get(tid) ?? 0)
      if (tid === hostPid) hostMain += spent
      else hostOther += spent
    }
    if (THREADS) console.log(`threads (tid:cpu_ms): ${[...cpuAfter].map(([tid, ms]) => `${tid}:${(ms - (cpuBefore.get(tid) ?? 0)).toFixed(0)}`).join(' ')}`)
    const busy = (ms: number) => `${((ms / 1000 / seconds) * 100).toFixed(0)}%`
    const benchMs = (benchCpu.user + benchCpu.system) / 1000
    if (cpuAfter.size > 0) {
      console.log(
        `cpu: host_main_thread=${busy(hostMain)} host_other_threads=${busy(hostOther)} bench_client=${busy(benchMs)} cores_busy=${((hostMain + hostOther + benchMs) / 1000 / seconds).toFixed(2)} of ${os.cpus().length} host_cpu_ms_per_request=${((hostMain + hostOther) / requests.length).toFixed(2)}`,
      )
    }
    if (CPU_PROF_DIR) console.log(`profiles in ${CPU_PROF_DIR} (host stopped with SIGINT, not SIGKILL)`)
    console.log(`requests=${requests.length} (distinct ${N}, repeated ${requests.length - N}) concurrency=${CONCURRENCY} seconds=${seconds.toFixed(2)}`)
    console.log(`stored_records=${records.length} display_count=${String(shown.data?.checkinCount)} failures=${JSON.stringify(Object.fromEntries(burst.failures))}`)
    const weapp = weappSizes()
    if (weapp) console.log(weapp)
    if (firstBurst) console.log(burstLine('checkin_first', firstBurst, firstRecords, store))
    console.log(burstLine('checkin', { tally: burst, seconds }, records, store))
    const doorVerdict = verdict(atDoor.tally, doorRecords)
    const doorSorted = [...atDoor.tally.latencies].sort((a, b) => a - b)
    if (atDoor.tally.failures.size > 0) console.log(`door_failures=${JSON.stringify(Object.fromEntries(atDoor.tally.failures))}`)
    console.log(
      `door: arrivals=${ARRIVALS_PER_SECOND} n=${N} ok=${atDoor.tally.acknowledged.size} duplicates=${doorVerdict.duplicates} lost=${doorVerdict.lost} p50=${percentile(doorSorted, 50).toFixed(1)} p99=${percentile(doorSorted, 99).toFixed(1)} scans=${atDoor.tally.latencies.length} seconds=${atDoor.seconds.toFixed(2)}`,
    )
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
}

const rawStoreDir = process.env[RAW_STORE_DIR]
;(rawStoreDir ? measureRawStore(rawStoreDir) : main()).catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
