import type { AttendanceRow } from '@contracts'

/**
 * Where a row changed by hand (补录 / 撤销 / 恢复) goes in the 签到名单 on screen, so that it stays where
 * a reload would show it. The server lists a lecture's check-ins in `_id` order, and `_id` is
 * `<lectureId>_<openid>` with the same lectureId on every row: openid order, compared as the database
 * compares strings (code units, not the locale — openids are ASCII).
 *
 * A row already listed is replaced where it is. A new one is inserted before the first row that sorts
 * after it; if none does and more pages are still to come (`complete` false), it is left out: it
 * belongs to a later page and arrives with it, in its place.
 */
export function placeAttendanceRow(rows: readonly AttendanceRow[], row: AttendanceRow, complete: boolean): AttendanceRow[] {
  if (rows.some((r) => r.openid === row.openid)) return rows.map((r) => (r.openid === row.openid ? row : r))
  const at = rows.findIndex((r) => r.openid > row.openid)
  if (at === -1) return complete ? [...rows, row] : [...rows]
  return [...rows.slice(0, at), row, ...rows.slice(at)]
}
