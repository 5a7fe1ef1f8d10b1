/**
 * Opaque keyset cursors for "sorted by a time, then by id" lists: the last row's time (ms) and id.
 * Keyset rather than offset, so rows added while someone scrolls neither repeat nor vanish. A cursor
 * that does not decode cleanly is treated as absent, never passed to a query.
 */
export interface Cursor {
  t: number
  id: string
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.t, c.id]), 'utf8').toString('base64url')
}

export function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'))
    if (!Array.isArray(value) || value.length !== 2) return null
    const [t, id] = value as unknown[]
    if (typeof t !== 'number' || !Number.isFinite(t) || typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,140}$/.test(id)) return null
    return { t, id }
  } catch {
    return null
  }
}
