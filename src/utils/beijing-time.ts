import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'
import { BEIJING_OFFSET_MINUTES, BEIJING_TIME_ZONE } from '@contracts/rules'

dayjs.extend(utc)
dayjs.extend(timezone)

/**
 * The client's one module for time: Beijing wall-clock time whatever the phone's (or the test's, TZ=UTC)
 * zone, with a fixed-offset fallback where WeChat on Android ignores the zone (docs/architecture.md "Time").
 * The server's counterpart is cloudfunctions/shared/time.ts.
 */

/** An instant as the answers carry it (ISO), as epoch ms, or a Date; null/undefined/'' for none. */
type Instant = string | number | Date | null | undefined

let zoneSupport: boolean | null = null

function timezonePluginWorks(): boolean {
  if (zoneSupport === null) {
    try {
      const probe = dayjs('2024-01-01T00:00:00Z').tz(BEIJING_TIME_ZONE)
      zoneSupport = probe.utcOffset() === BEIJING_OFFSET_MINUTES && probe.format('YYYY-MM-DD HH:mm') === '2024-01-01 08:00'
    } catch {
      zoneSupport = false
    }
  }
  return zoneSupport
}

/** The instant as Beijing wall time, or null for a missing or unreadable value. */
export function inBeijing(at: Instant): Dayjs | null {
  if (at === null || at === undefined || at === '') return null
  const d = dayjs(at)
  if (!d.isValid()) return null
  return timezonePluginWorks() ? d.tz(BEIJING_TIME_ZONE) : d.utc().utcOffset(BEIJING_OFFSET_MINUTES)
}

/** The instant in Beijing time with a dayjs pattern (`YYYY-MM-DD HH:mm`); '' for a missing or unreadable value. */
export function formatBeijing(at: Instant, pattern: string): string {
  return inBeijing(at)?.format(pattern) ?? ''
}

/** `2026-11-22`: the Beijing calendar date of an instant, '' for a missing or unreadable value. */
export function formatBeijingDate(at: Instant): string {
  return formatBeijing(at, 'YYYY-MM-DD')
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** `11月22日（周六）`, with the year when it is not this year (in Beijing). */
export function formatDay(at: string | number | Date, now: number = Date.now()): string {
  const d = inBeijing(at)
  if (!d) return ''
  const thisYear = inBeijing(now)?.year()
  const day = d.year() === thisYear ? d.format('M月D日') : d.format('YYYY年M月D日')
  return `${day}（${WEEKDAYS[d.day()] ?? ''}）`
}

/** `19:30` in Beijing. */
export function formatClock(at: Instant): string {
  return formatBeijing(at, 'HH:mm')
}

/** `11月22日 19:30` in Beijing (for "签到于 …"). */
export function formatMoment(at: Instant, now: number = Date.now()): string {
  const d = inBeijing(at)
  if (!d) return ''
  return d.year() === inBeijing(now)?.year() ? d.format('M月D日 HH:mm') : d.format('YYYY年M月D日 HH:mm')
}

/** `11月22日（周六）19:30–21:00`; a lecture that runs past midnight names both days. */
export function formatLectureTime(startAt: string, endAt: string, now: number = Date.now()): string {
  const start = inBeijing(startAt)
  const end = inBeijing(endAt)
  if (!start || !end) return ''
  if (start.format('YYYY-MM-DD') === end.format('YYYY-MM-DD')) {
    return `${formatDay(startAt, now)}${start.format('HH:mm')}–${end.format('HH:mm')}`
  }
  return `${formatDay(startAt, now)}${start.format('HH:mm')} 至 ${formatDay(endAt, now)}${end.format('HH:mm')}`
}

/** `11月22日 19:00 起，21:00 截止` (the closing day is named when it is another day). */
export function formatCheckinWindow(opensAt: string, closesAt: string, now: number = Date.now()): string {
  const open = inBeijing(opensAt)
  const close = inBeijing(closesAt)
  if (!open || !close) return ''
  const sameDay = open.format('YYYY-MM-DD') === close.format('YYYY-MM-DD')
  return `${formatMoment(opensAt, now)} 起，${sameDay ? close.format('HH:mm') : formatMoment(closesAt, now)} 截止`
}

/** Today's date in Beijing, `YYYY-MM-DD` (the date picker's default and lower bound). */
export function beijingToday(now: number = Date.now()): string {
  return formatBeijingDate(now)
}

/** A Beijing date and wall-clock time (`HH:mm`) of an instant, for filling the form from a lecture. */
export function beijingParts(at: string): { date: string; time: string } {
  const d = inBeijing(at)
  return d ? { date: d.format('YYYY-MM-DD'), time: d.format('HH:mm') } : { date: '', time: '' }
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/
const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/

/**
 * A date and time chosen on the form, read as Beijing time, as ISO-8601 with its offset:
 * (`2026-11-22`, `19:30`) → `2026-11-22T19:30:00+08:00`. Null when either is not a real date/time.
 */
export function beijingIso(date: string, time: string): string | null {
  if (!DATE_RE.test(date) || !TIME_RE.test(time)) return null
  const iso = `${date}T${time}:00+08:00`
  const back = inBeijing(iso)
  // 2026-02-30 parses in some engines by rolling over to March: refuse anything that does not round-trip.
  if (!back || back.format('YYYY-MM-DD HH:mm') !== `${date} ${time}`) return null
  return iso
}
