import { createHash } from 'crypto'
import { promises as fs } from 'fs'
import { isDocId, isPlainObject, parseEjson, stringifyEjson, type Doc, type DocId } from './ejson-codec'

/** What one transaction commit does to one collection: documents to store whole, ids to delete. */
export interface CollectionChanges {
  collection: string
  put: Doc[]
  remove: DocId[]
}

/**
 * The redo journal that makes a transaction commit all or nothing on disk (docs/local-cloud.md
 * "Durability"): nedb writes each collection's file on its own, so a commit is first written here as one
 * flushed record, `<sha256 of the EJSON> <EJSON>\n`, then applied, then cleared; a crash in between is
 * finished by the replay on open.
 */
export class CommitJournal {
  private constructor(
    readonly filename: string,
    private readonly file: fs.FileHandle,
  ) {}

  static async open(filename: string): Promise<CommitJournal> {
    // Keep what a crashed process left ('r+'); create the file the first time. Not 'a+': Linux ignores
    // the position of a write to a file opened for appending.
    try {
      return new CommitJournal(filename, await fs.open(filename, 'r+'))
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'ENOENT') throw err
      return new CommitJournal(filename, await fs.open(filename, 'w+'))
    }
  }

  /** The record a crash left unapplied, if any. A torn record is dropped with a warning. */
  async pending(): Promise<CollectionChanges[] | undefined> {
    const text = (await this.file.readFile({ encoding: 'utf8' })).toString()
    if (text === '') return undefined
    const record = parseRecord(text, this.filename)
    if (!record) {
      console.warn(`[local-backend] ${this.filename}: dropped a torn commit record (a transaction that was never acknowledged)`)
      await this.clear()
      return undefined
    }
    return record
  }

  /** Writes the record and flushes it; resolves only when it is on disk. */
  async write(changes: CollectionChanges[]): Promise<void> {
    const json = stringifyEjson({ changes })
    const line = Buffer.from(`${checksum(json)} ${json}\n`, 'utf8')
    // Empty first: after a failed clear a longer old record would otherwise outlive this one's end.
    await this.file.truncate(0)
    await this.file.write(line, 0, line.length, 0)
    await this.file.datasync()
  }

  /** Forgets the record once every collection has taken it. */
  async clear(): Promise<void> {
    await this.file.truncate(0)
  }

  async close(): Promise<void> {
    await this.file.close()
  }
}

function checksum(json: string): string {
  return createHash('sha256').update(json, 'utf8').digest('hex')
}

/**
 * The record, or undefined when it was cut short. The record is one write ending in its only newline
 * (JSON escapes newlines in strings), so a kill leaves at most a prefix without it; a complete line
 * that fails its checksum or does not describe a commit is damage, which must not be guessed past.
 */
function parseRecord(text: string, filename: string): CollectionChanges[] | undefined {
  if (!text.endsWith('\n')) return undefined
  const damaged = () => new Error(`${filename}: the commit record is complete but not understood; refusing to start`)
  const space = text.indexOf(' ')
  const json = text.slice(space + 1, -1)
  if (space !== 64 || checksum(json) !== text.slice(0, space)) throw damaged()
  // Values are rebuilt in this realm, like every value the backend stores (ejson-codec.ts).
  const value = parseEjson(json, 'commit record')
  if (!isPlainObject(value) || !Array.isArray(value.changes)) throw damaged()
  return value.changes.map((item: unknown): CollectionChanges => {
    if (!isPlainObject(item) || typeof item.collection !== 'string' || !Array.isArray(item.put) || !Array.isArray(item.remove)) throw damaged()
    const put = item.put.filter(isPlainObject)
    const remove = item.remove.filter(isDocId)
    if (put.length !== item.put.length || remove.length !== item.remove.length) throw damaged()
    return { collection: item.collection, put, remove }
  })
}
