import type { ReactNode } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { QrImage } from '../qr-image'
import './check-in-board.scss'

export interface CheckInBoardProps {
  /** What the QR code encodes (the server's `qrContent`). */
  qrValue: string
  /** A ready-made code image (the mini-program code in weapp); shown instead of drawing `qrValue`. */
  imageSrc?: string
  title: string
  /** Time and place, already formatted. */
  subtitle?: string
  count: number
  /** Newest first: name and Beijing clock time. */
  recent: Array<{ name: string; time: string }>
  /** Seconds until the code changes; null for a static code. */
  secondsLeft: number | null
  /** A refresh failed: the last code is still shown. */
  warning?: string | null
  /** The code on screen is no longer accepted (refreshes kept failing). */
  outdated?: boolean
  /** Controls for the person running the screen (e.g. 全屏显示), under the names. */
  children?: ReactNode
  className?: string
}

/**
 * The projector / big-screen check-in board: the QR code as large as the screen allows, what to do in
 * one line, when the code changes, and who has just checked in. Type is sized for the back row.
 */
export function CheckInBoard({ qrValue, imageSrc, title, subtitle, count, recent, secondsLeft, warning, outdated, children, className }: CheckInBoardProps) {
  return (
    <View className={['check-in-board', outdated ? 'check-in-board--outdated' : '', className].filter(Boolean).join(' ')}>
      <View className='check-in-board__head'>
        <Text className='check-in-board__title'>{title}</Text>
        {subtitle ? <Text className='check-in-board__subtitle'>{subtitle}</Text> : null}
      </View>
      <View className='check-in-board__body'>
        <View className='check-in-board__code'>
          {imageSrc ? (
            <Image className='check-in-board__qr check-in-board__qr--mini-code' src={imageSrc} mode='aspectFit' />
          ) : (
            <QrImage className='check-in-board__qr' value={qrValue} />
          )}
          <Text className='check-in-board__how'>请用微信“扫一扫”或手机相机扫码签到</Text>
          {secondsLeft === null ? (
            <Text className='check-in-board__countdown check-in-board__countdown--static'>固定签到码</Text>
          ) : (
            <Text className='check-in-board__countdown'>
              二维码 <Text className='check-in-board__seconds'>{secondsLeft}</Text> 秒后更换
            </Text>
          )}
          {outdated ? (
            <Text className='check-in-board__warning check-in-board__warning--outdated'>二维码已失效，正在重新获取，请稍候再扫</Text>
          ) : warning ? (
            <Text className='check-in-board__warning'>{warning}</Text>
          ) : null}
        </View>
        <View className='check-in-board__side'>
          <Text className='check-in-board__count-label'>已签到</Text>
          <Text className='check-in-board__count'>
            {count}
            <Text className='check-in-board__count-unit'> 人</Text>
          </Text>
          <View className='check-in-board__recent'>
            {recent.length === 0 ? (
              <Text className='check-in-board__recent-empty'>还没有人签到</Text>
            ) : (
              recent.map((r, i) => (
                <View key={`${r.name}-${r.time}-${i}`} className='check-in-board__person'>
                  <Text className='check-in-board__person-name'>{r.name}</Text>
                  <Text className='check-in-board__person-time'>{r.time}</Text>
                </View>
              ))
            )}
          </View>
          {children ? <View className='check-in-board__extra'>{children}</View> : null}
        </View>
      </View>
    </View>
  )
}
