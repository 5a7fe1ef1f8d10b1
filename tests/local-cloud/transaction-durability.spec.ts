import { createHash } from 'crypto'
import { buildSync } from 'esbuild'
import { promises as fs } from 'fs'
import os from 'os'
import path from 'path'
import { startLocalCloud } from '../support/local-cloud'
import { runKillable, type ChildExit } from '../support/sdk/killable-child'
import '../support/sdk/sdk-harness'
import { ACCOUNT_IDS, START_BALANCE, transferId, transferOf, type Transfer } from '../support/sdk/transfer-ledger'

/**
 * docs/local-cloud.md "Durability", for transactions: a commit is all or nothing on disk, even when the
 * process is killed in the middle of applying it. A child commits transfers through the real SDK
 * (../support/sdk/transfer-writer.ts) and dies by SIGKILL; the data folder is then reopened and must hold
 * every acknowledged transfer, each one whole: balances recomputed from the transfer records equal the
 * stored balances, so no transfer is half applied and the total is unchanged.
 */
const repoRoot = path.resolve(__dirname, '../..')
let workDir: string
let writerScript: string
let crashScript: string

beforeAll(async () => {
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tx-durability-'))
  writerScript = path.join(workDir, 'transfer-writer.js')
  crashScript = path.join(workDir, 'crash-after-append.js')
  // The child runs plain Node: bundle the TypeScript writer (and the backend) once, packages external.
  for (const [entry, outfile] of [
    ['../support/sdk/transfer-writer.ts', writerScript],
    ['../support/sdk/crash-after-append.ts', crashScript],
  ] as const) {
    buildSync({
      entryPoints: [path.join(__dirname, entry)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      packages: 'external',
      logLevel: 'error',
    })
  }
})

afterAll(async () => {
  await fs.rm(workDir, { recursive: true, force: true })
})

interface WriterRun extends ChildExit {
  acked: number
}

/**
 * Runs the writer; the parent SIGKILLs it right after `killAfter` acknowledgements, or with
 * `crashAfterAppend` the child kills itself right after that append (see crash-after-append.ts).
 */
async function runWriter(dataDir: string, count: number, kill: { killAfter?: number; crashAfterAppend?: string }): Promise<WriterRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_PATH: path.join(repoRoot, 'node_modules') }
  if (kill.crashAfterAppend) env.CRASH_AFTER_APPEND = kill.crashAfterAppend
  let acked = 0
  const ended = await runKillable(['--require', crashScript, writerScript, dataDir, String(count)], env, (line, killNow) => {
    const match = /^ack (\d+)$/.exec(line)
    if (!match?.[1]) return
    // Acknowledgements arrive in order, one transaction at a time.
    expect(Number(match[1])).toBe(acked + 1)
    acked += 1
    if (acked === kill.killAfter) killNow()
  })
  return { ...ended, acked }
}

interface Survivors {
  /** How many transfers the reopened store holds (they must be 1…committed). */
  committed: number
  /** What the backend warned about while reopening. */
  warnings: string[]
}

/** Reopens the data folder and checks that it holds transfers 1…n whole, n ≥ acked; answers n. */
async function expectWholeTransfers(dataDir: string, acked: number): Promise<Survivors> {
  const { value: reopened, warnings } = await collectingWarnings(() => startLocalCloud({ dataDir, environmentFile: null }))
  try {
    const transfers = (await reopened.backend.store.find('transfers')) as unknown as Transfer[]
    const committed = transfers.length
    // Every acknowledged transfer, and at most the one in flight at the kill, in sequence.
    expect(committed).toBeGreaterThanOrEqual(acked)
    expect(committed).toBeLessThanOrEqual(acked + 1)
    expect(transfers.map((t) => t._id).sort()).toEqual(Array.from({ length: committed }, (_x, i) => transferId(i + 1)))
    for (const transfer of transfers) expect(transfer).toEqual(transferOf(transfer.seq))

    const expected = new Map<string, number>(ACCOUNT_IDS.map((id) => [id, START_BALANCE]))
    for (const t of transfers) {
      expected.set(t.from, (expected.get(t.from) ?? 0) - t.amount)
      expected.set(t.to, (expected.get(t.to) ?? 0) + t.amount)
    }
    const accounts = await reopened.backend.store.find('accounts')
    expect(new Map(accounts.map((a) => [String(a._id), a.balance]))).toEqual(expected)
    expect(accounts.reduce((sum, a) => sum + Number(a.balance), 0)).toBe(START_BALANCE * ACCOUNT_IDS.length)
    const [tally] = await reopened.backend.store.find('ledger', { _id: 'tally' })
    expect(tally?.n).toBe(committed)
    return { committed, warnings }
  } finally {
    await reopened.close()
  }
}

