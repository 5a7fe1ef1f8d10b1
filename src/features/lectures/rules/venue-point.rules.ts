import { DEFAULT_VENUE_RADIUS, VENUE_RADIUS_MAX, VENUE_RADIUS_MIN } from '@contracts/rules'

/**
 * The venue's point, stored in WGS-84 as check-in sends it. WeChat's map picker answers GCJ-02, 100–700 m
 * off inside China (as large as the radius), so a picked point is converted first.
 */

export interface VenuePoint {
  latitude: number
  longitude: number
  /** Metres from the point within which a check-in counts as "at the venue". */
  radius: number
}

export type Datum = 'wgs84' | 'gcj02'

/** What the form offers; the contract accepts any whole number of metres from VENUE_RADIUS_MIN to VENUE_RADIUS_MAX. */
export const RADIUS_CHOICES = [100, 300, 500, 1000] as const

// Krasovsky 1940 ellipsoid, the constants every GCJ-02 implementation uses.
const AXIS = 6378245.0
const ECC2 = 0.006693421622965943

/** GCJ-02 shifts points only inside (a box around) mainland China; elsewhere it equals WGS-84. */
function outsideChina(latitude: number, longitude: number): boolean {
  return longitude < 72.004 || longitude > 137.8347 || latitude < 0.8293 || latitude > 55.8271
}

function shiftLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3
  return r
}

function shiftLng(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3
  return r
}

/** WGS-84 → GCJ-02 (the published forward formula). */
export function wgs84ToGcj02(p: { latitude: number; longitude: number }): { latitude: number; longitude: number } {
  if (outsideChina(p.latitude, p.longitude)) return { latitude: p.latitude, longitude: p.longitude }
  const dLat = shiftLat(p.longitude - 105, p.latitude - 35)
  const dLng = shiftLng(p.longitude - 105, p.latitude - 35)
  const radLat = (p.latitude / 180) * Math.PI
  const s = Math.sin(radLat)
  const magic = 1 - ECC2 * s * s
  const sqrtMagic = Math.sqrt(magic)
  return {
    latitude: p.latitude + (dLat * 180) / (((AXIS * (1 - ECC2)) / (magic * sqrtMagic)) * Math.PI),
    longitude: p.longitude + (dLng * 180) / ((AXIS / sqrtMagic) * Math.cos(radLat) * Math.PI),
  }
}

/**
 * GCJ-02 → WGS-84. The forward formula has no closed inverse; a few fixed-point steps bring the
 * round trip under a centimetre, far below what a phone's position means.
 */
