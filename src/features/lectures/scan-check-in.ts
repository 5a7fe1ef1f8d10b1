import Taro from '@tarojs/taro'
import type { CheckInScene } from '@contracts/rules'
import { sceneFromScan } from './check-in-scene'

export type ScanOutcome = { kind: 'scene'; scene: CheckInScene } | { kind: 'cancelled' } | { kind: 'notCheckIn' }

/**
 * The in-app scanner (mini-program only): the camera, never the photo album (a screenshot of the code
 * forwarded to the group chat must not work). The scanned text, or a mini-program code's path, must
 * carry a check-in scene; anything else is reported so the page can say what to scan instead.
 */
export async function scanForCheckIn(): Promise<ScanOutcome> {
  let res: { result?: string; path?: string }
  try {
    res = await Taro.scanCode({ onlyFromCamera: true })
  } catch {
    return { kind: 'cancelled' }
  }
  const scene = sceneFromScan(res)
  return scene ? { kind: 'scene', scene } : { kind: 'notCheckIn' }
}
