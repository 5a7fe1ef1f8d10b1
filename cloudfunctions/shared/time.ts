import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'
import { BEIJING_TIME_ZONE } from '../contracts/rules/time.rules'

dayjs.extend(utc)
dayjs.extend(timezone)

/**
 * The server's one module for time. Every day/week/month boundary is Beijing time, computed explicitly:
 * cloud functions run in UTC and tests run with TZ=UTC, so the process time zone must never decide a
 * boundary (docs/architecture.md "Time"). The client's counterpart is src/utils/beijing-time.ts.
 */
export function beijing(at: Date | string | number = Date.now()): dayjs.Dayjs {
  return dayjs(at).tz(BEIJING_TIME_ZONE)
}

/** `2026-11-22 14:30` in Beijing time, for messages and ledgers. */
export function formatBeijing(at: Date | string | number, pattern = 'YYYY-MM-DD HH:mm'): string {
  return beijing(at).format(pattern)
}

/**
 * The instant as an Excel date cell showing Beijing wall time: a cell has no time zone and exceljs
 * writes a Date's UTC fields, so the Date handed to it carries Beijing's fields as UTC.
 */
export function excelBeijing(at: Date): Date {
  return new Date(at.getTime() + beijing(at).utcOffset() * 60_000)
}

export function toIso(at: Date): string {
  return at.toISOString()
}

export function isoOrNull(at: Date | null | undefined): string | null {
  return at ? at.toISOString() : null
}
