import { formatBeijingDate } from '@/utils/format-date'

describe('formatBeijingDate', () => {
  it('gives the Beijing calendar date, not the UTC one (tests run with TZ=UTC)', () => {
    expect(formatBeijingDate('2026-03-01T15:59:59.000Z')).toBe('2026-03-01')
    expect(formatBeijingDate('2026-03-01T16:00:00.000Z')).toBe('2026-03-02')
    expect(formatBeijingDate('2026-12-31T16:30:00.000Z')).toBe('2027-01-01')
  })

  it('gives an empty string for a missing or unreadable date', () => {
    expect(formatBeijingDate(null)).toBe('')
    expect(formatBeijingDate('not a date')).toBe('')
  })
})
