import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './check-in-panel.scss'

export type CheckInPanelTone = 'pending' | 'done' | 'already' | 'failed'

export interface CheckInPanelProps {
  tone: CheckInPanelTone
  /** One big line: 签到成功 / 已签到 / 正在签到… / what went wrong. */
  title: string
  /** What it means and what to do next. */
  message?: string
  /** Label–value lines (党课, 签到时间), shown under the message. */
  details?: Array<{ label: string; value: string; className?: string }>
  /** Buttons that say what to do next. */
  children?: ReactNode
  className?: string
}

const MARKS: Record<CheckInPanelTone, string> = { pending: '…', done: '✓', already: '✓', failed: '!' }

/** The outcome of a check-in, big enough to read at arm's length in a crowded doorway. */
export function CheckInPanel({ tone, title, message, details, children, className }: CheckInPanelProps) {
  return (
    <View className={['check-in-panel', `check-in-panel--${tone}`, className].filter(Boolean).join(' ')}>
      <View className='check-in-panel__mark'>
        <Text className='check-in-panel__mark-text'>{MARKS[tone]}</Text>
      </View>
      <Text className='check-in-panel__title'>{title}</Text>
      {message ? <Text className='check-in-panel__message'>{message}</Text> : null}
      {details && details.length > 0 ? (
        <View className='check-in-panel__details'>
          {details.map((d) => (
            <View key={d.label} className={['check-in-panel__detail', d.className].filter(Boolean).join(' ')}>
              <Text className='check-in-panel__label'>{d.label}</Text>
              <Text className='check-in-panel__value'>{d.value}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {children ? <View className='check-in-panel__actions'>{children}</View> : null}
    </View>
  )
}
