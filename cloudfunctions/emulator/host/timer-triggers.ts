import { randomUUID } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { nextFire, parseCron, type CronSchedule } from './cron-schedule'
import type { InvocationOutcome } from './function-pool'
import type { HostLog } from './host-log'

/**
 * The functions' timer triggers, run as WeChat Cloud runs them: each function's uploaded `config.json`
 * (`triggers`, written by config/build-functions.mjs from cloudbaserc.json) names them and their
 * 7-field cron schedule in Beijing time; when one is due, the function is invoked with the event the
 * platform sends — `{ Type: 'Timer', TriggerName, Time }` — and no caller at all (docs/local-cloud.md
 * "Timer triggers"). Reading the built config, not a list of our own, means the host runs exactly what
 * would be deployed.
 */

export interface TimerEvent {
  Type: 'Timer'
  TriggerName: string
  /** The scheduled instant, UTC, to the second: `2026-12-06T16:00:00Z`. */
  Time: string
}

export interface TriggerRun {
  /** When it fired (the scheduled instant, or now for a fire on demand). */
  at: string
  by: 'schedule' | 'dev'
  outcome: InvocationOutcome['kind'] | 'missing'
  ms: number
  /** The function's answer, for `result`. */
  result?: unknown
}

export interface TriggerState {
  function: string
  name: string
  config: string
  nextAt: string | null
  /** The latest runs, newest last. */
  runs: TriggerRun[]
}

export interface TimerTriggersOptions {
  /** Holds `<fn>/config.json` beside each bundle (dist/cloudfunctions). */
  functionsDir: string
  invoke(functionName: string, event: TimerEvent, requestId: string): Promise<InvocationOutcome | undefined>
  log: HostLog
  /** Run triggers on their schedule; off, they fire only on demand. Default true. */
  scheduled?: boolean
  /** How often the folder is read again, so a rebuild's triggers take effect (default 10 s). */
  rescanMs?: number
}

interface Declared {
  functionName: string
  name: string
  config: string
}

interface Entry extends Declared {
  schedule: CronSchedule
  nextAt: number | null
  timer?: NodeJS.Timeout
  runs: TriggerRun[]
}

const KEPT_RUNS = 20
/** setTimeout's limit is ~24.8 days; a far trigger wakes up every hour and looks again. */
const MAX_WAIT_MS = 60 * 60 * 1000

/** `<fn>/config.json` → its timer triggers; a folder without one, or without triggers, has none. */
export function declaredTriggers(functionsDir: string): Declared[] {
  let names: string[]
  try {
    names = readdirSync(functionsDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
  } catch {
    return []
  }
  const declared: Declared[] = []
  for (const functionName of names) {
    let config: unknown
    try {
      config = JSON.parse(readFileSync(path.join(functionsDir, functionName, 'config.json'), 'utf8'))
    } catch {
      continue
    }
    const triggers = (config as { triggers?: unknown }).triggers
    if (!Array.isArray(triggers)) continue
    for (const t of triggers as unknown[]) {
      const { name, type, config: expression } = (t ?? {}) as { name?: unknown; type?: unknown; config?: unknown }
      if (type === 'timer' && typeof name === 'string' && typeof expression === 'string') declared.push({ functionName, name, config: expression })
    }
  }
  return declared
}

/** `Time` as WeChat sends it: ISO 8601 in UTC without milliseconds. */
export function triggerTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}

export class TimerTriggers {
  private readonly entries = new Map<string, Entry>()
  private readonly refused = new Set<string>()
  private rescanTimer?: NodeJS.Timeout
  private closed = false

  constructor(private readonly options: TimerTriggersOptions) {}

  start(): void {
    this.rescan()
    this.rescanTimer = setInterval(() => this.rescan(), this.options.rescanMs ?? 10_000)
    this.rescanTimer.unref()
  }

  list(): TriggerState[] {
    this.rescan()
    return [...this.entries.values()].map((e) => ({
      function: e.functionName,
      name: e.name,
      config: e.config,
      nextAt: e.nextAt === null ? null : new Date(e.nextAt).toISOString(),
      runs: [...e.runs],
    }))
  }

