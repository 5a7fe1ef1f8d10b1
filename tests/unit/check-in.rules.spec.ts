import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'
import {
  currentToken,
  distanceMeters,
  geofence,
  judgeAudience,
  judgeToken,
  slotEndsAt,
  slotOf,
  tokenFor,
  canTransition,
} from '../../cloudfunctions/modules/lectures/check-in.rules'
import { parseScene, sceneFor } from '../../cloudfunctions/contracts/rules/check-in-scene.rules'
import { checkinWindowBounds, checkinWindowState, DEFAULT_CHECKIN_WINDOW } from '../../cloudfunctions/contracts/rules/lecture.rules'
import { formatBeijing } from '../../cloudfunctions/shared/time'

dayjs.extend(utc)
dayjs.extend(timezone)

const SECRET = 'a'.repeat(48)
const LECTURE = 'Labcdefghij'
const bj = (s: string) => dayjs.tz(s, 'Asia/Shanghai').valueOf()

describe('token slots', () => {
  const t0 = Date.UTC(2026, 10, 22, 11, 0, 0) // a slot boundary (divisible by 15 s)

  it('puts the last millisecond of a slot and the first of the next in different slots', () => {
    expect(slotOf(t0 - 1)).toBe(slotOf(t0) - 1)
    expect(slotOf(t0 + 14_999)).toBe(slotOf(t0))
    expect(slotEndsAt(t0)).toBe(t0 + 15_000)
  })

  it.each([
    ['the current slot', 0, 'valid'],
    ['the end of the current slot', 14_999, 'valid'],
    ['the previous slot (scanned as it changed)', 15_000, 'valid'],
    ['the last ms of the previous slot', 29_999, 'valid'],
    ['two slots old', 30_000, 'expired'],
    ['ten minutes old', 600_000, 'expired'],
  ])('a token from %s is %s', (_label, age, verdict) => {
    const token = tokenFor(SECRET, LECTURE, slotOf(t0))
    expect(judgeToken(SECRET, LECTURE, 'rotating', token, t0 + age)).toBe(verdict)
  })

  it('refuses a token of another lecture or another secret as invalid, not expired', () => {
    expect(judgeToken(SECRET, LECTURE, 'rotating', tokenFor(SECRET, 'Lzzzzzzzzzz', slotOf(t0)), t0)).toBe('invalid')
    expect(judgeToken(SECRET, LECTURE, 'rotating', tokenFor('b'.repeat(48), LECTURE, slotOf(t0)), t0)).toBe('invalid')
    expect(judgeToken(SECRET, LECTURE, 'rotating', 'AAAAAAAAAA', t0)).toBe('invalid')
  })

  it('refuses a token from the future (a slot not yet shown)', () => {
    expect(judgeToken(SECRET, LECTURE, 'rotating', tokenFor(SECRET, LECTURE, slotOf(t0) + 1), t0)).toBe('invalid')
  })

  it('changes the token every slot and keeps a static code fixed', () => {
    expect(currentToken(SECRET, LECTURE, 'rotating', t0)).not.toBe(currentToken(SECRET, LECTURE, 'rotating', t0 + 15_000))
    const fixed = currentToken(SECRET, LECTURE, 'static', t0)
    expect(currentToken(SECRET, LECTURE, 'static', t0 + 3_600_000)).toBe(fixed)
    expect(judgeToken(SECRET, LECTURE, 'static', fixed, t0 + 86_400_000)).toBe('valid')
    expect(judgeToken(SECRET, LECTURE, 'static', currentToken(SECRET, LECTURE, 'rotating', t0), t0)).toBe('invalid')
  })

  it('fits lecture id and token into a 32-character mini-program scene and reads it back', () => {
    const scene = sceneFor(LECTURE, currentToken(SECRET, LECTURE, 'rotating', t0))
    expect(scene.length).toBeLessThanOrEqual(32)
    expect(parseScene(scene)).toEqual({ lectureId: LECTURE, token: scene.split('.')[1] })
    expect(parseScene('L123.$ne')).toBeNull()
  })
})

