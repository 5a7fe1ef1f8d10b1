/**
 * `npm run bench -- scale`: a city's data (25,000 members in 500 branches, 2,000 lectures, 200,000
 * check-ins, 5,000 wishes) written straight into the store, then the reads people make every day timed
 * through the local host, one at a time, with the host's memory; at a tenth of that size and at full size,
 * so that flat reads show as flat (docs/architecture.md "Budgets"). Prints figures; asserts nothing.
 * BENCH_SCALE_SIZES=0.1 runs one size; BENCH_SCALE_SAMPLES sets the calls per action (default 100).
 */
import { statSync, readdirSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createBackend, type LocalBackend } from '../../cloudfunctions/emulator/backend'
import { seedDemoData } from '../../cloudfunctions/emulator/seed'
import type { LectureDoc } from '../../cloudfunctions/modules/lectures/lecture.repository'
import { benchId, closeAgent, ok, percentile, residentMb, ROOT, startHostProcess, stopHostProcess } from './bench-host'
import { branchDoc, checkInDoc, lectureDoc, memberDoc, wishDocs } from './bench-world'

const FULL = { branches: 500, members: 25_000, lectures: 2_000, checkIns: 200_000, wishes: 5_000 }
const SIZES = (process.env.BENCH_SCALE_SIZES ?? '0.1,1').split(',').map(Number)
const SAMPLES = Number(process.env.BENCH_SCALE_SAMPLES ?? 100)
const BATCH = 5_000
const DAY = 24 * 3_600_000

interface Branch {
  id: string
  name: string
  secretary: string
  members: string[]
  lectures: LectureDoc[]
}

/** Inserts in batches: one append per batch, as a bulk import writes. */
async function insertAll(store: LocalBackend['store'], collection: string, docs: Array<Record<string, unknown>>): Promise<void> {
  for (let i = 0; i < docs.length; i += BATCH) await store.insert(collection, docs.slice(i, i + BATCH))
}

/**
 * Per branch: its members (the first is its secretary), lectures a month apart with the newest still to
 * come, every tenth branch's lectures open to all. Each past lecture is attended by its own branch's
 * members and as many from the next branch, so each person has about twice as many check-ins as their
 * branch has lectures, and the check-ins add up to the size asked for.
 */
async function seed(store: LocalBackend['store'], scale: number, now: Date): Promise<{ branches: Branch[]; counts: typeof FULL }> {
  const counts = Object.fromEntries(Object.entries(FULL).map(([k, v]) => [k, Math.round(v * scale)])) as typeof FULL
  const perBranch = Math.round(counts.members / counts.branches)
  const lecturesPerBranch = Math.round(counts.lectures / counts.branches)
  const branches: Branch[] = []
  const branchDocs: Array<Record<string, unknown>> = []
  const memberDocs: Array<Record<string, unknown>> = []
  const lectureDocs: Array<Record<string, unknown>> = []
  for (let b = 0; b < counts.branches; b += 1) {
    const id = `scale-branch-${b}`
    const name = `城市第${b + 1}党支部`
    const members = Array.from({ length: perBranch }, (_, i) => `scale-${b}-${i}`)
    const secretary = members[0] as string
    branchDocs.push({ ...branchDoc(id, name, b + 1000, new Date(now.getTime() - 400 * DAY)), counts: { secretary: 1, member: perBranch - 1, resident: 0 } })
    members.forEach((openid, i) => memberDocs.push(memberDoc(openid, id, `党员${b}-${i}`, i === 0 ? 'secretary' : 'member', new Date(now.getTime() - 300 * DAY))))
    const lectures = Array.from({ length: lecturesPerBranch }, (_, k) => {
      const startAt = new Date(now.getTime() + 3 * DAY - k * 30 * DAY)
      const doc = lectureDoc(benchId('L', b * lecturesPerBranch + k + 10), { id, name }, startAt, secretary, b % 10 === 0 ? 'open' : 'branch')
      return { ...doc, speaker: { name: `党员${b}-0`, openid: secretary } }
    })
    lectures.forEach((l) => lectureDocs.push(l as unknown as Record<string, unknown>))
    branches.push({ id, name, secretary, members, lectures })
  }
  await insertAll(store, 'branches', branchDocs)
  await insertAll(store, 'members', memberDocs)
  await insertAll(store, 'lectures', lectureDocs)

  const attendeesPerLecture = Math.round(counts.checkIns / counts.lectures)
  let checkIns: Array<Record<string, unknown>> = []
  let written = 0
  for (const [b, branch] of branches.entries()) {
    const neighbour = branches[(b + 1) % branches.length] as Branch
    const pool = [...branch.members, ...neighbour.members]
    for (const lecture of branch.lectures) {
      for (let i = 0; i < attendeesPerLecture && written < counts.checkIns; i += 1) {
        const openid = pool[i % pool.length] as string
        const home = openid.startsWith(`scale-${b}-`) ? branch : neighbour
        checkIns.push(checkInDoc(lecture, { openid, name: `党员${openid.slice(6)}`, branchId: home.id, branchName: home.name }, new Date(lecture.startAt.getTime() - 10 * 60_000 + i * 1000)) as unknown as Record<string, unknown>)
        written += 1
      }
      if (checkIns.length >= BATCH) {
        await store.insert('check_ins', checkIns)
        checkIns = []
      }
    }
  }
  if (checkIns.length > 0) await store.insert('check_ins', checkIns)

  const wishesPerBranch = Math.round(counts.wishes / counts.branches)
  const wishes = branches.flatMap((branch, b) => wishDocs(wishesPerBranch, branch, b * wishesPerBranch + 10, now) as unknown as Array<Record<string, unknown>>)
  await insertAll(store, 'wishes', wishes)
  return { branches, counts: { ...counts, checkIns: written, wishes: wishes.length } }
}

