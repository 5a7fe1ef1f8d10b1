import { formatDay } from '@/utils/beijing-time'

/** A Beijing month as people say it: `2026-12` → `2026年12月`. */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5))}月`
}

/**
 * The last day outcomes are taken, as people say it (`1月5日（周二）`): the deadline is the instant the
 * next day begins in Beijing (`resultDeadlineMs`), so its day is the one before.
 */
export function lastResultDay(resultDeadline: string, now: number = Date.now()): string {
  return formatDay(Date.parse(resultDeadline) - 1, now)
}
