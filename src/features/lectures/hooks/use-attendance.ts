import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { AttendanceOrder, AttendancePage, AttendanceRow, ErrorBody, ExportResult, SpeakerAttendanceRow } from '@contracts'
import { callCloud } from '@/services/cloud'
import { placeAttendanceRow } from '../rules/attendance-order.rules'
import { markLecturesChanged } from '@/features/shared/lecture-changes'
import { refuse, useAction } from '@/features/shared/use-action'
import { usePagedList, type UsePagedList } from '@/features/shared/use-paged-list'

export const ATTENDANCE_PAGE_SIZE = 30

/** A row of either view, as the paged list holds them (one list never mixes the two). */
export type AttendanceEntry = AttendanceRow | SpeakerAttendanceRow

/**
 * The loaded rows as the server's view says: the secretary's full records (openids, removed ones,
 * reasons), or the speaker's present attendees. `secretary` until a page has said otherwise.
 */
export type AttendanceRows = { view: 'secretary'; items: AttendanceRow[] } | { view: 'speaker'; items: SpeakerAttendanceRow[] }

const isSecretaryRow = (r: AttendanceEntry): r is AttendanceRow => 'openid' in r
const isSpeakerRow = (r: AttendanceEntry): r is SpeakerAttendanceRow => !('openid' in r)
const keyOf = (r: AttendanceEntry) => (isSecretaryRow(r) ? `o:${r.openid}` : `k:${r.key}`)

export interface UseAttendance extends UsePagedList<AttendanceEntry, AttendancePage> {
  rows: AttendanceRows
  /** People checked in now (kept per lecture by the server; moves with each add/remove here). */
  count: number | null
  /** openid of the row being changed. */
  marking: string | null
  markError: ErrorBody | null
  /**
   * Adds (`present: true`) or removes someone by hand; the reason is required and kept in the ledger.
   * Resolves the saved row, or null (see `markError`).
   */
  mark: (openid: string, present: boolean, reason: string) => Promise<AttendanceRow | null>
  /** Enters an outside guest by name (open lectures); resolves the saved row, or null (see `markError`). */
  addGuest: (name: string, reason: string) => Promise<AttendanceRow | null>
  clearMarkError: () => void
  exporting: boolean
  exportError: ErrorBody | null
  /** Builds the .xlsx ledger on the server; resolves its download link, or null. */
  exportLedger: () => Promise<ExportResult | null>
}

/**
 * Who attended one lecture (its secretary and its speaker may look), a page at a time. `order: 'name'`
 * (pinyin, sorted by the server) is the secretary's only: the server refuses it to the speaker.
 */
export function useAttendance(
  lectureId: string | null,
  {
    enabled = true,
    pageSize = ATTENDANCE_PAGE_SIZE,
    search = '',
    order = 'time',
  }: { enabled?: boolean; pageSize?: number; search?: string; order?: AttendanceOrder } = {},
): UseAttendance {
  const term = search.trim()
  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      callCloud('lecture', 'attendance', {
        lectureId: lectureId ?? '',
        limit: pageSize,
        ...(term ? { search: term } : {}),
        ...(order === 'name' ? { order } : {}),
        ...(cursor ? { cursor } : {}),
      }),
    [lectureId, pageSize, term, order],
  )
  // A new search term or order is a new list (its own first page and cursors: the server refuses a
  // cursor of the other order).
  const list = usePagedList<AttendanceEntry, AttendancePage>({
    fetchPage,
    key: `${lectureId ?? ''}:${pageSize}:${term}:${order}`,
    keyOf,
    enabled: enabled && Boolean(lectureId),
  })
  const view = list.lastPage?.view ?? 'secretary'
  const rows = useMemo<AttendanceRows>(
    () => (view === 'speaker' ? { view, items: list.items.filter(isSpeakerRow) } : { view, items: list.items.filter(isSecretaryRow) }),
    [view, list.items],
  )
  const [count, setCount] = useState<number | null>(null)
  const itemsRef = useRef(list.items)
  itemsRef.current = list.items
  const completeRef = useRef(!list.hasMore)
  completeRef.current = !list.hasMore

  // Each page the server sends carries the current count; changes made here adjust it until the next.
  const pageCount = list.lastPage?.checkinCount
  useEffect(() => {
    setCount(pageCount ?? null)
  }, [list.lastPage, pageCount])

  const { setItems, refresh } = list
  const placeRow = (row: AttendanceRow) => {
    const listed = itemsRef.current.filter(isSecretaryRow).find((r) => r.openid === row.openid)
    const was = listed?.present ?? false
    // Where the server's order puts it, so a reload does not move it (only the secretary's list has
    // openids and is changed here: the server refuses markAttendance to anyone else). By name, only
    // the server knows a new row's place (pinyin stays there): the list is asked again, rows kept on screen.
    if (order === 'name' && !listed) void refresh()
    else setItems((prev) => placeAttendanceRow(prev.filter(isSecretaryRow), row, completeRef.current))
    // The count moves only when presence really changed (the server's rule too).
    if (was !== row.present) setCount((c) => (c === null ? c : c + (row.present ? 1 : -1)))
    markLecturesChanged()
  }
  const noReason = () => refuse({ code: 'COMMON.INVALID_INPUT', message: '请填写原因，它会记入签到台账', fields: { reason: '请填写原因' } })
  const marking = useAction({
    send: (openid: string, present: boolean, reason: string) => {
      if (!lectureId) return null
      const trimmed = reason.trim()
      if (!trimmed) return noReason()
      return callCloud('lecture', 'markAttendance', { lectureId, openid, present, reason: trimmed })
    },
    pendingOf: (openid) => openid,
    onDone: placeRow,
  })
  const guest = useAction({
    send: (name: string, reason: string) => {
      if (!lectureId) return null
      const trimmed = reason.trim()
      if (!trimmed) return noReason()
      return callCloud('lecture', 'addGuest', { lectureId, name: name.trim(), reason: trimmed })
    },
    // The guest's row is not listed yet: the pending key is the dialog's, not a row's.
    pendingOf: (_name: string, _reason: string) => 'guest',
    onDone: placeRow,
  })
  const exporting = useAction({ send: () => (lectureId ? callCloud('lecture', 'exportAttendance', { lectureId }) : null) })

  return {
    ...list,
    rows,
    count,
    marking: marking.pending ?? guest.pending,
    markError: marking.error ?? guest.error,
    mark: marking.run,
    addGuest: guest.run,
    clearMarkError: () => {
      marking.clearError()
      guest.clearError()
    },
    exporting: exporting.pending !== null,
    exportError: exporting.error,
    exportLedger: exporting.run,
  }
}
