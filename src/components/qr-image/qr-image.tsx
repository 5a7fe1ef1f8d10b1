import { useMemo } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { qrDataUrl } from './qr-svg'
import './qr-image.scss'

export interface QrImageProps {
  /** What the code encodes. */
  value: string
  /** Read aloud / shown under the code. */
  caption?: string
  className?: string
}

/** A QR code rendered on the device as an image (works in H5 and in the mini-program's <image>). */
export function QrImage({ value, caption, className }: QrImageProps) {
  const src = useMemo(() => qrDataUrl(value), [value])
  return (
    <View className={['qr-image', className].filter(Boolean).join(' ')}>
      <Image className='qr-image__img' src={src} mode='aspectFit' ariaLabel={caption ?? `二维码：${value}`} />
      {caption ? <Text className='qr-image__caption'>{caption}</Text> : null}
    </View>
  )
}
