import { beijingIso, beijingToday, formatBeijing, formatBeijingDate, formatCheckinWindow, formatLectureTime, formatMoment, inBeijing } from '@/utils/beijing-time'

describe('Beijing time (process TZ=UTC)', () => {
  it('reads a picked date and time as Beijing time and writes ISO with +08:00', () => {
    expect(process.env.TZ).toBe('UTC')
    expect(beijingIso('2026-11-22', '19:30')).toBe('2026-11-22T19:30:00+08:00')
    // Just after Beijing midnight is still the previous day in UTC.
    expect(beijingIso('2026-11-23', '00:30')).toBe('2026-11-23T00:30:00+08:00')
    expect(new Date(beijingIso('2026-11-23', '00:30') ?? '').toISOString()).toBe('2026-11-22T16:30:00.000Z')
    expect(beijingIso('2026-02-30', '10:00')).toBeNull()
    expect(beijingIso('2026-11-22', '24:00')).toBeNull()
    expect(beijingIso('2026-11-22', '7:30')).toBeNull()
  })

  it('shows instants in Beijing time, across its midnight', () => {
    const now = Date.parse('2026-06-01T00:00:00Z')
    expect(formatLectureTime('2026-11-22T11:30:00Z', '2026-11-22T13:00:00Z', now)).toBe('11月22日（周日）19:30–21:00')
    expect(formatMoment('2026-11-22T16:05:00Z', now)).toBe('11月23日 00:05')
    expect(formatMoment('2025-11-22T16:05:00Z', now)).toBe('2025年11月23日 00:05')
    expect(formatCheckinWindow('2026-11-22T11:00:00Z', '2026-11-22T13:00:00Z', now)).toBe('11月22日 19:00 起，21:00 截止')
    expect(formatCheckinWindow('2026-11-22T15:30:00Z', '2026-11-22T16:30:00Z', now)).toBe('11月22日 23:30 起，11月23日 00:30 截止')
    expect(beijingToday(Date.parse('2026-11-22T16:00:00Z'))).toBe('2026-11-23')
    expect(beijingToday(Date.parse('2026-11-22T15:59:59Z'))).toBe('2026-11-22')
  })

  it('still answers in Beijing time where the runtime ignores the time zone (WeChat on Android)', () => {
    jest.isolateModules(() => {
      const real = Intl.DateTimeFormat
      // A runtime whose Intl cannot format in another zone: the timezone plugin's answer is wrong or throws.
      Object.defineProperty(Intl, 'DateTimeFormat', {
        configurable: true,
        value: function Broken() {
          throw new RangeError('timeZone is not supported')
        },
      })
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const isolated = require('@/utils/beijing-time') as typeof import('@/utils/beijing-time')
        expect(isolated.inBeijing('2026-11-22T16:05:00Z')?.format('YYYY-MM-DD HH:mm')).toBe('2026-11-23 00:05')
        expect(isolated.beijingIso('2026-11-23', '00:30')).toBe('2026-11-23T00:30:00+08:00')
      } finally {
        Object.defineProperty(Intl, 'DateTimeFormat', { configurable: true, value: real })
      }
    })
    expect(inBeijing('2026-11-22T16:05:00Z')?.format('HH:mm')).toBe('00:05')
  })
})

describe('formatBeijing / formatBeijingDate', () => {
  it('gives the Beijing calendar date, not the UTC one (tests run with TZ=UTC)', () => {
    expect(formatBeijingDate('2026-03-01T15:59:59.000Z')).toBe('2026-03-01')
    expect(formatBeijingDate('2026-03-01T16:00:00.000Z')).toBe('2026-03-02')
    expect(formatBeijingDate('2026-12-31T16:30:00.000Z')).toBe('2027-01-01')
    expect(formatBeijing(Date.parse('2026-11-30T16:30:00.000Z'), 'YYYYMM')).toBe('202612')
  })

  it('gives an empty string for a missing or unreadable date', () => {
    expect(formatBeijingDate(null)).toBe('')
    expect(formatBeijingDate('not a date')).toBe('')
    expect(formatBeijing('', 'HH:mm')).toBe('')
  })
})
