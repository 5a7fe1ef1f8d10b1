/**
 * Colours as a person sees them, for style specs that should say "readable" or "grey" rather than pin a
 * hex value: parsing what a stylesheet declares, WCAG contrast, and HSL saturation and hue.
 */
export interface Rgba {
  r: number
  g: number
  b: number
  a: number
}

/** `#rgb`, `#rrggbb`, `rgb(r, g, b)` or `rgba(r, g, b, a)`, as sass and jsdom write them. */
export function parseColour(css: string | undefined): Rgba {
  const text = (css ?? '').trim().toLowerCase()
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(text)?.[1]
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex
    return { r: parseInt(full.slice(0, 2), 16), g: parseInt(full.slice(2, 4), 16), b: parseInt(full.slice(4, 6), 16), a: 1 }
  }
  const fn = /^rgba?\(([^)]*)\)$/.exec(text)?.[1]
  if (fn) {
    const [r = NaN, g = NaN, b = NaN, a = 1] = fn.split(',').map((p) => Number(p.trim()))
    if ([r, g, b, a].every(Number.isFinite)) return { r, g, b, a }
  }
  throw new Error(`not a colour: ${String(css)}`)
}

/** WCAG 2 relative luminance, 0 (black) to 1 (white). */
export function luminance(css: string | undefined): number {
  const { r, g, b } = parseColour(css)
  const lin = (v: number) => {
    const s = v / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/** WCAG 2 contrast ratio of two opaque colours, 1 (none) to 21 (black on white). */
export function contrast(a: string | undefined, b: string | undefined): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

/** HSL saturation, 0 (a grey) to 1 (a pure colour). */
export function saturation(css: string | undefined): number {
  const { r, g, b } = parseColour(css)
  const max = Math.max(r, g, b) / 255
  const min = Math.min(r, g, b) / 255
  const light = (max + min) / 2
  return max === min ? 0 : (max - min) / (1 - Math.abs(2 * light - 1))
}

/** HSL hue in degrees, 0–360 (red at 0). */
export function hue(css: string | undefined): number {
  const { r, g, b } = parseColour(css)
  const max = Math.max(r, g, b)
  const d = max - Math.min(r, g, b)
  if (d === 0) return 0
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4
  return (h * 60 + 360) % 360
}
