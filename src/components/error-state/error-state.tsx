import type { ReactNode } from 'react'
import { Button, Text, View } from '@tarojs/components'
import './error-state.scss'

export interface ErrorStateProps {
  message: string
  title?: string
  /** Shows a 重试 button when given. */
  onRetry?: () => void
  retryText?: string
  /** Extra actions, shown before 重试. */
  children?: ReactNode
  className?: string
}

export function ErrorState({ message, title = '没有加载成功', onRetry, retryText = '重试', children, className }: ErrorStateProps) {
  return (
    <View className={['error-state', className].filter(Boolean).join(' ')}>
      <Text className='error-state__title'>{title}</Text>
      <Text className='error-state__message'>{message}</Text>
      <View className='error-state__actions'>
        {children}
        {onRetry ? (
          <Button className='app-button app-button--secondary app-button--block error-state__retry' onClick={onRetry}>
            {retryText}
          </Button>
        ) : null}
      </View>
    </View>
  )
}
