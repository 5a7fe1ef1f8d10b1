import type { AttendanceRow } from '@contracts'

/** The server's order: check-in time, then `_id` (`<lectureId>_<openid>`, so openid in code-unit order). */
function before(a: AttendanceRow, b: AttendanceRow): boolean {
  const ta = Date.parse(a.at)
  const tb = Date.parse(b.at)
  return ta < tb || (ta === tb && a.openid < b.openid)
}

/**
 * Where a row changed by hand (补录 / 撤销 / 恢复) goes, so it stays where a reload would show it (a record
 * keeps its time when removed or restored; a 补录 is at the time it was recorded). A row that sorts after
 * every loaded one while more pages are to come is left out: it arrives with its page.
 */
export function placeAttendanceRow(rows: readonly AttendanceRow[], row: AttendanceRow, complete: boolean): AttendanceRow[] {
  if (rows.some((r) => r.openid === row.openid)) return rows.map((r) => (r.openid === row.openid ? row : r))
  const at = rows.findIndex((r) => before(row, r))
  if (at === -1) return complete ? [...rows, row] : [...rows]
  return [...rows.slice(0, at), row, ...rows.slice(at)]
}
