import { useRef } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { WishDetail } from '@contracts'
import { WISH_CATEGORY_LABELS, WISH_SATISFACTION_LABELS, WISH_STATUS_LABELS } from '@contracts/rules'
import { EmptyState } from '@/components/empty-state'
import { LoadingState } from '@/components/loading-state'
import { CallErrorView } from '@/features/session'
import { usePullToRefresh } from '@/features/shared/use-page-refresh'
import { useWish } from '@/features/wishes/hooks/use-wish'
import { WishActionPanel } from '@/features/wishes/wish-action-panel'
import { wishesVersion } from '@/features/wishes/wish-changes'
import { WishNoteLine } from '@/features/wishes/wish-note'
import { WishPhotos } from '@/features/wishes/wish-photos'
import { WishSubscribe } from '@/features/wishes/wish-subscribe'
import { WishTimeline } from '@/features/wishes/wish-timeline'
import { ROUTES } from '@/routes'
import { formatMoment } from '@/utils/beijing-time'
import { safeDecode } from '@/utils/safe-decode'
import './index.scss'

/**
 * 心愿详情: what is wished, for whom (masked unless the viewer is the poster, the claimer or the
 * secretary), its progress, proof and confirmation, the whole timeline, and the action the viewer can
 * take now. Also the page of the claimer's idle warning (`?id=`).
 */
export default function WishDetailPage() {
  const router = useRouter()
  const wishId = router.params.id ? safeDecode(router.params.id) : null
  const wish = useWish(wishId)
  const seen = useRef(wishesVersion())

  useDidShow(() => {
    if (wishesVersion() === seen.current) return
    seen.current = wishesVersion()
    void wish.reload()
  })
  usePullToRefresh(() => {
    seen.current = wishesVersion()
    return wish.reload()
  })

  if (wish.status === 'loading') {
    return (
      <View className='wish-detail wish-detail--loading'>
        <LoadingState text='正在加载心愿…' />
      </View>
    )
  }
  if (!wish.data) {
    const notFound = wish.error?.code === 'WISH.NOT_FOUND'
    return (
      <View className='wish-detail wish-detail--error'>
        {notFound || !wish.error ? (
          <EmptyState title='没有找到这个心愿' hint={wish.error?.message ?? '可能已撤回，或不对你开放。'}>
            <Button className='app-button app-button--block' onClick={() => void Taro.switchTab({ url: ROUTES.wishes })}>
              看看其他心愿
            </Button>
          </EmptyState>
        ) : (
          <CallErrorView error={wish.error} onRetry={() => void wish.reload()} />
        )}
      </View>
    )
  }

  const w = wish.data
  const changed = (next: WishDetail) => {
    seen.current = wishesVersion()
    wish.replace(next)
  }

  return (
    <View className={`wish-detail wish-detail--${w.status}`}>
      <View className='wish-detail__hero'>
        <View className='wish-detail__badges'>
          <Text className='wish-detail__badge wish-detail__status'>{WISH_STATUS_LABELS[w.status]}</Text>
          <Text className='wish-detail__badge'>{WISH_CATEGORY_LABELS[w.category]}</Text>
          {w.recordedOnBehalf ? <Text className='wish-detail__badge wish-detail__on-behalf'>代录</Text> : null}
          {w.openToAll ? <Text className='wish-detail__badge'>各支部可认领</Text> : null}
        </View>
        <Text className='wish-detail__title'>{w.title}</Text>
        <Text className='wish-detail__who'>
          心愿人：{w.beneficiaryName}（{w.neighbourhood}）
        </Text>
      </View>

      {w.status === 'rejected' && w.rejectReason ? (
        <View className='wish-detail__notice'>
          <Text className='wish-detail__notice-title'>没有通过审核</Text>
          <Text className='wish-detail__notice-text wish-detail__reject-reason'>原因：{w.rejectReason}</Text>
        </View>
      ) : null}

      {w.textHeld ? (
        <View className='wish-detail__notice wish-detail__notice--held'>
          <Text className='wish-detail__notice-text'>内容安全检查提示：标题或描述可能需要留意，请审核时看一看。</Text>
        </View>
      ) : null}

      <WishActionPanel wish={w} onChanged={changed} />
      <WishSubscribe wish={w} />

      <View className='app-card wish-detail__info'>
        <Text className='app-card__title'>心愿内容</Text>
        <Text className='wish-detail__description'>{w.description}</Text>
        <WishPhotos photos={w.photos} className='wish-detail__photos' />
        <InfoRow label='预计花费' value={w.cost === 0 ? '不需要花钱' : `约 ${w.cost} 元`} />
        <InfoRow label='所属支部' value={w.branchName} />
        <InfoRow label='发布时间' value={formatMoment(w.postedAt)} />
        {w.claimerName ? <InfoRow label='认领人' value={w.claimerName} className='wish-detail__claimer' /> : null}
        {w.confirmOnBehalfFrom ? <InfoRow label='代为确认' value={`${formatMoment(w.confirmOnBehalfFrom)} 起心愿人仍未确认的，可由书记代为确认`} className='wish-detail__on-behalf-from' /> : null}
        {w.releaseAt ? <InfoRow label='提醒' value={`${formatMoment(w.releaseAt)} 前没有新进展会自动释放`} className='wish-detail__release' /> : null}
      </View>

      {w.contact ? (
        <View className='app-card wish-detail__contact'>
          <Text className='app-card__title'>联系方式</Text>
          <Text className='app-card__hint'>只有心愿人、认领人和支部书记能看到。</Text>
          <InfoRow label='姓名' value={w.contact.name} />
          <InfoRow label='电话' value={w.contact.phone} className='wish-detail__phone' />
          <InfoRow label='地址' value={w.contact.address} />
        </View>
      ) : null}

      {w.progress.length > 0 ? (
        <View className='app-card wish-detail__progress'>
          <Text className='app-card__title'>进展</Text>
          {w.progress.map((n, i) => (
            <WishNoteLine key={`${n.at}-${i}`} wishId={w.id} note={n} onChanged={changed} />
          ))}
        </View>
      ) : null}

      {w.fulfilment ? (
        <View className='app-card wish-detail__fulfilment'>
          <Text className='app-card__title'>完成情况</Text>
          <WishNoteLine wishId={w.id} note={w.fulfilment.note} onChanged={changed} />
          <WishPhotos photos={w.fulfilment.photos} />
        </View>
      ) : null}

      {w.confirmation ? (
        <View className='app-card wish-detail__confirmation'>
          <Text className='app-card__title'>心愿人的确认</Text>
          <InfoRow
            label='评价'
            value={w.confirmation.satisfaction ? WISH_SATISFACTION_LABELS[w.confirmation.satisfaction] : '书记代为确认'}
            className='wish-detail__satisfaction'
          />
          {w.confirmation.thanks ? <WishNoteLine wishId={w.id} note={w.confirmation.thanks} onChanged={changed} /> : null}
        </View>
      ) : null}

      <WishTimeline entries={w.timeline} />
    </View>
  )
}

function InfoRow({ label, value, className }: { label: string; value: string; className?: string }) {
  return (
    <View className='wish-detail__row'>
      <Text className='wish-detail__label'>{label}</Text>
      <Text className={['wish-detail__value', className].filter(Boolean).join(' ')}>{value}</Text>
    </View>
  )
}
