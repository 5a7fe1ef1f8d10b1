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

/**
 * "Nothing here yet": a still picture (a blank sheet on a soft disc, nothing turns, so it is never taken
 * for LoadingState's spinner), what is missing, and what to do next.
 */
export function EmptyState({ title, hint, children, className }: EmptyStateProps) {
  return (
    <View className={['empty-state', className].filter(Boolean).join(' ')}>
      <View className='empty-state__mark'>
        <View className='empty-state__sheet'>
          <View className='empty-state__sheet-line' />
          <View className='empty-state__sheet-line empty-state__sheet-line--short' />
        </View>
      </View>
      <Text className='empty-state__title'>{title}</Text>
      {hint ? <Text className='empty-state__hint'>{hint}</Text> : null}
      {children ? <View className='empty-state__actions'>{children}</View> : null}
    </View>
  )
}
