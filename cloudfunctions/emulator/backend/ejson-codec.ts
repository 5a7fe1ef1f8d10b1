import { BSONRegExp, EJSON } from 'bson'
import { cloneValue, isDateValue, isRegExpValue } from './clone-document'
import { invalidParam } from './backend-error'

/**
 * Documents, queries and updates travel as strings of MongoDB canonical extended JSON (docs/local-cloud.md
 * "Admin protocol"). Inside the backend a value is plain JavaScript: numbers, strings, booleans, null,
 * Date, RegExp (queries only), arrays and plain objects. Anything else the SDK could encode (ObjectId,
 * Decimal128, Binary…) is refused with an error naming its type rather than stored half-understood.
 */
export type Doc = Record<string, unknown>
export type DocId = string | number

export function isPlainObject(value: unknown): value is Doc {
  if (typeof value !== 'object' || value === null) return false
  const proto: unknown = Object.getPrototypeOf(value)
  // `Object.prototype` of any realm: its own prototype is null (a class instance's is not).
  return proto === null || (Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(value) === '[object Object]')
}

/** BSON regex flags that JavaScript understands; `x` (extended) has no JS equivalent. */
function toJsRegExp(value: BSONRegExp): RegExp {
  const unknownFlags = value.options.replace(/[imsu]/g, '')
  if (unknownFlags) throw invalidParam(`unsupported regular expression option(s) "${unknownFlags}"`)
  return new RegExp(value.pattern, value.options)
}

/**
 * `db.serverDate({ offset })` arrives as `{ $tcb_server_date: { offset } }`; the server resolves it to its
 * own clock (docs/local-cloud.md "Dates"). One `now` per request keeps several placeholders in one write equal.
 */
function serverDate(value: Doc, now: number): Date | undefined {
  const keys = Object.keys(value)
  if (keys.length !== 1 || keys[0] !== '$tcb_server_date') return undefined
  const spec = value.$tcb_server_date
  const offset = isPlainObject(spec) && typeof spec.offset === 'number' ? spec.offset : 0
  return new Date(now + offset)
}

function normalize(value: unknown, now: number): unknown {
  if (value === null || typeof value !== 'object') return value
  // Rebuilt in this realm: mingo recognises dates and regexes with `instanceof` (see clone-document.ts).
  if (isDateValue(value) || isRegExpValue(value)) return cloneValue(value)
  if (value instanceof BSONRegExp) return toJsRegExp(value)
  if (Array.isArray(value)) return value.map((item) => normalize(item, now))
  if (isPlainObject(value)) {
    const resolved = serverDate(value, now)
    if (resolved) return resolved
    const out: Doc = {}
    for (const key of Object.keys(value)) out[key] = normalize(value[key], now)
    return out
  }
  const bsonType = (value as { _bsontype?: unknown })._bsontype
  throw invalidParam(`unsupported BSON value of type ${typeof bsonType === 'string' ? bsonType : 'unknown'}`)
}

/** Parses one EJSON string from the SDK into plain JavaScript values. */
export function parseEjson(text: unknown, what: string, now = Date.now()): unknown {
  if (typeof text !== 'string') throw invalidParam(`${what} must be an EJSON string`)
  let parsed: unknown
  try {
    // Extended JSON only means something in keys that begin with `$`; text without `"$` anywhere is
    // plain JSON (most queries: `{"_id":"…"}`), and JSON.parse reads it several times faster.
    parsed = text.includes('"$') ? EJSON.parse(text, { relaxed: true }) : JSON.parse(text)
  } catch (err) {
    throw invalidParam(`${what} is not valid extended JSON: ${err instanceof Error ? err.message : String(err)}`)
  }
  return normalize(parsed, now)
}

export function parseEjsonObject(text: unknown, what: string, now = Date.now()): Doc {
  const value = parseEjson(text, what, now)
  if (!isPlainObject(value)) throw invalidParam(`${what} must be an object`)
  return value
}

/** Plain values (already decoded JSON, e.g. aggregate stage values sent with JSON.stringify). */
export function normalizeValue(value: unknown, now = Date.now()): unknown {
  return normalize(value, now)
}

/** Canonical EJSON, as the SDK expects (it parses every list item with `EJSON.parse`). */
export function stringifyEjson(doc: unknown): string {
  return EJSON.stringify(doc, { relaxed: false })
}

export function isDocId(value: unknown): value is DocId {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))
}