export function gcj02ToWgs84(p: { latitude: number; longitude: number }): { latitude: number; longitude: number } {
  if (outsideChina(p.latitude, p.longitude)) return { latitude: p.latitude, longitude: p.longitude }
  let guess = { latitude: p.latitude, longitude: p.longitude }
  for (let i = 0; i < 6; i += 1) {
    const back = wgs84ToGcj02(guess)
    guess = { latitude: guess.latitude + (p.latitude - back.latitude), longitude: guess.longitude + (p.longitude - back.longitude) }
  }
  return guess
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6

/**
 * The point to keep from what a picker or the position API answered, in WGS-84 and rounded to six
 * decimals (~0.1 m), or null when the answer is not a usable coordinate (some devices answer 0,0 or
 * NaN when positioning is off).
 */
export function venuePointFrom(
  raw: { latitude: unknown; longitude: unknown },
  datum: Datum,
  radius: number = DEFAULT_VENUE_RADIUS,
): VenuePoint | null {
  const { latitude, longitude } = raw
  if (typeof latitude !== 'number' || typeof longitude !== 'number') return null
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null
  if (latitude === 0 && longitude === 0) return null
  const p = datum === 'gcj02' ? gcj02ToWgs84({ latitude, longitude }) : { latitude, longitude }
  return { latitude: round6(p.latitude), longitude: round6(p.longitude), radius }
}

/** The place's name from the map picker: its name, else its address; cut to what the form allows. */
export function placeNameFrom(picked: { name?: unknown; address?: unknown }, max: number): string {
  const pick = (v: unknown) => (typeof v === 'string' ? v.trim() : '')
  const name = pick(picked.name) || pick(picked.address)
  return [...name].slice(0, max).join('')
}

/** Why a point is not acceptable to the contract, or undefined. */
export function venuePointError(p: VenuePoint): string | undefined {
  if (!Number.isFinite(p.latitude) || Math.abs(p.latitude) > 90 || !Number.isFinite(p.longitude) || Math.abs(p.longitude) > 180) {
    return '场地定位不正确，请清除后重新定位'
  }
  if (!Number.isInteger(p.radius) || p.radius < VENUE_RADIUS_MIN || p.radius > VENUE_RADIUS_MAX) {
    return `签到范围应在 ${VENUE_RADIUS_MIN} 到 ${VENUE_RADIUS_MAX} 米之间，请重新选择`
  }
  return undefined
}

/** `北纬 31.23040°，东经 121.47370°`: how the chosen point is shown (five decimals, ~1 m). */
export function formatVenuePoint(p: { latitude: number; longitude: number }): string {
  const lat = `${p.latitude >= 0 ? '北纬' : '南纬'} ${Math.abs(p.latitude).toFixed(5)}°`
  const lng = `${p.longitude >= 0 ? '东经' : '西经'} ${Math.abs(p.longitude).toFixed(5)}°`
  return `${lat}，${lng}`
}

export type LocateFailure = 'cancelled' | 'denied' | 'systemOff' | 'insecure' | 'unsupported' | 'timeout' | 'notDeclared' | 'failed'

/**
 * What went wrong, from the `errMsg` WeChat gives (`chooseLocation:fail auth deny`, `getLocation:fail
 * system permission denied`, …) or the message a browser gives (`User denied Geolocation`, `Only
 * secure origins are allowed`, `Timeout expired`). Order matters: "system permission denied" is the
 * phone's location switch, not the user's answer to our question.
 */
export function classifyLocateError(errMsg: string): LocateFailure {
  const m = errMsg.toLowerCase()
  if (/cancel/.test(m)) return 'cancelled'
  if (/requiredprivateinfos|privacy|not declared|scope is not declared/.test(m)) return 'notDeclared'
  if (/system permission|locationswitchoff|location service|service.*(off|disabled)|gps/.test(m)) return 'systemOff'
  if (/secure origin|insecure|only secure/.test(m)) return 'insecure'
  if (/auth|denied|permission/.test(m)) return 'denied'
  if (/timeout|timed out|time out|expired/.test(m)) return 'timeout'
  if (/not support|unsupported|not implemented/.test(m)) return 'unsupported'
  return 'failed'
}

/** Chinese copy that says what to do next; `cancelled` says nothing (the person changed their mind). */
export function locateFailureMessage(kind: LocateFailure, platform: 'weapp' | 'h5'): string | null {
  switch (kind) {
    case 'cancelled':
      return null
    case 'denied':
      return platform === 'weapp'
        ? '没有获得位置权限。请点“去设置”，打开“位置信息”后再试；也可以不设置定位。'
        : '浏览器拒绝了定位。请在地址栏左侧的网站设置里允许“位置”，然后再点一次；也可以不设置定位。'
    case 'systemOff':
      return '手机的定位服务没有打开。请在手机“设置”里打开定位（GPS），并允许微信使用位置，然后再试。'
    case 'insecure':
      return '这个网址不能使用定位（浏览器只允许 https 网址定位）。请改用微信小程序设置场地定位。'
    case 'unsupported':
      return '当前浏览器不支持定位。请换用手机浏览器或微信小程序设置场地定位。'
    case 'timeout':
      return '定位超时。请到窗边或室外再试一次，或稍后重试。'
    case 'notDeclared':
      return '小程序暂时无法使用定位（未声明位置权限）。请联系管理员更新小程序版本。'
    case 'failed':
      return '没有定位成功，请稍后再试；也可以不设置定位，签到不受影响。'
  }
}
