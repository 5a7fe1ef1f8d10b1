import { createHmac, randomBytes } from 'node:crypto'

/**
 * The host's own console output. Info is what a developer needs to see; debug (HOST_LOG=debug) adds a
 * line per call naming the caller only by `callerTag` — never an openid, names, phones or event
 * contents (docs/architecture.md "Privacy": nothing personal is written to logs).
 */
export interface HostLog {
  info(message: string): void
  warn(message: string): void
  error(message: string): void
  /** A function is called only when debug is on: a line per call must cost nothing when it is off. */
  debug(message: string | (() => string)): void
}

export type HostLogLevel = 'silent' | 'error' | 'warn' | 'info' | 'debug'

const ORDER: Record<HostLogLevel, number> = { silent: 0, error: 1, warn: 2, info: 3, debug: 4 }

export function parseLogLevel(value: string | undefined, fallback: HostLogLevel): HostLogLevel {
  return value !== undefined && value in ORDER ? (value as HostLogLevel) : fallback
}

export function createHostLog(level: HostLogLevel): HostLog {
  const on = (at: HostLogLevel) => ORDER[level] >= ORDER[at]
  const prefix = '[本地云]'
  return {
    error: (m) => {
      if (on('error')) console.error(`${prefix} ${m}`)
    },
    warn: (m) => {
      if (on('warn')) console.warn(`${prefix} ${m}`)
    },
    info: (m) => {
      if (on('info')) console.log(`${prefix} ${m}`)
    },
    debug: (m) => {
      if (on('debug')) console.log(`${prefix} ${typeof m === 'function' ? m() : m}`)
    },
  }
}

/** Drawn once per host process; never written anywhere. */
const CALLER_TAG_KEY = randomBytes(32)

/**
 * A short pseudonym for a caller in log lines: the first 8 hex digits of an HMAC-SHA256 of the openid
 * under a key that lives only in this process. Lines of one run can be told apart by caller, but a tag
 * cannot be turned back into the openid — not even by hashing a list of known openids, as a plain
 * hash could be — nor matched with the tags of another run.
 */
export function callerTag(openid: string): string {
  return createHmac('sha256', CALLER_TAG_KEY).update(openid, 'utf8').digest('hex').slice(0, 8)
}
