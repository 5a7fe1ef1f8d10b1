/**
 * The check-in burst (DESIGN.md §8, issue 3): 1,500 distinct members check in to one lecture through the
 * local host over HTTP, 50 at a time, with 10% of requests repeated (double taps). The host runs as its
 * own process, as with `npm start`; after the burst it is killed with SIGKILL and the store is reopened,
 * so "lost" counts acknowledged check-ins that did not survive. Prints figures; asserts nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import Datastore from '@seald-io/nedb'
import { createBackend } from '../../cloudfunctions/emulator/backend'
import { seedDemoData } from '../../cloudfunctions/emulator/seed'

const ROOT = path.resolve(__dirname, '..', '..')
const N = Number(process.env.BENCH_N ?? 1500)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50)
const REPEAT_SHARE = 0.1

interface Envelope {
  ok: boolean
  data?: Record<string, unknown>
  error?: { code: string; message: string }
}

async function post(url: string, openid: string, fn: string, event: Record<string, unknown>): Promise<Envelope> {
  const res = await fetch(`${url}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-openid': openid },
    body: JSON.stringify(event),
  })
  return (await res.json()) as Envelope
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
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/emulator/main.js')], {
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
      void post(url, secretary, 'lecture', { action: 'displayCode', lectureId }).then((r) => {
        if (r.ok && r.data) token = String(r.data.token)
      })
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

    // The hard way down: no flush, no goodbye. Whatever was acknowledged must be on disk.
    child.kill('SIGKILL')
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
