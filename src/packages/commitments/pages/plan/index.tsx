import { useRef } from 'react'
import Taro, { useDidShow, useReachBottom, useRouter, useShareAppMessage } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { CommitmentPlanDetail } from '@contracts'
import { COMMITMENT_PLAN_STATUS_LABELS } from '@contracts/rules'
import { EmptyState } from '@/components/empty-state'
import { LoadingState } from '@/components/loading-state'
import { COMMITMENT_ROUTES } from '@/features/commitments/commitment-routes'
import { commitmentsVersion } from '@/features/commitments/commitment-changes'
import { CommitmentFigures } from '@/features/commitments/commitment-figures'
import { CommitmentItem } from '@/features/commitments/commitment-item'
import { CommitmentItemForms } from '@/features/commitments/commitment-item-forms'
import { CommitmentMemberCard } from '@/features/commitments/commitment-member-card'
import { CommitmentRateForm, CommitmentRatings } from '@/features/commitments/commitment-ratings'
import { useCommitmentPlan, useCommitmentRatings } from '@/features/commitments/hooks/use-commitment-plan'
import { monthLabel } from '@/features/commitments/rules/commitment-month.rules'
import { useWhoami } from '@/features/members/use-whoami'
import { CallErrorView } from '@/features/session'
import { usePullToRefresh } from '@/features/shared/use-page-refresh'
import { ROUTES, withQuery } from '@/routes'
import { safeDecode } from '@/utils/safe-decode'
import './index.scss'

/**
 * 一位党员的承诺 (`?id=`): the card, each item with its history, progress and outcome (晒问题 in red),
 * the month's figures, 群众评议 with replies, and the rate form for a resident or member of the branch.
 */
export default function CommitmentPlanPage() {
  const router = useRouter()
  const planId = router.params.id ? safeDecode(router.params.id) : null
  const plan = useCommitmentPlan(planId)
  const ratings = useCommitmentRatings(plan.data ? planId : null)
  const whoami = useWhoami()
  const seen = useRef(commitmentsVersion())

  const refresh = () => {
    seen.current = commitmentsVersion()
    return Promise.all([plan.reload(), ratings.refresh()])
  }
  useDidShow(() => {
    if (commitmentsVersion() !== seen.current) void refresh()
  })
  usePullToRefresh(refresh)
  useReachBottom(() => {
    if (ratings.hasMore && !ratings.moreError) void ratings.loadMore()
  })
  useShareAppMessage(() => ({
    title: plan.data ? `${plan.data.card.name} ${monthLabel(plan.data.month)}的承诺` : '党员承诺',
    path: withQuery(COMMITMENT_ROUTES.plan, { id: planId ?? undefined }),
  }))

  if (plan.status === 'loading') {
    return (
      <View className='commitment-plan commitment-plan--loading'>
        <LoadingState text='正在加载承诺…' />
      </View>
    )
  }
  if (!plan.data) {
    const notFound = plan.error?.code === 'COMMITMENT.NOT_FOUND'
    return (
      <View className='commitment-plan commitment-plan--error'>
        {notFound || !plan.error ? (
          <EmptyState title='没有找到这份承诺' hint={plan.error?.message ?? '可能还没有公示。'}>
            <Button className='app-button app-button--block' onClick={() => void Taro.redirectTo({ url: ROUTES.commitmentBoard })}>
              去看本支部承诺榜
            </Button>
          </EmptyState>
        ) : (
          <CallErrorView error={plan.error} onRetry={() => void plan.reload()} />
        )}
      </View>
    )
  }

  const p = plan.data
  const changed = (next: CommitmentPlanDetail) => {
    seen.current = commitmentsVersion()
    plan.replace(next)
  }
  const rated = (next: CommitmentPlanDetail) => {
    changed(next)
    void ratings.refresh()
  }
  const secretary = whoami.data?.profile?.role === 'secretary' && whoami.data.branch?.id === p.branchId

  return (
    <View className={`commitment-plan commitment-plan--${p.status}`}>
      <View className='commitment-plan__hero'>
        <Text className='commitment-plan__kicker'>
          {p.branchName} · {monthLabel(p.month)}
        </Text>
        <View className='commitment-plan__card'>
          <CommitmentMemberCard card={p.card} size='full' />
        </View>
      </View>

      {p.status !== 'published' ? (
        <View className='commitment-plan__notice'>
          <Text className='commitment-plan__notice-title'>{COMMITMENT_PLAN_STATUS_LABELS[p.status]}</Text>
          <Text className='commitment-plan__notice-text'>
            {p.status === 'returned' && p.returnReason ? `退回原因：${p.returnReason}` : '这份承诺还没有公示，只有本人和支部书记能看到。'}
          </Text>
        </View>
      ) : null}

      {p.status === 'published' ? (
        <View className='app-card commitment-plan__figures'>
          <Text className='app-card__title'>本月情况</Text>
          <CommitmentFigures figures={p.figures} />
        </View>
      ) : null}

      {p.items.map((item, i) => (
        <CommitmentItem key={item.itemId} item={item} index={i}>
          <CommitmentItemForms planId={p.planId} item={item} actions={p.itemActions[item.itemId] ?? []} onChanged={changed} />
        </CommitmentItem>
      ))}

      {p.actions.includes('rate') ? <CommitmentRateForm key={p.planId} plan={p} onRated={rated} /> : null}
      {p.status === 'published' ? <CommitmentRatings list={ratings} planId={p.planId} canReply={secretary} /> : null}
      {!p.actions.includes('rate') && p.status === 'published' && p.phase !== 'due' ? (
        <Text className='commitment-plan__rate-hint'>本支部的群众和党员可以评议；加入支部后就能评议。</Text>
      ) : null}

      <Button
        className='app-button app-button--secondary app-button--block commitment-plan__to-board'
        onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.commitmentBoard, { branchId: p.branchId, month: p.month }) })}
      >
        看本支部 {monthLabel(p.month)} 承诺榜
      </Button>
      {plan.error ? <Text className='commitment-plan__stale'>刷新没有成功：{plan.error.message}</Text> : null}
    </View>
  )
}
