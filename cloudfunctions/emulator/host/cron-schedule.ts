/**
 * WeChat Cloud's timer-trigger schedule: a 7-field cron expression — second minute hour day month
 * weekday year — read in Beijing time (UTC+8, no daylight saving), with the wildcards the console
 * accepts: `*`, lists `a,b`, ranges `a-b` and steps `*\/n` or `a-b/n` / `a/n`. Months may be JAN–DEC,
 * weekdays 0–6 (0 = Sunday) or SUN–SAT. As the console asks, day and weekday are not both restricted:
 * such an expression is refused rather than guessed at.
 */

export interface CronSchedule {
  readonly expression: string
  readonly seconds: ReadonlySet<number>
  readonly minutes: ReadonlySet<number>
  readonly hours: ReadonlySet<number>
  readonly days: ReadonlySet<number>
  readonly months: ReadonlySet<number>
  readonly weekdays: ReadonlySet<number>
  readonly years: ReadonlySet<number>
}

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT']

interface FieldSpec {
  label: string
  min: number
  max: number
  names?: readonly string[]
  /** The value of names[0]: 1 for months, 0 for weekdays. */
  nameBase?: number
}

const FIELDS: readonly FieldSpec[] = [
  { label: '秒', min: 0, max: 59 },
  { label: '分', min: 0, max: 59 },
  { label: '时', min: 0, max: 23 },
  { label: '日', min: 1, max: 31 },
  { label: '月', min: 1, max: 12, names: MONTHS, nameBase: 1 },
  { label: '星期', min: 0, max: 6, names: WEEKDAYS, nameBase: 0 },
  { label: '年', min: 1970, max: 2099 },
]

export class CronError extends Error {
  constructor(expression: string, reason: string) {
    super(`定时触发器的 cron 表达式「${expression}」不正确：${reason}`)
    this.name = 'CronError'
  }
}

function valueOf(raw: string, spec: FieldSpec, expression: string): number {
  const named = spec.names?.indexOf(raw.toUpperCase()) ?? -1
  if (named >= 0) return named + (spec.nameBase ?? 0)
  if (!/^\d+$/.test(raw)) throw new CronError(expression, `${spec.label}字段的「${raw}」不是数字`)
  const value = Number(raw)
  if (value < spec.min || value > spec.max) throw new CronError(expression, `${spec.label}字段应在 ${spec.min}–${spec.max} 之间`)
  return value
}

function parseField(field: string, spec: FieldSpec, expression: string): Set<number> {
  const values = new Set<number>()
  for (const part of field.split(',')) {
    const [range = '', stepText, extra] = part.split('/')
    if (extra !== undefined || range === '') throw new CronError(expression, `${spec.label}字段的「${part}」无法识别`)
    const step = stepText === undefined ? 1 : Number(stepText)
    if (!Number.isInteger(step) || step < 1 || (stepText !== undefined && !/^\d+$/.test(stepText))) {
      throw new CronError(expression, `${spec.label}字段的步长「${stepText ?? ''}」不正确`)
    }
    let from: number
    let to: number
    if (range === '*') {
      from = spec.min
      to = spec.max
    } else if (range.includes('-')) {
      const [a = '', b = '', more] = range.split('-')
      if (more !== undefined) throw new CronError(expression, `${spec.label}字段的「${part}」无法识别`)
      from = valueOf(a, spec, expression)
      to = valueOf(b, spec, expression)
      if (from > to) throw new CronError(expression, `${spec.label}字段的范围「${range}」起点大于终点`)
    } else {
      from = valueOf(range, spec, expression)
      // `a/n` runs from a to the field's end, as in other crons.
      to = stepText === undefined ? from : spec.max
    }
    for (let v = from; v <= to; v += step) values.add(v)
  }
  return values
}

export function parseCron(expression: string): CronSchedule {
  const fields = expression.trim().split(/\s+/)
  if (fields.length !== FIELDS.length) throw new CronError(expression, `应有 7 个字段（秒 分 时 日 月 星期 年），现在是 ${fields.length} 个`)
  const [seconds, minutes, hours, days, months, weekdays, years] = FIELDS.map((spec, i) => parseField(fields[i] ?? '', spec, expression)) as [
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
  ]
  if (fields[3] !== '*' && fields[5] !== '*') throw new CronError(expression, '日和星期不能同时指定（其中一个请用 *）')
  return { expression, seconds, minutes, hours, days, months, weekdays, years }
}

/** Beijing wall time `y-m-d h:mi:s` (month 1–12) as a UTC instant. */
function instant(y: number, m: number, d: number, h = 0, mi = 0, s = 0): number {
  return Date.UTC(y, m - 1, d, h, mi, s) - BEIJING_OFFSET_MS
}

/**
 * The first instant strictly after `afterMs` (to the second) that the schedule names, or null if there
 * is none before the end of 2099. Skips whole years, months, days, hours and minutes that cannot match,
 * so even a yearly schedule takes a few hundred steps.
 */
export function nextFire(schedule: CronSchedule, afterMs: number): number | null {
  let t = Math.floor(afterMs / 1000) * 1000 + 1000
  for (let steps = 0; steps < 100_000; steps += 1) {
    const wall = new Date(t + BEIJING_OFFSET_MS)
    const y = wall.getUTCFullYear()
    const m = wall.getUTCMonth() + 1
    const d = wall.getUTCDate()
    const h = wall.getUTCHours()
    const mi = wall.getUTCMinutes()
    if (y > 2099) return null
    if (!schedule.years.has(y)) {
      t = instant(y + 1, 1, 1)
      continue
    }
    if (!schedule.months.has(m)) {
      t = instant(y, m + 1, 1)
      continue
    }
    // At most one of the two is restricted (parseCron), the other holds every value.
    if (!schedule.days.has(d) || !schedule.weekdays.has(wall.getUTCDay())) {
      t = instant(y, m, d + 1)
      continue
    }
    if (!schedule.hours.has(h)) {
      t = instant(y, m, d, h + 1)
      continue
    }
    if (!schedule.minutes.has(mi)) {
      t = instant(y, m, d, h, mi + 1)
      continue
    }
    if (!schedule.seconds.has(wall.getUTCSeconds())) {
      t += 1000
      continue
    }
    return t
  }
  return null
}
