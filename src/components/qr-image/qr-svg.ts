import { create, type QRCodeSegment } from 'qrcode'

/**
 * A QR code as a base64 SVG data URL (no canvas, no network; <img> and <image> both take it). Non-
 * alphanumeric text is UTF-8 encoded here: qrcode's byte mode needs `TextEncoder`, which old runtimes lack.
 */
export function qrSvg(text: string, opts: { margin?: number; color?: string } = {}): string {
  const margin = opts.margin ?? 2
  const color = opts.color ?? '#000'
  const qr = create(segmentsFor(text), { errorCorrectionLevel: 'M' })
  const n = qr.modules.size
  const full = n + margin * 2
  let d = ''
  for (let row = 0; row < n; row++) {
    let col = 0
    while (col < n) {
      if (!qr.modules.get(row, col)) {
        col++
        continue
      }
      const start = col
      while (col < n && qr.modules.get(row, col)) col++
      d += `M${start + margin} ${row + margin}h${col - start}v1h${start - col}z`
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${full} ${full}" shape-rendering="crispEdges">` +
    `<rect width="${full}" height="${full}" fill="#fff"/><path fill="${color}" d="${d}"/></svg>`
  )
}

export function qrDataUrl(text: string, opts?: { margin?: number; color?: string }): string {
  return `data:image/svg+xml;base64,${base64Ascii(qrSvg(text, opts))}`
}

const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]*$/

function segmentsFor(text: string): QRCodeSegment[] {
  if (ALPHANUMERIC.test(text)) return [{ mode: 'alphanumeric', data: text }]
  return [{ mode: 'byte', data: utf8(text) }]
}

function utf8(text: string): Uint8Array {
  const bytes: number[] = []
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0
    if (cp < 0x80) bytes.push(cp)
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63))
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63))
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63))
  }
  return Uint8Array.from(bytes)
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** base64 of an ASCII string (our SVG is ASCII); `btoa` does not exist in the mini-program. */
export function base64Ascii(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i += 3) {
    const a = s.charCodeAt(i)
    const b = i + 1 < s.length ? s.charCodeAt(i + 1) : NaN
    const c = i + 2 < s.length ? s.charCodeAt(i + 2) : NaN
    const n = (a << 16) | ((b || 0) << 8) | (c || 0)
    out += B64.charAt((n >> 18) & 63) + B64.charAt((n >> 12) & 63)
    out += Number.isNaN(b) ? '=' : B64.charAt((n >> 6) & 63)
    out += Number.isNaN(c) ? '=' : B64.charAt(n & 63)
  }
  return out
}
