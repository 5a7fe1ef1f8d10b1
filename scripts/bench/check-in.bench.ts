/**
 * The check-in burst (DESIGN.md §8, issue 3): 1,500 distinct members check in to one lecture through the
 * local host over HTTP, 50 at a time, with 10% of requests repeated (double taps). The host runs as its
 * own process, as with `npm start`; after the burst it is killed with SIGKILL and the store is reopened,
 * so "lost" counts acknowledged check-ins that did not survive. Prints figures; asserts nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import Datastore from '@seald-io/nedb'
import { createBackend } from '../../cloudfunctions/emulator/backend'
import { seedDemoData } from '../../cloudfunctions/emulator/seed'

const ROOT = path.resolve(__dirname, '..', '..')
const N = Number(process.env.BENCH_N ?? 1500)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50)
const REPEAT_SHARE = 0.1
/** `BENCH_CPU_PROF=<dir>`: the host writes V8 CPU profiles (main thread and every worker) there; it is then
 * stopped with SIGINT instead of SIGKILL, since a killed process writes no profile. */
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF

interface Envelope {
  ok: boolean
  data?: Record<string, unknown>
  error?: { code: string; message: string }
}

/**
 * The client: node:http with keep-alive (as a browser or the WeChat client keeps its connections), not
 * `fetch` — undici's fetch costs this process ~1.3 ms of CPU per request, taken from the same two cores
 * the host runs on; node:http costs about a tenth of that. The requests are the same POSTs either way.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY + 2 })

function post(url: string, openid: string, fn: string, event: Record<string, unknown>): Promise<Envelope> {
  const body = JSON.stringify(event)
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}/api/${fn}`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-openid': openid },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Envelope)
          } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)))
          }
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, i)] ?? 0
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

/** The embedded store's own insert rate, same machine, same run, same concurrency: the ceiling. */
async function storeInsertRate(dir: string): Promise<number> {
  const ds = new Datastore<Record<string, unknown>>({ filename: path.join(dir, 'raw-insert.db') })
  await ds.loadDatabaseAsync()
  const docs = Array.from({ length: N }, (_, i) => ({ _id: `raw_${i}`, lectureId: 'Lbenchbench0', openid: `bench-${i}`, at: new Date(), present: true }))
  const started = performance.now()
  await runPool(docs, CONCURRENCY, async (doc) => {
    await ds.insertAsync(doc)
  })
  return N / ((performance.now() - started) / 1000)
}

