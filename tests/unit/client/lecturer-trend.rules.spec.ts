import type { LecturerReportRow } from '@contracts'
import { formatChange, lecturerTrend } from '@/features/ratings/rules/lecturer-trend.rules'

function row(id: string, startAt: string, overall: number | null): LecturerReportRow {
  return {
    lectureId: id,
    title: id,
    startAt,
    count: overall === null ? 2 : 5,
    averages: overall === null ? null : { attitude: overall, content: overall, form: overall, effect: overall, overall },
  }
}

describe('a speaker’s trend across lectures', () => {
  it.each<[string, LecturerReportRow[], Record<string, string>, number | null]>([
    ['nothing rated yet', [row('a', '2026-10-01T02:00:00Z', null)], {}, null],
    ['one rated lecture: nothing to compare', [row('a', '2026-10-01T02:00:00Z', 4.2)], {}, 4.2],
    [
      'newest first as the server sends them; each compared with the one before in time',
      [row('c', '2026-11-20T02:00:00Z', 4.5), row('b', '2026-11-01T02:00:00Z', 4.25), row('a', '2026-10-01T02:00:00Z', 4.5)],
      { b: '比上一场低 0.25 分', c: '比上一场高 0.25 分' },
      4.42,
    ],
    [
      'a withheld lecture is skipped, not compared and not counted',
      [row('c', '2026-11-20T02:00:00Z', 4), row('b', '2026-11-01T02:00:00Z', null), row('a', '2026-10-01T02:00:00Z', 4)],
      { c: '与上一场持平' },
      4,
    ],
    [
      'differences below rounding are 持平',
      [row('b', '2026-11-01T02:00:00Z', 3.333), row('a', '2026-10-01T02:00:00Z', 3.33)],
      { b: '与上一场持平' },
      3.33,
    ],
  ])('%s', (_label, rows, changes, mean) => {
    const t = lecturerTrend(rows)
    expect(Object.fromEntries(Object.entries(t.changes).map(([id, c]) => [id, formatChange(c)]))).toEqual(changes)
    expect(t.meanOverall).toBe(mean)
    expect(t.rated).toBe(rows.filter((r) => r.averages !== null).length)
  })
})
