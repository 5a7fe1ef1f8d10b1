import QRCode from 'qrcode'
import { wxError, type OpenApiAnswer, type OpenApiParams } from './openapi.types'

/**
 * `wxacode.getUnlimited` stand-in: a real PNG QR code whose text is what scanning a mini-program code
 * gives the app — `<page>?scene=<encodeURIComponent(scene)>` (the page must decodeURIComponent
 * `options.scene`, docs/local-cloud.md "Cloud calls") — so tests and the H5 build can decode and follow it.
 * Production returns a round "mini-program code" (usually JPEG); a square QR keeps it decodable.
 */
const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/
/** Chosen default when `page` is omitted (production: the app's home page). */
export const DEFAULT_PAGE = 'pages/index/index'

function color(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const { r, g, b } = value as { r?: unknown; g?: unknown; b?: unknown }
  const channel = (c: unknown) => Math.max(0, Math.min(255, Number(c) || 0)).toString(16).padStart(2, '0')
  return `#${channel(r)}${channel(g)}${channel(b)}ff`
}

export function codeContent(page: string, scene: string): string {
  return `${page}?scene=${encodeURIComponent(scene)}`
}

export async function getUnlimited(params: OpenApiParams): Promise<OpenApiAnswer> {
  const { scene, page, width, env_version: envVersion, line_color: lineColor, is_hyaline: isHyaline } = params
  if (typeof scene !== 'string' || scene.length === 0 || scene.length > 32 || !SCENE_CHARS.test(scene)) {
    return wxError(40169, 'invalid length for scene, or the data is not json (scene: 1-32 visible characters)')
  }
  if (page !== undefined && (typeof page !== 'string' || page.startsWith('/') || page.includes('?'))) {
    return wxError(41030, 'invalid page: no leading slash and no query string')
  }
  if (envVersion !== undefined && envVersion !== 'release' && envVersion !== 'trial' && envVersion !== 'develop') {
    return wxError(40097, 'invalid args: env_version must be release, trial or develop')
  }
  const size = typeof width === 'number' ? Math.max(280, Math.min(1280, Math.round(width))) : 430
  const png = await QRCode.toBuffer(codeContent(typeof page === 'string' && page ? page : DEFAULT_PAGE, scene), {
    type: 'png',
    width: size,
    margin: 2,
    errorCorrectionLevel: 'M',
    color: { dark: color(lineColor) ?? '#000000ff', light: isHyaline === true ? '#00000000' : '#ffffffff' },
  })
  return { binary: png, contentType: 'image/png' }
}

