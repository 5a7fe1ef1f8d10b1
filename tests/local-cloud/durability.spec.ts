import { buildSync } from 'esbuild'
import { promises as fs } from 'fs'
import os from 'os'
import path from 'path'
import cloud from 'wx-server-sdk'
import { startLocalCloud, useCaller } from '../support/local-cloud'
import { runKillable, type ChildExit } from '../support/sdk/killable-child'
import { result, type CountResult, type GetOneResult, type GetResult } from '../support/sdk/sdk-harness'

/**
 * docs/local-cloud.md "Durability": an acknowledged write is on disk, and the store survives a killed
 * process. A child process writes through the real SDK and is killed with SIGKILL mid-way; the data
 * folder is then reopened and every write the child acknowledged must be there.
 */
const repoRoot = path.resolve(__dirname, '../..')
let workDir: string
let writerScript: string

beforeAll(async () => {
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'durability-'))
  writerScript = path.join(workDir, 'durability-writer.js')
  // The child runs plain Node: bundle the TypeScript writer (and the backend) once, packages external.
  buildSync({
    entryPoints: [path.join(__dirname, '../support/sdk/durability-writer.ts')],
    outfile: writerScript,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  })
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
})

afterAll(async () => {
  await fs.rm(workDir, { recursive: true, force: true })
})

interface WriterRun extends ChildExit {
  acked: string[]
  lastCounter: number
}

/** Runs the writer and SIGKILLs it right after `killAfter` acknowledgements (or lets it finish). */
async function runWriter(dataDir: string, count: number, killAfter: number): Promise<WriterRun> {
  const acked: string[] = []
  let lastCounter = 0
  const ended = await runKillable([writerScript, dataDir, String(count)], { ...process.env, NODE_PATH: path.join(repoRoot, 'node_modules') }, (line, kill) => {
    const match = /^ack (\S+) (\d+)$/.exec(line)
    if (!match?.[1] || !match[2]) return
    acked.push(match[1])
    lastCounter = Number(match[2])
    if (acked.length === killAfter) kill()
  })
  return { ...ended, acked, lastCounter }
}