describe('check-in window across Beijing midnight (process TZ is UTC)', () => {
  // 00:10–01:00 on 23 Nov in Beijing is 16:10–17:00 on 22 Nov in UTC.
  const start = bj('2026-11-23 00:10')
  const end = bj('2026-11-23 01:00')
  const bounds = checkinWindowBounds(start, end, DEFAULT_CHECKIN_WINDOW)

  it('runs in TZ=UTC, so a local-time bug would show', () => {
    expect(new Date(start).getHours()).toBe(16)
  })

  it.each([
    ['2026-11-22 23:39:59', 'notOpen'],
    ['2026-11-22 23:40:00', 'open'],
    ['2026-11-23 00:00:00', 'open'],
    ['2026-11-23 00:59:59', 'open'],
    ['2026-11-23 01:00:00', 'closed'],
  ])('at %s Beijing time the window is %s', (at, state) => {
    expect(checkinWindowState(bj(at), bounds)).toBe(state)
  })

  it('says the opening time in Beijing time, on the previous calendar day', () => {
    expect(formatBeijing(new Date(bounds.opensAt), 'M月D日 HH:mm')).toBe('11月22日 23:40')
  })

  it('honours a custom window', () => {
    const custom = checkinWindowBounds(start, end, { opensBeforeMinutes: 0, closesAfterMinutes: 15 })
    expect(checkinWindowState(bj('2026-11-23 00:09'), custom)).toBe('notOpen')
    expect(checkinWindowState(bj('2026-11-23 01:14'), custom)).toBe('open')
    expect(checkinWindowState(bj('2026-11-23 01:15'), custom)).toBe('closed')
  })
})

describe('audience', () => {
  it.each([
    ['branch', 'b1', 'b1', 'allowed'],
    ['branch', 'b1', 'b2', 'otherBranch'],
    ['open', 'b1', 'b2', 'allowed'],
    ['open', 'b1', 'b1', 'allowed'],
  ] as const)('a %s lecture of %s with a caller of %s: %s', (audience, lb, cb, verdict) => {
    expect(judgeAudience(audience, lb, cb)).toBe(verdict)
  })
})

describe('geofence', () => {
  const venue = { latitude: 31.2304, longitude: 121.4737, radius: 300 }

  it('measures about 111 km per degree of latitude', () => {
    expect(distanceMeters({ latitude: 31, longitude: 121 }, { latitude: 32, longitude: 121 })).toBeGreaterThan(110_000)
    expect(distanceMeters({ latitude: 31, longitude: 121 }, { latitude: 32, longitude: 121 })).toBeLessThan(112_000)
  })

  it('does not flag someone inside the radius', () => {
    expect(geofence(venue, { latitude: 31.2314, longitude: 121.4737 })).toEqual({ flags: [], distance: 111 })
  })

  it('flags, but records the distance of, someone 1 km away', () => {
    const res = geofence(venue, { latitude: 31.2394, longitude: 121.4737 })
    expect(res.flags).toEqual(['far'])
    expect(res.distance).toBeGreaterThan(990)
  })

  it('says nothing when the venue has no point or the phone gave none', () => {
    expect(geofence({ latitude: null, longitude: null, radius: null }, { latitude: 1, longitude: 1 })).toEqual({ flags: [], distance: null })
    expect(geofence(venue, undefined)).toEqual({ flags: [], distance: null })
  })
})

describe('lecture state machine', () => {
  it.each([
    ['draft', 'published', true],
    ['draft', 'cancelled', true],
    ['published', 'cancelled', true],
    ['published', 'draft', false],
    ['cancelled', 'published', false],
    ['published', 'published', false],
  ] as const)('%s -> %s allowed: %s', (from, to, ok) => {
    expect(canTransition(from, to)).toBe(ok)
  })
})