function folderMb(dir: string): number {
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) total += folderMb(full) * 1024 * 1024
    else if (entry.isFile()) total += statSync(full).size
  }
  return total / 1024 / 1024
}

interface Figures {
  p50: number
  p99: number
}

async function runSize(scale: number): Promise<Map<string, Figures>> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'zbhd-bench-scale-'))
  const label = scale === 1 ? 'full' : `${scale}`
  try {
    const now = new Date()
    const seedStarted = performance.now()
    const seeder = await createBackend({ dataDir, publicUrl: () => 'http://127.0.0.1', environmentFile: path.join(ROOT, 'cloudbaserc.json') })
    await seedDemoData(seeder.store)
    const { branches, counts } = await seed(seeder.store, scale, now)
    await seeder.close()
    const seedSeconds = (performance.now() - seedStarted) / 1000

    const startStarted = performance.now()
    const { child, url } = await startHostProcess(dataDir)
    const startSeconds = (performance.now() - startStarted) / 1000
    console.log(
      `scale: size=${label} members=${counts.members} branches=${counts.branches} lectures=${counts.lectures} check_ins=${counts.checkIns} wishes=${counts.wishes} seed_s=${seedSeconds.toFixed(1)} host_start_s=${startSeconds.toFixed(1)} store_mb=${folderMb(path.join(dataDir, 'db')).toFixed(0)}`,
    )
    const figures = new Map<string, Figures>()
    try {
      const pick = <T>(items: readonly T[], i: number): T => items[(i * 7919) % items.length] as T
      const member = (i: number) => {
        const branch = pick(branches, i)
        return { branch, openid: pick(branch.members.slice(1), i) }
      }
      const pastLecture = (branch: Branch, i: number) => pick(branch.lectures.slice(1), i)
      const actions: Array<[string, string, (i: number) => [string, Record<string, unknown>]]> = [
        ['lecture.list', 'lecture', (i) => [member(i).openid, { action: 'list', scope: i % 2 === 0 ? 'upcoming' : 'past' }]],
        ['lecture.attendance', 'lecture', (i) => {
          const branch = pick(branches, i)
          return [branch.secretary, { action: 'attendance', lectureId: pastLecture(branch, i)._id }]
        }],
        ['lecture.myCheckIns', 'lecture', (i) => [member(i).openid, { action: 'myCheckIns' }]],
        ['rating.progress', 'rating', (i) => {
          const branch = pick(branches, i)
          return [branch.secretary, { action: 'progress', lectureId: pastLecture(branch, i)._id }]
        }],
        ['rating.lecturerReport', 'rating', (i) => [pick(branches, i).secretary, { action: 'lecturerReport' }]],
        ['wish.list', 'wish', (i) => [member(i).openid, { action: 'list', scope: 'open' }]],
      ]
      for (const [name, fn, call] of actions) {
        // Warm the function's instances first, as a host in use has them.
        for (let i = 0; i < 5; i += 1) {
          const [openid, event] = call(SAMPLES + i)
          await ok(url, openid, fn, event)
        }
        const latencies: number[] = []
        for (let i = 0; i < SAMPLES; i += 1) {
          const [openid, event] = call(i)
          const started = performance.now()
          await ok(url, openid, fn, event)
          latencies.push(performance.now() - started)
        }
        latencies.sort((a, b) => a - b)
        const f = { p50: percentile(latencies, 50), p99: percentile(latencies, 99) }
        figures.set(name, f)
        console.log(`scale: size=${label} action=${name} n=${SAMPLES} p50=${f.p50.toFixed(1)} p99=${f.p99.toFixed(1)}`)
      }
      console.log(`scale: size=${label} host_rss_mb=${residentMb(child.pid ?? 0).toFixed(0)} (the backend's store and the function instances, one process)`)
    } finally {
      closeAgent()
      await stopHostProcess(child)
    }
    return figures
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const results: Array<[number, Map<string, Figures>]> = []
  for (const scale of SIZES) results.push([scale, await runSize(scale)])
  if (results.length < 2) return
  const small = results[0]
  const large = results[results.length - 1]
  if (!small || !large) return
  for (const [name, f] of large[1]) {
    const s = small[1].get(name)
    if (s) console.log(`scale: ×${(large[0] / small[0]).toFixed(0)} data ${name} p50 ${s.p50.toFixed(1)}→${f.p50.toFixed(1)} ms p99 ${s.p99.toFixed(1)}→${f.p99.toFixed(1)} ms`)
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
