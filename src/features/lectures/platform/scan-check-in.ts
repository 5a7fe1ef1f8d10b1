import Taro from '@tarojs/taro'
import { sceneFromText, type CheckInScene } from '@contracts/rules'

/** The result of `Taro.scanCode`: a mini-program code's `path` first, then the decoded text. */
export function sceneFromScan(res: { result?: string; path?: string }): CheckInScene | null {
  return sceneFromText(res.path) ?? sceneFromText(res.result)
}

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
