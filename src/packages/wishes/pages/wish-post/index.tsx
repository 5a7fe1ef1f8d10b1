import Taro from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import { EmptyState } from '@/components/empty-state'
import { LoadingState } from '@/components/loading-state'
import { useWhoami } from '@/features/members/use-whoami'
import { CallErrorView } from '@/features/session'
import { WishForm } from '@/features/wishes/wish-form'
import { ROUTES, withQuery } from '@/routes'
import './index.scss'

/**
 * 发布心愿: a resident posts their own wish; a member or the secretary records one for a resident who
 * has no phone (代录), naming them. Once posted, the wish's page shows it waiting for review.
 */
export default function WishPostPage() {
  const whoami = useWhoami()
  const role = whoami.data?.profile?.role ?? null

  if (!whoami.data) {
    return (
      <View className='wish-post wish-post--loading'>
        {whoami.status === 'error' && whoami.error ? <CallErrorView error={whoami.error} onRetry={() => void whoami.reload()} /> : <LoadingState />}
      </View>
    )
  }
  if (!role || !whoami.data.branch) {
    return (
      <View className='wish-post wish-post--guest'>
        <EmptyState title='加入支部后就能发布心愿' hint='向支部书记要一个邀请码，在“我的”页面填写姓名和邀请码加入。'>
          <Button className='app-button app-button--block' onClick={() => void Taro.switchTab({ url: ROUTES.mine })}>
            去“我的”加入支部
          </Button>
        </EmptyState>
      </View>
    )
  }

  return (
    <View className='wish-post'>
      <WishForm
        onBehalf={role !== 'resident'}
        onPosted={(wish) => {
          void Taro.showToast({ title: '已提交，等待审核', icon: 'success' })
          void Taro.redirectTo({ url: withQuery(ROUTES.wishDetail, { id: wish.id }) })
        }}
      />
    </View>
  )
}
