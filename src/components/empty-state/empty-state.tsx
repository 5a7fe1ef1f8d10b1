import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './empty-state.scss'

export interface EmptyStateProps {
  title: string
  hint?: string
  /** e.g. a button that says what to do next */
  children?: ReactNode
  className?: string
}

export function EmptyState({ title, hint, children, className }: EmptyStateProps) {
  return (
    <View className={['empty-state', className].filter(Boolean).join(' ')}>
      <View className='empty-state__mark' />
      <Text className='empty-state__title'>{title}</Text>
      {hint ? <Text className='empty-state__hint'>{hint}</Text> : null}
      {children ? <View className='empty-state__actions'>{children}</View> : null}
    </View>
  )
}
