import jsQR from 'jsqr'
import { render } from '@testing-library/react'
import { QrImage, qrDataUrl, qrSvg } from '@/components/qr-image'
import { base64Ascii } from '@/components/qr-image/qr-svg'

/** Rasterise our SVG (one path of `M x y h w v1 h -w z` runs) and let a real decoder read it. */
function decode(svg: string): string | null {
  const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1])
  const scale = 6
  const px = size * scale
  const data = new Uint8ClampedArray(px * px * 4).fill(255)
  const d = /<path[^>]* d="([^"]*)"/.exec(svg)?.[1] ?? ''
  for (const m of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])]
    for (let yy = y * scale; yy < (y + 1) * scale; yy++)
      for (let xx = x * scale; xx < (x + w) * scale; xx++) {
        const i = (yy * px + xx) * 4
        data[i] = data[i + 1] = data[i + 2] = 0
      }
  }
  return jsQR(data, px, px)?.data ?? null
}

describe('QR image', () => {
  it('encodes an invite code that a QR decoder reads back', () => {
    expect(decode(qrSvg('DEMOR1'))).toBe('DEMOR1')
  })

  it('encodes non-ASCII text as UTF-8 without TextEncoder', () => {
    const saved = globalThis.TextEncoder
    // The mini-program runtime may lack TextEncoder; the encoder must not need it.
    Object.defineProperty(globalThis, 'TextEncoder', { value: undefined, configurable: true })
    try {
      expect(decode(qrSvg('支部活动 abc'))).toBe('支部活动 abc')
    } finally {
      Object.defineProperty(globalThis, 'TextEncoder', { value: saved, configurable: true })
    }
  })

  it('is a base64 SVG data URL that decodes to the same SVG', () => {
    const url = qrDataUrl('DEMOM1')
    expect(url.startsWith('data:image/svg+xml;base64,')).toBe(true)
    expect(Buffer.from(url.split(',')[1] ?? '', 'base64').toString('ascii')).toBe(qrSvg('DEMOM1'))
    for (const s of ['', 'a', 'ab', 'abc', 'abcd', '<svg/>']) expect(base64Ascii(s)).toBe(Buffer.from(s).toString('base64'))
  })

  it('renders an image with the data URL and a caption', () => {
    const { container } = render(<QrImage value='DEMOM1' caption='党员邀请码二维码' />)
    const img = container.querySelector('.qr-image__img')
    expect(img?.getAttribute('src')).toBe(qrDataUrl('DEMOM1'))
    expect(container.querySelector('.qr-image__caption')?.textContent).toBe('党员邀请码二维码')
  })
})