describe('durability', () => {
  it('keeps every write acknowledged before the process was killed with SIGKILL', async () => {
    const dataDir = path.join(workDir, 'killed')
    const run = await runWriter(dataDir, 5000, 300)
    expect(run.stderr).toBe('')
    expect(run.exit.signal).toBe('SIGKILL')
    expect(run.acked.length).toBeGreaterThanOrEqual(300)
    expect(run.acked.length).toBeLessThan(5000)

    const reopened = await startLocalCloud({ dataDir, environmentFile: null })
    try {
      useCaller(reopened, 'durability-check')
      const db = cloud.database()
      const _ = db.command
      const acked = run.acked
      let found = 0
      for (let start = 0; start < acked.length; start += 1000) {
        const chunk = acked.slice(start, start + 1000)
        const res = await result<GetResult>(db.collection('durable').where({ _id: _.in(chunk) }).limit(1000).get())
        found += res.data.length
        for (const doc of res.data) expect(doc.at).toBeInstanceOf(Date)
      }
      expect(found).toBe(acked.length)
      // At most the one write in flight at the kill may be there without an acknowledgement.
      const total = await result<CountResult>(db.collection('durable').count())
      expect(total.total - acked.length).toBeGreaterThanOrEqual(0)
      expect(total.total - acked.length).toBeLessThanOrEqual(1)
      // Every acknowledged increment is there too.
      const counter = await result<GetOneResult<{ n: number }>>(db.collection('counters').doc('acks').get())
      expect(counter.data.n).toBeGreaterThanOrEqual(run.lastCounter)
      expect(counter.data.n).toBeLessThanOrEqual(run.lastCounter + 1)
    } finally {
      await reopened.close()
    }
  })

  it('answers the same data after a restart, with updates, removals and Dates applied', async () => {
    const dataDir = path.join(workDir, 'restarted')
    const first = await startLocalCloud({ dataDir, environmentFile: null })
    useCaller(first, 'restart-check')
    const db = cloud.database()
    const _ = db.command
    const at = new Date('2026-05-01T12:00:00.000Z')
    await result(db.collection('notes').add({ data: [{ _id: 'n1', v: 1, at }, { _id: 'n2', v: 2 }, { _id: 'n3', v: 3 }] as unknown as Record<string, unknown> }))
    await result(db.collection('notes').doc('n1').update({ data: { v: _.inc(10), tags: _.push('x') } }))
    await result(db.collection('notes').doc('n2').remove())
    await result(db.collection('notes').doc('n3').set({ data: { replaced: true } }))
    await first.close()

    const second = await startLocalCloud({ dataDir, environmentFile: null })
    try {
      useCaller(second, 'restart-check')
      const res = await result<GetResult>(db.collection('notes').orderBy('_id', 'asc').get())
      expect(res.data).toEqual([
        { _id: 'n1', v: 11, at, tags: ['x'] },
        { _id: 'n3', replaced: true },
      ])
      expect(res.data[0]?.at).toBeInstanceOf(Date)
    } finally {
      await second.close()
    }
  })

  it('keeps a batch of 1200 new documents across a restart (large appends and rewrites)', async () => {
    const dataDir = path.join(workDir, 'batch')
    const first = await startLocalCloud({ dataDir, environmentFile: null })
    useCaller(first, 'batch-check')
    const db = cloud.database()
    await result(db.collection('bulk').add({ data: { _id: 'first' } }))
    const rows = Array.from({ length: 1200 }, (_x, i) => ({ _id: `bulk-${i}`, i }))
    await result(db.collection('bulk').add({ data: rows as unknown as Record<string, unknown> }))
    await first.close()
    const second = await startLocalCloud({ dataDir, environmentFile: null })
    try {
      expect(await second.backend.store.count('bulk')).toBe(1201)
    } finally {
      await second.close()
    }
  })

  it('rewrites a data file whose superseded lines pile up, keeping every document', async () => {
    const dataDir = path.join(workDir, 'compacted')
    const first = await startLocalCloud({ dataDir, environmentFile: null })
    useCaller(first, 'compaction-check')
    const db = cloud.database()
    const _ = db.command
    await result(db.collection('tallies').add({ data: Array.from({ length: 11 }, (_x, i) => ({ _id: `t${i}`, n: 0 })) as unknown as Record<string, unknown> }))
    // 100 updates of 11 documents append 1,100 superseded lines.
    for (let i = 0; i < 100; i++) await result(db.collection('tallies').where({}).update({ data: { n: _.inc(1) } }))
    const lines = (await fs.readFile(path.join(dataDir, 'db', 'tallies.db'), 'utf8')).split('\n').filter(Boolean)
    // Without compaction the file would hold 11 + 1,100 lines.
    expect(lines.length).toBeLessThan(1000)
    await first.close()

    const second = await startLocalCloud({ dataDir, environmentFile: null })
    try {
      const docs = await second.backend.store.find('tallies')
      expect(docs).toHaveLength(11)
      expect(docs.every((doc) => doc.n === 100)).toBe(true)
    } finally {
      await second.close()
    }
  })

  it('opens a data file whose last line was torn by a crash, dropping only that line', async () => {
    const dataDir = path.join(workDir, 'torn')
    await fs.mkdir(path.join(dataDir, 'db'), { recursive: true })
    const file = path.join(dataDir, 'db', 'torn.db')
    const valid = ['{"_id":"a","v":1}', '{"_id":"b","at":{"$$date":1767225600000}}']
    await fs.writeFile(file, `${valid.join('\n')}\n{"_id":"c","v":`)
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    const local = await startLocalCloud({ dataDir, environmentFile: null })
    try {
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/dropped 1 unreadable line/))
      expect(await local.backend.store.find('torn')).toEqual([
        { _id: 'a', v: 1 },
        { _id: 'b', at: new Date(1767225600000) },
      ])
      // nedb compacts on load: the file now holds exactly the live documents, the torn line is gone.
      expect((await fs.readFile(file, 'utf8')).split('\n').filter(Boolean)).toEqual(valid)
    } finally {
      warn.mockRestore()
      await local.close()
    }
  })

  it('refuses to open a data file with more damage than one torn line', async () => {
    const dataDir = path.join(workDir, 'damaged')
    await fs.mkdir(path.join(dataDir, 'db'), { recursive: true })
    await fs.writeFile(path.join(dataDir, 'db', 'damaged.db'), '{"_id":"a"}\nnot json\n{"_id":"b"}\n{broken\n')
    await expect(startLocalCloud({ dataDir, environmentFile: null })).rejects.toThrow(/corrupt/)
  })
})
