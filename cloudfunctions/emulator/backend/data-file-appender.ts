import type Datastore from '@seald-io/nedb'
import { closeSync, openSync, writeSync } from 'fs'
// nedb's own line format (the same `serialize` its persistence uses), so files stay nedb files.
import { serialize } from '@seald-io/nedb/lib/model'
import type { Doc } from './ejson-codec'

/**
 * How a collection's writes reach its file: nedb's own line for each document, appended with ONE
 * write(2) to a descriptor kept open (O_APPEND), instead of nedb's `fs.promises.appendFile`, which opens,
 * writes and closes the file through libuv's thread pool on every write — three hand-offs to another
 * thread and back, which cost more than the write itself (the check-in bench's main thread spent ~0.2 ms
 * of CPU per write on them; this costs ~0.01 ms).
 *
 * Same durability: the write resolves after write(2) returned, so the line is in the OS page cache and
 * survives `kill -9` of the process (as before, not a power cut). Same ordering: nedb still runs each
 * datastore's operations one at a time through its queue, and a write is now finished before the next
 * one starts. A write that fails (disk full) rejects as appendFile's did; a partial write is continued
 * until the whole text is written, as appendFile does.
 *
 * Compaction rewrites the file (temp file, fsync, rename), after which the descriptor would point at the
 * replaced file: the descriptor is closed before nedb rewrites and reopened after, inside the same task
 * of nedb's queue, so no write can fall in between.
 */

interface NedbPersistence {
  afterSerialization(text: string): Promise<string>
  persistNewStateAsync(docs: Doc[]): Promise<void>
  persistCachedDatabaseAsync(): Promise<void>
  filename: string
  modes: { fileMode: number }
}

interface NedbExecutor {
  pushAsync(task: () => Promise<void>): Promise<void>
}

export interface DataFileAppender {
  /** Closes the descriptor after every operation already in nedb's queue; later writes fail. */
  close(): Promise<void>
}

/** Installs the appender on a loaded datastore (after `loadDatabaseAsync`). */
export function appendThroughOpenFile(ds: Datastore<Doc>): DataFileAppender {
  const persistence = ds.persistence as unknown as NedbPersistence
  const { filename } = persistence
  const mode = persistence.modes.fileMode
  let fd: number | undefined = openSync(filename, 'a', mode)

  const compact = persistence.persistCachedDatabaseAsync.bind(persistence)
  persistence.persistCachedDatabaseAsync = async () => {
    closeFd()
    try {
      await compact()
    } finally {
      fd = openSync(filename, 'a', mode)
    }
  }

  persistence.persistNewStateAsync = async (docs: Doc[]) => {
    let text = ''
    for (const doc of docs) text += `${await persistence.afterSerialization(serialize(doc))}\n`
    if (text.length === 0) return
    if (fd === undefined) throw new Error(`${filename} is closed`)
    const bytes = Buffer.from(text, 'utf8')
    let written = 0
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written)
  }

  function closeFd(): void {
    if (fd === undefined) return
    const open = fd
    fd = undefined
    closeSync(open)
  }

  const executor = (ds as unknown as { executor: NedbExecutor }).executor
  return { close: () => executor.pushAsync(async () => closeFd()) }
}