describe('transaction durability', () => {
  it('keeps every transaction acknowledged before SIGKILL, each one whole', async () => {
    const dataDir = path.join(workDir, 'killed')
    const run = await runWriter(dataDir, 5000, { killAfter: 300 })
    expect(run.stderr).toBe('')
    expect(run.exit.signal).toBe('SIGKILL')
    expect(run.acked).toBeGreaterThanOrEqual(300)
    expect(run.acked).toBeLessThan(5000)
    await expectWholeTransfers(dataDir, run.acked)
  })

  it('completes a commit the process was killed in the middle of applying', async () => {
    const dataDir = path.join(workDir, 'mid-commit')
    // accounts.db gets one append for the seed and two per commit (debit, then credit): append 2k is
    // the debit of commit k, so the process dies with commit 40 debited and not yet credited.
    const run = await runWriter(dataDir, 100, { crashAfterAppend: `accounts.db:${2 * 40}` })
    expect(run.stderr).toBe('')
    expect(run.exit.signal).toBe('SIGKILL')
    expect(run.acked).toBe(39)
    const { committed, warnings } = await expectWholeTransfers(dataDir, run.acked)
    // The commit was under way (its debit was on disk), so reopening finished it rather than undoing it.
    expect(committed).toBe(40)
    expect(warnings).toEqual([expect.stringMatching(/finished a transaction commit interrupted by a crash/)])
  })

  it('drops a commit record torn by a crash, applying nothing from it', async () => {
    const dataDir = path.join(workDir, 'torn-record')
    await fs.mkdir(path.join(dataDir, 'db'), { recursive: true })
    const journal = path.join(dataDir, 'db', 'transaction.journal')
    // A record whose write never finished: no newline, and the checksum covers more than is there.
    const json = '{"changes":[{"collection":"torn","put":[{"_id":"a"}],"remove":[]}]}'
    await fs.writeFile(journal, `${sha256(json)} ${json.slice(0, 40)}`)
    const { value: local, warnings } = await collectingWarnings(() => startLocalCloud({ dataDir, environmentFile: null }))
    try {
      expect(warnings).toEqual([expect.stringMatching(/dropped a torn commit record/)])
      expect(await local.backend.store.count('torn')).toBe(0)
      expect(await fs.readFile(journal, 'utf8')).toBe('')
    } finally {
      await local.close()
    }
  })

  it('refuses to open when the journal holds a complete record that fails its checksum or is not understood', async () => {
    const dataDir = path.join(workDir, 'damaged-record')
    await fs.mkdir(path.join(dataDir, 'db'), { recursive: true })
    const json = '{"changes":[{"collection":"x","put":"not a list","remove":[]}]}'
    await fs.writeFile(path.join(dataDir, 'db', 'transaction.journal'), `${sha256(json)} ${json}\n`)
    await expect(startLocalCloud({ dataDir, environmentFile: null })).rejects.toThrow(/commit record is complete but not understood/)
    // A whole line whose checksum does not match is damage too, not a torn write to be dropped.
    const valid = '{"changes":[]}'
    await fs.writeFile(path.join(dataDir, 'db', 'transaction.journal'), `${sha256(valid)} ${valid.replace('[]', '[ ]')}\n`)
    await expect(startLocalCloud({ dataDir, environmentFile: null })).rejects.toThrow(/commit record is complete but not understood/)
  })
})

/** Runs `work` with console.warn silenced, answering what it warned. */
async function collectingWarnings<T>(work: () => Promise<T>): Promise<{ value: T; warnings: string[] }> {
  const warnings: string[] = []
  const warn = jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    warnings.push(args.map(String).join(' '))
  })
  try {
    return { value: await work(), warnings }
  } finally {
    warn.mockRestore()
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}
