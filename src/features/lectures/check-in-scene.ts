/** What a check-in code carries: the lecture and the token shown on the display at that moment. */
export interface CheckInScene {
  lectureId: string
  token: string
}

/*
 * `sceneFor` / `parseScene` are lecture.contract.ts's, restated here: the client bundle may take only
 * TYPES from cloudfunctions/contracts (the Taro build compiles src/ alone, and the contract module would
 * bring zod into the mini-program's main package). tests/app/lecture-check-in.spec.tsx checks that both
 * agree with the contract's on the same inputs, so they cannot drift apart unnoticed.
 */

/** `<lectureId>.<token>`: what the display's code carries (≤ 32 characters, a mini-program code's scene). */
export function sceneFor(lectureId: string, token: string): string {
  return `${lectureId}.${token}`
}

export function parseScene(scene: string): CheckInScene | null {
  const m = /^(L[0-9a-z]{10})\.([A-Za-z0-9]{6,16})$/.exec(scene.trim())
  return m && m[1] && m[2] ? { lectureId: m[1], token: m[2] } : null
}

/** decodeURIComponent that never throws (a malformed `%` leaves the text as it was). */
export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/**
 * The scene from whatever a code or link gave us: the bare `<lectureId>.<token>`, a URL or in-app link
 * with `scene=` in its query (`https://…/#/pages/check-in/index?scene=…`, `zbhd://check-in?scene=…`),
 * or a mini-program code's path (`pages/check-in/index?scene=…`). The scene is URL-encoded in all but
 * the first, and possibly twice (a mini-program code's `options.scene`), so it is decoded until stable.
 */
export function sceneFromText(text: string | null | undefined): CheckInScene | null {
  if (!text) return null
  const raw = text.trim()
  const direct = parseScene(decodeFully(raw))
  if (direct) return direct
  const m = /[?&#]scene=([^&#\s]+)/.exec(raw)
  return m && m[1] ? parseScene(decodeFully(m[1])) : null
}

/** The result of `Taro.scanCode`: a mini-program code's `path` first, then the decoded text. */
export function sceneFromScan(res: { result?: string; path?: string }): CheckInScene | null {
  return sceneFromText(res.path) ?? sceneFromText(res.result)
}

function decodeFully(s: string): string {
  let cur = s
  for (let i = 0; i < 3; i += 1) {
    const next = safeDecode(cur)
    if (next === cur) break
    cur = next
  }
  return cur
}
