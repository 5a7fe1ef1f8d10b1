import type { AttendanceRow } from '@contracts'

/**
 * Where a row changed by hand (补录 / 撤销 / 恢复) goes, so it stays where a reload would show it: the server
 * lists by `_id` (`<lectureId>_<openid>`), i.e. openid in code-unit order. A row that sorts after every
 * loaded one while more pages are to come is left out: it arrives with its page.
 */
export function placeAttendanceRow(rows: readonly AttendanceRow[], row: AttendanceRow, complete: boolean): AttendanceRow[] {
  if (rows.some((r) => r.openid === row.openid)) return rows.map((r) => (r.openid === row.openid ? row : r))
  const at = rows.findIndex((r) => r.openid > row.openid)
  if (at === -1) return complete ? [...rows, row] : [...rows]
  return [...rows.slice(0, at), row, ...rows.slice(at)]
}