function startHostProcess(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const profile = CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(CPU_PROF_DIR)}`] : []
    const child = spawn(process.execPath, [...profile, path.join(ROOT, 'dist/emulator/main.js')], {
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

    const rawRate = await storeInsertRate(dataDir)
    const { child, url } = await startHostProcess(dataDir)
    const secretary = 'demo-secretary'
    const startAt = new Date(Date.now() + 5 * 60_000)
    const created = await post(url, secretary, 'lecture', {
      action: 'create',
      title: '压力测试党课',
      speaker: { name: '王建国' },
      startAt: startAt.toISOString(),
      endAt: new Date(startAt.getTime() + 3_600_000).toISOString(),
      location: { name: '社区党群服务中心' },
    })
    const lectureId = String(created.data?.id)
    await post(url, secretary, 'lecture', { action: 'publish', lectureId })

    // The display refreshes its code every slot; the bench does the same in the background.
    let token = String((await post(url, secretary, 'lecture', { action: 'displayCode', lectureId })).data?.token)
    const refresher = setInterval(() => {
      post(url, secretary, 'lecture', { action: 'displayCode', lectureId }).then(
        (r) => {
          if (r.ok && r.data) token = String(r.data.token)
        },
        () => undefined, // a refresh cut off by the end of the run
      )
    }, 5000)

    const repeats = people.filter((_, i) => i % Math.round(1 / REPEAT_SHARE) === 0)
    const requests = [...people, ...repeats]
    for (let i = requests.length - 1; i > 0; i -= 1) {
      const j = Math.floor(Math.random() * (i + 1))
      ;[requests[i], requests[j]] = [requests[j] as string, requests[i] as string]
    }

    const latencies: number[] = []
    const acknowledged = new Set<string>()
    const firstTimeAnswers = new Map<string, number>()
    const failures = new Map<string, number>()
    const hostPid = child.pid ?? 0
    const cpuBefore = threadCpu(hostPid)
    const benchCpuBefore = process.cpuUsage()
    const started = performance.now()
    await runPool(requests, CONCURRENCY, async (openid) => {
      const t0 = performance.now()
      let res: Envelope
      try {
        res = await post(url, openid, 'lecture', { action: 'checkIn', lectureId, token })
      } catch {
        res = { ok: false, error: { code: 'NETWORK.FAILED', message: '' } }
      }
      latencies.push(performance.now() - t0)
      if (res.ok) {
        acknowledged.add(openid)
        if (res.data?.already === false) firstTimeAnswers.set(openid, (firstTimeAnswers.get(openid) ?? 0) + 1)
      } else {
        const code = res.error?.code ?? 'UNKNOWN'
        failures.set(code, (failures.get(code) ?? 0) + 1)
      }
    })
    const seconds = (performance.now() - started) / 1000
    clearInterval(refresher)
    const cpuAfter = threadCpu(hostPid)
    const benchCpu = process.cpuUsage(benchCpuBefore)

    // The hard way down: no flush, no goodbye. Whatever was acknowledged must be on disk.
    agent.destroy()
    child.kill(CPU_PROF_DIR ? 'SIGINT' : 'SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))
    const reopened = await createBackend({ dataDir, publicUrl: () => 'http://127.0.0.1' })
    const records = await reopened.store.find('check_ins', { lectureId })
    const [lecture] = await reopened.store.find('lectures', { _id: lectureId })
    await reopened.close()

    const stored = new Set(records.map((r) => String(r.openid)))
    const duplicates = records.length - stored.size + [...firstTimeAnswers.values()].filter((n) => n > 1).length
    const lost = [...acknowledged].filter((id) => !stored.has(id)).length
    const sorted = [...latencies].sort((a, b) => a - b)
    const rate = requests.length / seconds

    let hostMain = 0
    let hostOther = 0
    for (const [tid, ms] of cpuAfter) {
      const spent = ms - (cpuBefore.get(tid) ?? 0)
      if (tid === hostPid) hostMain += spent
      else hostOther += spent
    }
    const busy = (ms: number) => `${((ms / 1000 / seconds) * 100).toFixed(0)}%`
    const benchMs = (benchCpu.user + benchCpu.system) / 1000
    if (cpuAfter.size > 0) {
      console.log(
        `cpu: host_main_thread=${busy(hostMain)} host_other_threads=${busy(hostOther)} bench_client=${busy(benchMs)} cores_busy=${((hostMain + hostOther + benchMs) / 1000 / seconds).toFixed(2)} of ${os.cpus().length}`,
      )
    }
    if (CPU_PROF_DIR) console.log(`profiles in ${CPU_PROF_DIR} (host stopped with SIGINT, not SIGKILL)`)
    console.log(`requests=${requests.length} (distinct ${N}, repeated ${repeats.length}) concurrency=${CONCURRENCY} seconds=${seconds.toFixed(2)}`)
    console.log(`stored_records=${records.length} lecture.checkinCount=${String(lecture?.checkinCount)} failures=${JSON.stringify(Object.fromEntries(failures))}`)
    console.log(
      `checkin: n=${N} ok=${acknowledged.size} duplicates=${duplicates} lost=${lost} rate=${rate.toFixed(0)} p50=${percentile(sorted, 50).toFixed(1)} p99=${percentile(sorted, 99).toFixed(1)} store_insert_rate=${rawRate.toFixed(0)} ratio=${(rate / rawRate).toFixed(3)}`,
    )
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
