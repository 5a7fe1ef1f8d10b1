import { CronError, nextFire, parseCron } from '../../../cloudfunctions/emulator/host/cron-schedule'

/** The timer triggers' 7-field cron (second minute hour day month weekday year), in Beijing time. */
const next = (expression: string, afterIso: string) => {
  const at = nextFire(parseCron(expression), Date.parse(afterIso))
  return at === null ? null : new Date(at).toISOString()
}

describe('timer trigger cron: the next instant, in Beijing time', () => {
  it.each<[string, string, string, string | null]>([
    ['every second', '* * * * * * *', '2026-12-06T10:00:00.400Z', '2026-12-06T10:00:01.000Z'],
    ['strictly after an instant on the schedule', '* * * * * * *', '2026-12-06T10:00:01.000Z', '2026-12-06T10:00:02.000Z'],
    ['every 5 seconds', '*/5 * * * * * *', '2026-12-06T10:00:03.000Z', '2026-12-06T10:00:05.000Z'],
    ['hourly on the hour (the wish trigger)', '0 0 * * * * *', '2026-12-06T10:20:00.000Z', '2026-12-06T11:00:00.000Z'],
    ['02:00 Beijing is 18:00 UTC the day before', '0 0 2 * * * *', '2026-12-06T10:00:00.000Z', '2026-12-06T18:00:00.000Z'],
    ['a list of minutes', '0 15,45 * * * * *', '2026-12-06T10:20:00.000Z', '2026-12-06T10:45:00.000Z'],
    ['a range with a step', '0 0 8-18/5 * * * *', '2026-12-06T05:30:00.000Z', '2026-12-06T10:00:00.000Z'],
    ['a start with a step runs to the end', '0 50/5 * * * * *', '2026-12-06T10:56:00.000Z', '2026-12-06T11:50:00.000Z'],
    ['the first of the month, Beijing midnight', '0 0 0 1 * * *', '2026-12-06T10:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ['Mondays by name (2026-12-07 is a Monday)', '0 0 9 * * MON *', '2026-12-06T10:00:00.000Z', '2026-12-07T01:00:00.000Z'],
    ['Sunday as 0, in Beijing (Sunday 00:30 there is Saturday 16:30 UTC)', '0 30 0 * * 0 *', '2026-12-05T00:00:00.000Z', '2026-12-05T16:30:00.000Z'],
    ['a month by name', '0 0 0 1 MAR * *', '2026-12-06T10:00:00.000Z', '2027-02-28T16:00:00.000Z'],
    ['a year', '0 0 0 1 1 * 2030', '2026-12-06T10:00:00.000Z', '2029-12-31T16:00:00.000Z'],
    ['February 30th never comes', '0 0 0 30 2 * *', '2026-12-06T10:00:00.000Z', null],
    ['a past year never comes again', '0 0 0 1 1 * 2020', '2026-12-06T10:00:00.000Z', null],
  ])('%s: %s after %s → %s', (_label, expression, after, expected) => {
    expect(next(expression, after)).toBe(expected)
  })

  it.each<[string, string]>([
    ['six fields (the year is required)', '0 0 * * * *'],
    ['a second of 60', '60 * * * * * *'],
    ['a weekday of 7', '0 0 0 * * 7 *'],
    ['a word that is no month', '0 0 0 1 FOO * *'],
    ['a range backwards', '0 0 10-8 * * * *'],
    ['a step of 0', '*/0 * * * * * *'],
    ['day and weekday both restricted', '0 0 0 1 * MON *'],
    ['an empty list item', '0 0,,5 * * * * *'],
  ])('refuses %s: %s', (_label, expression) => {
    expect(() => parseCron(expression)).toThrow(CronError)
  })
})
