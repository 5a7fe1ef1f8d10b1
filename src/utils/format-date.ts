const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000

/**
 * An ISO instant as a calendar date in Beijing (`2026-11-22`), whatever the device's time zone.
 * China has no daylight saving, so a fixed +08:00 is exact and spares a date library.
 * Returns '' for a missing or unreadable value.
 */
export function formatBeijingDate(iso: string | null | undefined): string {
  if (!iso) return ''
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return ''
  const d = new Date(t + BEIJING_OFFSET_MS)
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0')
  const dd = String(d.getUTCDate()).padStart(2, '0')
  return `${d.getUTCFullYear()}-${mm}-${dd}`
}
