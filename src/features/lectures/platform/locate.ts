import Taro from '@tarojs/taro'

export interface GeoPoint {
  latitude: number
  longitude: number
}

const LOCATE_TIMEOUT_MS = 3000

/**
 * Where the phone is, for the venue-distance flag — only in the mini-program, and never at the cost of
 * the check-in: a refused permission, a slow fix or any error gives `undefined` within a few seconds,
 * and the check-in goes ahead without a location (the server flags distance, it never refuses on it).
 * Someone who once said no is not asked again here.
 */
export async function locateWithoutBlocking(timeoutMs = LOCATE_TIMEOUT_MS): Promise<GeoPoint | undefined> {
  if (process.env.TARO_ENV !== 'weapp') return undefined
  try {
    const setting = await Taro.getSetting()
    if (setting.authSetting['scope.userLocation'] === false) return undefined
    let timer: ReturnType<typeof setTimeout> | undefined
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), timeoutMs)
    })
    const fix = Taro.getLocation({ type: 'wgs84' }).then(
      (res): GeoPoint | undefined =>
        Number.isFinite(res.latitude) && Number.isFinite(res.longitude) ? { latitude: res.latitude, longitude: res.longitude } : undefined,
      () => undefined,
    )
    const point = await Promise.race([fix, timeout])
    clearTimeout(timer)
    return point
  } catch {
    return undefined
  }
}
