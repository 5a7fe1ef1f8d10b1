import fs from 'fs'
import path from 'path'

/**
 * Preloaded into a child (`node --require crash-after-append.js …`) to crash it at an exact point:
 * with `CRASH_AFTER_APPEND=<file name>:<n>` the process SIGKILLs itself as soon as the n-th append to a
 * file of that name has returned — the moment a real `kill -9` could land between two writes of one
 * commit. It wraps `fs.promises.appendFile` (how nedb writes, see collection-store.ts) before anything
 * captures it, and changes nothing else.
 */
const spec = process.env.CRASH_AFTER_APPEND ?? ''
const match = /^([^:]+):(\d+)$/.exec(spec)
if (match?.[1] && match[2]) {
  const fileName = match[1]
  const killAt = Number(match[2])
  const original = fs.promises.appendFile
  let appends = 0
  const appendFile: typeof original = async (file, data, options) => {
    await original(file, data, options)
    if (typeof file === 'string' && path.basename(file) === fileName) {
      appends += 1
      if (appends === killAt) process.kill(process.pid, 'SIGKILL')
    }
  }
  fs.promises.appendFile = appendFile
}
