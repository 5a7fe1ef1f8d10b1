/**
 * The host's own console output. Info is what a developer needs to see; debug (HOST_LOG=debug) adds a
 * line per call with the caller's openid — never names, phones or event contents (DESIGN.md §5).
 */
export interface HostLog {
  info(message: string): void
  warn(message: string): void
  error(message: string): void
  debug(message: string): void
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
      if (on('debug')) console.log(`${prefix} ${m}`)
    },
  }
}
