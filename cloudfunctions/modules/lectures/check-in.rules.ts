import { createHmac } from 'crypto'
import { CHECKIN_SLOT_SECONDS, type CheckinMode, type LectureStatus } from '../../contracts/rules/lecture.rules'

/**
 * Pure rules of check-in (docs/architecture.md "Check-in"): token slots, the audience and the geofence.
 * The window is the contract's (contracts/rules/lecture.rules.ts): the client shows it too.
 * Time comes in as milliseconds; nothing here reads a clock or a time zone.
 */

/** How far back a token is recognised as "this lecture's, but expired" rather than "not for this lecture". */
const RECOGNISE_EXPIRED_SLOTS = 240
const TOKEN_LENGTH = 10
const TOKEN_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz'

export function slotOf(nowMs: number, slotSeconds = CHECKIN_SLOT_SECONDS): number {
  return Math.floor(nowMs / (slotSeconds * 1000))
}

/** When the slot containing `nowMs` ends: the display must show the next code by then. */
export function slotEndsAt(nowMs: number, slotSeconds = CHECKIN_SLOT_SECONDS): number {
  return (slotOf(nowMs, slotSeconds) + 1) * slotSeconds * 1000
}

/** A short token from the lecture's secret and the slot; a static code uses the fixed slot -1. */
export function tokenFor(secret: string, lectureId: string, slot: number): string {
  const digest = createHmac('sha256', secret).update(`${lectureId}:${slot}`).digest()
  let out = ''
  for (let i = 0; i < TOKEN_LENGTH; i += 1) out += TOKEN_ALPHABET[(digest[i] ?? 0) % TOKEN_ALPHABET.length]
  return out
}

export const STATIC_SLOT = -1

export function currentToken(secret: string, lectureId: string, mode: CheckinMode, nowMs: number, slotSeconds = CHECKIN_SLOT_SECONDS): string {
  return tokenFor(secret, lectureId, mode === 'static' ? STATIC_SLOT : slotOf(nowMs, slotSeconds))
}

export type TokenVerdict = 'valid' | 'expired' | 'invalid'

/**
 * The current and the previous slot are accepted (a code scanned as it changes still works); an older
 * code of this lecture is "expired" so the person is told to rescan; anything else is "invalid".
 */
export function judgeToken(
  secret: string,
  lectureId: string,
  mode: CheckinMode,
  token: string,
  nowMs: number,
  slotSeconds = CHECKIN_SLOT_SECONDS,
): TokenVerdict {
  if (mode === 'static') return safeEqual(token, tokenFor(secret, lectureId, STATIC_SLOT)) ? 'valid' : 'invalid'
  const now = slotOf(nowMs, slotSeconds)
  if (safeEqual(token, tokenFor(secret, lectureId, now)) || safeEqual(token, tokenFor(secret, lectureId, now - 1))) return 'valid'
  for (let s = now - 2; s >= now - RECOGNISE_EXPIRED_SLOTS; s -= 1) {
    if (safeEqual(token, tokenFor(secret, lectureId, s))) return 'expired'
  }
  return 'invalid'
}

function safeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}

export type AudienceVerdict = 'allowed' | 'otherBranch'

/** A branch lecture is for its own branch; an open lecture welcomes anyone who belongs to a branch. */
export function judgeAudience(audience: 'branch' | 'open', lectureBranchId: string, callerBranchId: string): AudienceVerdict {
  if (audience === 'open' || lectureBranchId === callerBranchId) return 'allowed'
  return 'otherBranch'
}

export interface GeoPoint {
  latitude: number
  longitude: number
}

const EARTH_RADIUS_M = 6_371_000

/** Great-circle distance in metres (haversine); plenty for "is this person at the venue". */
export function distanceMeters(a: GeoPoint, b: GeoPoint): number {
  const rad = (d: number) => (d * Math.PI) / 180
  const dLat = rad(b.latitude - a.latitude)
  const dLon = rad(b.longitude - a.longitude)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/**
 * Phone positioning drifts by hundreds of metres indoors, so distance flags a check-in for the
 * secretary to look at; it never refuses one (docs/architecture.md "Check-in").
 */
export function geofence(
  venue: { latitude: number | null; longitude: number | null; radius: number | null },
  given: GeoPoint | undefined,
): { flags: string[]; distance: number | null } {
  if (!given || venue.latitude === null || venue.longitude === null || venue.radius === null) return { flags: [], distance: null }
  const distance = Math.round(distanceMeters({ latitude: venue.latitude, longitude: venue.longitude }, given))
  return { flags: distance > venue.radius ? ['far'] : [], distance }
}

/** The lecture's state machine: draft → published → cancelled, draft → cancelled. */
export function canTransition(from: LectureStatus, to: LectureStatus): boolean {
  return (from === 'draft' && (to === 'published' || to === 'cancelled')) || (from === 'published' && to === 'cancelled')
}
