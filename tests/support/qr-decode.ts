import jsQR from 'jsqr'

/**
 * Decodes the QR code in a PNG image. pngjs ships no type declarations; its one entry point used here
 * is described by `PngSync` and checked at runtime instead of declared globally.
 */
interface PngImage {
  width: number
  height: number
  data: Buffer
}
interface PngSync {
  read(buffer: Buffer): PngImage
}

function pngSync(): PngSync {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pngjs: unknown = require('pngjs')
  const sync = (pngjs as { PNG?: { sync?: { read?: unknown } } }).PNG?.sync
  if (!sync || typeof sync.read !== 'function') throw new Error('pngjs.PNG.sync.read not found')
  return sync as PngSync
}

export function isPng(buffer: Buffer): boolean {
  return buffer.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
}

export function decodeQrPng(buffer: Buffer): { text: string; width: number } {
  const image = pngSync().read(buffer)
  const code = jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)
  if (!code) throw new Error('no QR code found in the image')
  return { text: code.data, width: image.width }
}
