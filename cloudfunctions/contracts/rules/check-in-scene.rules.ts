/**
 * What a check-in QR code carries, written by the server and read by the check-in page:
 * `<lectureId>.<token>`, short enough (22 characters) for the 32-character `scene` of a mini-program code.
 */
export interface CheckInScene {
  lectureId: string
  token: string
}

const LECTURE_ID = 'L[0-9a-z]{10}'
const TOKEN = '[A-Za-z0-9]{6,16}'

export const LECTURE_ID_PATTERN = new RegExp(`^${LECTURE_ID}$`)
export const CHECKIN_TOKEN_PATTERN = new RegExp(`^${TOKEN}$`)
const SCENE_PATTERN = new RegExp(`^(${LECTURE_ID})\\.(${TOKEN})$`)

export function sceneFor(lectureId: string, token: string): string {
  return `${lectureId}.${token}`
}

export function parseScene(scene: string): CheckInScene | null {
  const m = SCENE_PATTERN.exec(scene.trim())
  return m && m[1] && m[2] ? { lectureId: m[1], token: m[2] } : null
}

/**
 * What the display's QR code holds: the H5 check-in page with `scene=` when `h5Url` is set (an H5
 * deployment, the local host), else a link the in-app scanner understands.
 */
export function checkInQrContent(scene: string, h5Url: string | undefined): string {
  return h5Url ? `${h5Url}${h5Url.includes('?') ? '&' : '?'}scene=${encodeURIComponent(scene)}` : `zbhd://check-in?scene=${scene}`
}

/**
 * The scene from whatever a code or link gave: the bare `<lectureId>.<token>`, a URL or in-app link
 * with `scene=` in its query ({@link checkInQrContent}), or a mini-program code's path
 * (`pages/check-in/index?scene=…`). The scene is URL-encoded in all but the first, and possibly twice
 * (a mini-program code's `options.scene`), so it is decoded until stable.
 */
export function sceneFromText(text: string | null | undefined): CheckInScene | null {
  if (!text) return null
  const raw = text.trim()
  const direct = parseScene(decodeFully(raw))
  if (direct) return direct
  const m = /[?&#]scene=([^&#\s]+)/.exec(raw)
  return m && m[1] ? parseScene(decodeFully(m[1])) : null
}

function decodeFully(s: string): string {
  let cur = s
  for (let i = 0; i < 3; i += 1) {
    let next: string
    try {
      next = decodeURIComponent(cur)
    } catch {
      // A malformed `%` leaves the text as it was.
      break
    }
    if (next === cur) break
    cur = next
  }
  return cur
}
