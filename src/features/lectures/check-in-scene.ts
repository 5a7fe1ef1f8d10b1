import { sceneFromText, type CheckInScene } from '@contracts/rules'

/** decodeURIComponent that never throws (a malformed `%` leaves the text as it was). */
export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** The result of `Taro.scanCode`: a mini-program code's `path` first, then the decoded text. */
export function sceneFromScan(res: { result?: string; path?: string }): CheckInScene | null {
  return sceneFromText(res.path) ?? sceneFromText(res.result)
}
