import Taro from '@tarojs/taro'
import {
  classifyLocateError,
  locateFailureMessage,
  placeNameFrom,
  venuePointFrom,
  type LocateFailure,
  type VenuePoint,
} from '../rules/venue-point.rules'

export type PickedVenue =
  | { kind: 'picked'; point: VenuePoint; placeName: string }
  | { kind: 'failed'; failure: LocateFailure; message: string | null }

/** Browser positioning may never answer (no fix indoors): stop waiting after this long. */
const H5_TIMEOUT_MS = 15_000

function errMsgOf(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'errMsg' in err && typeof err.errMsg === 'string') return err.errMsg
  if (err instanceof Error) return err.message
  return String(err)
}

function failed(err: unknown, platform: 'weapp' | 'h5'): PickedVenue {
  const failure = classifyLocateError(errMsgOf(err))
  return { kind: 'failed', failure, message: locateFailureMessage(failure, platform) }
}

const noFix = (platform: 'weapp' | 'h5'): PickedVenue => ({ kind: 'failed', failure: 'failed', message: locateFailureMessage('failed', platform) })

/**
 * Where the lecture takes place. In WeChat: the map picker (`chooseLocation`, GCJ-02, converted to
 * WGS-84 by the rules), which also names the place. In a browser there is no map picker without a map
 * key, so the secretary stands at the venue and uses the browser's position (WGS-84 already).
 * Never throws: every refusal comes back as a failure kind with copy that says what to do.
 */
export async function pickVenue(radius: number): Promise<PickedVenue> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const res = await Taro.chooseLocation({})
      const point = venuePointFrom(res, 'gcj02', radius)
      return point ? { kind: 'picked', point, placeName: placeNameFrom(res, 60) } : noFix('weapp')
    } catch (err) {
      return failed(err, 'weapp')
    }
  }
  try {
    const res = await Taro.getLocation({ type: 'wgs84', isHighAccuracy: true, highAccuracyExpireTime: H5_TIMEOUT_MS })
    const point = venuePointFrom(res, 'wgs84', radius)
    return point ? { kind: 'picked', point, placeName: '' } : noFix('h5')
  } catch (err) {
    return failed(err, 'h5')
  }
}

/** After "auth deny" in WeChat: the settings page where 位置信息 can be switched back on. */
export function openLocationSetting(): void {
  void Taro.openSetting({}).catch(() => undefined)
}
