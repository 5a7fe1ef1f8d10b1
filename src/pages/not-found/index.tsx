import { View } from '@tarojs/components'
import { NotFoundView } from '@/features/session'

/** Where an unknown route lands (the app's page-not-found hook sends it here): a way back, not a blank page. */
export default function NotFoundPage() {
  return (
    <View className='not-found-page'>
      <NotFoundView />
    </View>
  )
}
