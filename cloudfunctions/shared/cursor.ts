import { createCipheriv, createDecipheriv, randomBytes } from 'crypto'

/**
 * Opaque keyset cursors for "sorted by a time, then by id" lists: the last row's time (ms) and id.
 * Keyset rather than offset, so rows added while someone scrolls neither repeat nor vanish. A cursor
 * that does not decode cleanly is treated as absent, never passed to a query.
 */
export interface Cursor {
  t: number
  id: string
}

/** Ids we generate, as a cursor may carry them. */
const ID = /^[A-Za-z0-9_-]{1,140}$/

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.t, c.id]), 'utf8').toString('base64url')
}

export function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null
  try {
    return cursorFrom(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')))
  } catch {
    return null
  }
}

/**
 * A cursor for a list by name: the last row's sort key (`nameSortKey`) and id. It says which order it
 * belongs to, so one made for a list by time never decodes as one for a list by name, nor the reverse.
 */
export interface NameCursor {
  k: string
  id: string
}

const NAME_CURSOR = 'name'
/** `nameSortKey` of a name of at most 20 characters is far shorter; anything longer was not made here. */
const NAME_KEY_MAX = 400

export function encodeNameCursor(c: NameCursor): string {
  return Buffer.from(JSON.stringify([NAME_CURSOR, c.k, c.id]), 'utf8').toString('base64url')
}

export function decodeNameCursor(raw: string | undefined): NameCursor | null {
  if (!raw) return null
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'))
    if (!Array.isArray(value) || value.length !== 3) return null
    const [kind, k, id] = value as unknown[]
    if (kind !== NAME_CURSOR || typeof k !== 'string' || k.length > NAME_KEY_MAX || typeof id !== 'string' || !ID.test(id)) return null
    return { k, id }
  } catch {
    return null
  }
}

const IV_BYTES = 12
const TAG_BYTES = 16

/**
 * The same cursor for a caller who must not read it: where the last row's id names a person (a check-in
 * `_id` is `<lectureId>_<openid>`) and the list is shown to someone who may not know who. Sealed with
 * AES-256-GCM under a 32-byte key that stays on the server, so it can be neither read nor forged; one that
 * does not open under the key (tampered, or made for another list) is treated as absent.
 */
export function sealCursor(c: Cursor, key: Buffer): string {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const body = Buffer.concat([cipher.update(JSON.stringify([c.t, c.id]), 'utf8'), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')
}

export function openCursor(raw: string | undefined, key: Buffer): Cursor | null {
  if (!raw) return null
  try {
    const bytes = Buffer.from(raw, 'base64url')
    if (bytes.length <= IV_BYTES + TAG_BYTES) return null
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES))
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
    const plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()])
    return cursorFrom(JSON.parse(plain.toString('utf8')))
  } catch {
    return null
  }
}

function cursorFrom(value: unknown): Cursor | null {
  if (!Array.isArray(value) || value.length !== 2) return null
  const [t, id] = value as unknown[]
  if (typeof t !== 'number' || !Number.isFinite(t) || typeof id !== 'string' || !ID.test(id)) return null
  return { t, id }
}