  /** Fires a declared trigger now, as the schedule would; `undefined` when no such trigger is declared. */
  async fire(functionName: string, name: string): Promise<{ run: TriggerRun; outcome: InvocationOutcome | undefined } | undefined> {
    this.rescan()
    const entry = this.entries.get(keyOf(functionName, name))
    if (!entry) return undefined
    return this.run(entry, Date.now(), 'dev')
  }

  close(): void {
    this.closed = true
    clearInterval(this.rescanTimer)
    for (const entry of this.entries.values()) clearTimeout(entry.timer)
    this.entries.clear()
  }

  /** Reads the declarations again: new triggers are scheduled, changed ones rescheduled, removed ones stopped. */
  private rescan(): void {
    if (this.closed) return
    const seen = new Set<string>()
    for (const declared of declaredTriggers(this.options.functionsDir)) {
      const key = keyOf(declared.functionName, declared.name)
      const current = this.entries.get(key)
      if (current && current.config === declared.config) {
        seen.add(key)
        continue
      }
      if (current) clearTimeout(current.timer)
      let schedule: CronSchedule
      try {
        schedule = parseCron(declared.config)
      } catch (err) {
        this.entries.delete(key)
        const note = `${key} ${declared.config}`
        if (!this.refused.has(note)) this.options.log.warn(`定时触发器 ${key} 未启用：${err instanceof Error ? err.message : String(err)}`)
        this.refused.add(note)
        continue
      }
      seen.add(key)
      const entry: Entry = { ...declared, schedule, nextAt: null, runs: current?.runs ?? [] }
      this.entries.set(key, entry)
      this.schedule(entry, Date.now())
    }
    for (const [key, entry] of this.entries) {
      if (seen.has(key)) continue
      clearTimeout(entry.timer)
      this.entries.delete(key)
    }
  }

  private schedule(entry: Entry, afterMs: number): void {
    entry.nextAt = nextFire(entry.schedule, afterMs)
    if (entry.nextAt === null || this.options.scheduled === false) return
    const due = entry.nextAt
    const wake = () => {
      if (this.closed || this.entries.get(keyOf(entry.functionName, entry.name)) !== entry) return
      // A timer may wake a little early; an instant not yet reached is waited for again.
      if (Date.now() < due) {
        entry.timer = setTimeout(wake, Math.min(due - Date.now(), MAX_WAIT_MS))
        entry.timer.unref()
        return
      }
      // The next instant is computed from the one just due, so a slow wake-up never fires a second twice.
      this.schedule(entry, Math.max(due, Date.now() - 1000))
      void this.run(entry, due, 'schedule')
    }
    entry.timer = setTimeout(wake, Math.min(Math.max(0, due - Date.now()), MAX_WAIT_MS))
    entry.timer.unref()
  }

  private async run(entry: Entry, atMs: number, by: TriggerRun['by']): Promise<{ run: TriggerRun; outcome: InvocationOutcome | undefined }> {
    const started = Date.now()
    const event: TimerEvent = { Type: 'Timer', TriggerName: entry.name, Time: triggerTime(atMs) }
    const requestId = randomUUID()
    let outcome: InvocationOutcome | undefined
    try {
      outcome = await this.options.invoke(entry.functionName, event, requestId)
    } catch (err) {
      outcome = { kind: 'crash', name: 'HostError', message: err instanceof Error ? err.message : String(err) }
    }
    const run: TriggerRun = { at: event.Time, by, outcome: outcome?.kind ?? 'missing', ms: Date.now() - started }
    if (outcome?.kind === 'result') run.result = JSON.parse(outcome.json) as unknown
    entry.runs.push(run)
    if (entry.runs.length > KEPT_RUNS) entry.runs.splice(0, entry.runs.length - KEPT_RUNS)
    const key = keyOf(entry.functionName, entry.name)
    if (outcome?.kind === 'crash') this.options.log.error(`定时触发器 ${key} 出错（requestId ${requestId}）：${outcome.name}: ${outcome.message.slice(0, 300)}`)
    else if (outcome?.kind === 'timeout') this.options.log.error(`定时触发器 ${key} 超时（${outcome.timeoutMs} ms，requestId ${requestId}）`)
    else if (!outcome) this.options.log.warn(`定时触发器 ${key}：函数包不存在`)
    else this.options.log.debug(`定时触发器 ${key} ${by} ${run.ms}ms`)
    return { run, outcome }
  }
}

function keyOf(functionName: string, name: string): string {
  return `${functionName}/${name}`
}
