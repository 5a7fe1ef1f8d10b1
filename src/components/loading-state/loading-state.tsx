import { Text, View } from '@tarojs/components'
import './loading-state.scss'

export interface LoadingStateProps {
  text?: string
  className?: string
}

export function LoadingState({ text = '正在加载，请稍候…', className }: LoadingStateProps) {
  return (
    <View className={['loading-state', className].filter(Boolean).join(' ')}>
      <View className='loading-state__spinner' />
      <Text className='loading-state__text'>{text}</Text>
    </View>
  )
}
