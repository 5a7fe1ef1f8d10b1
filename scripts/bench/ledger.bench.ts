/**
 * The ledgers against their functions' declared timeouts (docs/architecture.md "Budgets"): the Excel
 * attendance ledger of a 1,500-person lecture and the branch's wish ledger, exported by the secretary
 * through the local host, which stops a function at its cloudbaserc.json `timeout` as the cloud does.
 * The data is written straight into the store first. Prints figures; asserts nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createBackend } from '../../cloudfunctions/emulator/backend'
import { DEMO_BRANCHES, DEMO_OPENIDS, seedDemoData } from '../../cloudfunctions/emulator/seed'
import { benchId, closeAgent, declaredTimeoutSeconds, ok, ROOT, startHostProcess, stopHostProcess } from './bench-host'
import { checkInDoc, lectureDoc, memberDoc, wishDocs } from './bench-world'

const ATTENDEES = Number(process.env.BENCH_LEDGER_N ?? 1500)
/** A busy branch's wishes over a few years: every status, each with its timeline and texts. */
const WISHES = Number(process.env.BENCH_LEDGER_WISHES ?? 500)

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now()
  const result = await work()
  return [result, performance.now() - started]
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'zbhd-bench-ledger-'))
  try {
    const branch = DEMO_BRANCHES[0]
    if (!branch) throw new Error('no demo branch')
    const now = new Date()
    const seeder = await createBackend({ dataDir, publicUrl: () => 'http://127.0.0.1', environmentFile: path.join(ROOT, 'cloudbaserc.json') })
    await seedDemoData(seeder.store)
    const people = Array.from({ length: ATTENDEES }, (_, i) => ({ openid: `bench-member-${String(i).padStart(5, '0')}`, name: `党员${i}`, branchId: branch.id, branchName: branch.name }))
    await seeder.store.insert('members', people.map((p) => memberDoc(p.openid, branch.id, p.name, 'member', now)))
    const lecture = lectureDoc(benchId('L', 1), branch, new Date(now.getTime() - 2 * 3_600_000), DEMO_OPENIDS.secretary)
    await seeder.store.insert('lectures', [{ ...lecture, checkinCount: ATTENDEES }])
    await seeder.store.insert('check_ins', people.map((p, i) => checkInDoc(lecture, p, new Date(lecture.startAt.getTime() - 20 * 60_000 + i * 1000))) as unknown as Record<string, unknown>[])
    await seeder.store.insert('wishes', wishDocs(WISHES, branch, 1, now) as unknown as Record<string, unknown>[])
    await seeder.close()

    const { child, url } = await startHostProcess(dataDir)
    try {
      const secretary = DEMO_OPENIDS.secretary
      // Both functions warm, as an export comes from a secretary already using the app; the first export
      // of an instance still loads exceljs (kept out of the main bundle), so it is timed apart.
      await ok(url, secretary, 'lecture', { action: 'get', lectureId: lecture._id })
      await ok(url, secretary, 'wish', { action: 'stats' })
      const [lectureLedger, lectureMs] = await timed(() => ok(url, secretary, 'lecture', { action: 'exportAttendance', lectureId: lecture._id }))
      const [, lectureWarmMs] = await timed(() => ok(url, secretary, 'lecture', { action: 'exportAttendance', lectureId: lecture._id }))
      const [wishLedger, wishMs] = await timed(() => ok(url, secretary, 'wish', { action: 'exportLedger' }))
      const [, wishWarmMs] = await timed(() => ok(url, secretary, 'wish', { action: 'exportLedger' }))
      console.log(`ledger: lecture n=${String(lectureLedger.rows)} ms=${lectureMs.toFixed(0)} warm_ms=${lectureWarmMs.toFixed(0)} timeout=${declaredTimeoutSeconds('lecture')}s`)
      console.log(`ledger: wish n=${String(wishLedger.rows)} ms=${wishMs.toFixed(0)} warm_ms=${wishWarmMs.toFixed(0)} timeout=${declaredTimeoutSeconds('wish')}s`)
    } finally {
      closeAgent()
      await stopHostProcess(child)
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
