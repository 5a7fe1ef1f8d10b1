import fs from 'fs'
import path from 'path'

/**
 * Preloaded into a child (`node --require crash-after-append.js …`) to crash it at an exact point:
 * with `CRASH_AFTER_APPEND=<file name>:<n>` the process SIGKILLs itself as soon as the n-th append to a
 * file of that name has returned — the moment a real `kill -9` could land between two writes of one
 * commit. The store appends with `fs.writeSync` to a descriptor it keeps open (see
 * data-file-appender.ts), so this wraps `fs.openSync` (to know which descriptors are that file) and
 * `fs.writeSync` before anything uses them — and `fs.promises.appendFile`, nedb's own way — and changes
 * nothing else.
 */
const spec = process.env.CRASH_AFTER_APPEND ?? ''
const match = /^([^:]+):(\d+)$/.exec(spec)
if (match?.[1] && match[2]) {
  const fileName = match[1]
  const killAt = Number(match[2])
  let appends = 0
  const appended = () => {
    appends += 1
    if (appends === killAt) process.kill(process.pid, 'SIGKILL')
  }
  const original = fs.promises.appendFile
  const appendFile: typeof original = async (file, data, options) => {
    await original(file, data, options)
    if (typeof file === 'string' && path.basename(file) === fileName) appended()
  }
  fs.promises.appendFile = appendFile

  const watched = new Set<number>()
  const openSync = fs.openSync
  fs.openSync = ((file: fs.PathLike, ...rest: unknown[]) => {
    const fd = (openSync as (...args: unknown[]) => number)(file, ...rest)
    if (path.basename(String(file)) === fileName) watched.add(fd)
    else watched.delete(fd)
    return fd
  }) as typeof fs.openSync
  const writeSync = fs.writeSync
  fs.writeSync = ((fd: number, ...rest: unknown[]) => {
    const written = (writeSync as (...args: unknown[]) => number)(fd, ...rest)
    if (watched.has(fd)) appended()
    return written
  }) as typeof fs.writeSync
}
