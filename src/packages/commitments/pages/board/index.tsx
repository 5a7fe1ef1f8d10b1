import { useRef, useState } from 'react'
import Taro, { useDidShow, useReachBottom, useRouter, useShareAppMessage } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { COMMITMENT_BOARD_STATUS_LABELS, beijingMonthOf } from '@contracts/rules'
import { EmptyState } from '@/components/empty-state'
import { LoadingState } from '@/components/loading-state'
import { PagedListFooter } from '@/components/paged-list-footer'
import { COMMITMENT_ROUTES } from '@/features/commitments/commitment-routes'
import { CommitmentFigures } from '@/features/commitments/commitment-figures'
import { CommitmentPanel } from '@/features/commitments/commitment-panel'
import { CommitmentPlanCard } from '@/features/commitments/commitment-plan-card'
import { commitmentsVersion } from '@/features/commitments/commitment-changes'
import { useCommitmentBoard, useCommitmentMonths } from '@/features/commitments/hooks/use-commitment-board'
import { lastResultDay, monthLabel } from '@/features/commitments/rules/commitment-month.rules'
import { useWhoami } from '@/features/members/use-whoami'
import { CallErrorView } from '@/features/session'
import { usePullToRefresh } from '@/features/shared/use-page-refresh'
import { ROUTES, withQuery } from '@/routes'
import { safeDecode } from '@/utils/safe-decode'
import './index.scss'

/**
 * 承诺榜: a branch's month (`?branchId=&month=`; absent: my branch, this Beijing month) — 亮职责, the
 * month's figures, every published plan, and 往月. Anyone signed in may read it from its link.
 */
export default function CommitmentBoardPage() {
  const router = useRouter()
  const whoami = useWhoami()
  const linked = router.params.branchId ? safeDecode(router.params.branchId) : null
  const mine = whoami.data?.branch?.id ?? null
  const branchId = linked ?? (whoami.status === 'ready' ? mine : null)
  const [month, setMonth] = useState<string | undefined>(router.params.month ? safeDecode(router.params.month) : undefined)
  const { board, plans } = useCommitmentBoard(branchId, month)
  const months = useCommitmentMonths(branchId)
  const seen = useRef(commitmentsVersion())

  const refresh = () => {
    seen.current = commitmentsVersion()
    return Promise.all([plans.refresh(), months.refresh()])
  }
  useDidShow(() => {
    if (commitmentsVersion() !== seen.current) void refresh()
  })
  usePullToRefresh(refresh)
  useReachBottom(() => {
    if (plans.hasMore && !plans.moreError) void plans.loadMore()
  })
  useShareAppMessage(() => ({
    title: board ? `${board.branchName} ${monthLabel(board.month)}党员承诺榜` : '党员承诺榜',
    path: withQuery(ROUTES.commitmentBoard, { branchId: branchId ?? undefined, month: board?.month }),
  }))

  if (!linked && whoami.status === 'ready' && !mine) {
    return (
      <View className='commitment-board commitment-board--no-branch'>
        <EmptyState title='还不知道看哪个支部' hint='扫一扫支部公示栏上的二维码，或加入支部后再来看本支部的承诺榜。'>
          <Button className='app-button app-button--block' onClick={() => void Taro.switchTab({ url: ROUTES.mine })}>
            去“我的”加入支部
          </Button>
        </EmptyState>
      </View>
    )
  }
  if (!linked && whoami.status === 'error' && whoami.error) {
    return <CallErrorView error={whoami.error} onRetry={() => void whoami.reload()} />
  }
  if (plans.status === 'loading') {
    return (
      <View className='commitment-board commitment-board--loading'>
        <LoadingState text='正在加载承诺榜…' />
      </View>
    )
  }
  if (plans.status === 'error' || !board) {
    return (
      <View className='commitment-board commitment-board--error'>
        {plans.error ? <CallErrorView error={plans.error} onRetry={() => void plans.refresh()} /> : null}
      </View>
    )
  }

  const role = whoami.data?.profile?.role
  const partyMember = board.viewer.inBranch && (role === 'member' || role === 'secretary')
  const thisMonth = beijingMonthOf(Date.now())
  const earlier = months.items.filter((m) => m.month !== board.month)
  const open = (planId: string) => void Taro.navigateTo({ url: withQuery(COMMITMENT_ROUTES.plan, { id: planId }) })

  return (
    <View className={`commitment-board commitment-board--${board.status}`}>
      <View className='commitment-board__hero'>
        <Text className='commitment-board__branch'>{board.branchName}</Text>
        <Text className='commitment-board__title'>{monthLabel(board.month)} 党员承诺榜</Text>
        <Text className='commitment-board__status'>
          {COMMITMENT_BOARD_STATUS_LABELS[board.status]}
          {board.status === 'published' ? ` · 晒业绩截至 ${lastResultDay(board.resultDeadline)}` : ''}
        </Text>
      </View>

      {month && month !== thisMonth ? (
        <Text className='commitment-board__to-now' onClick={() => setMonth(undefined)}>
          ‹ 回到本月承诺榜
        </Text>
      ) : null}

      {partyMember ? (
        <View className='commitment-board__mine'>
          <Button className='app-button app-button--block commitment-board__to-mine' onClick={() => void Taro.navigateTo({ url: COMMITMENT_ROUTES.mine })}>
            写承诺、晒进度、晒业绩
          </Button>
        </View>
      ) : null}

      {board.status !== 'unpublished' ? (
        <View className='app-card commitment-board__figures'>
          <Text className='app-card__title'>本支部{board.status === 'closed' ? '本月结果' : '目前情况'}</Text>
          <CommitmentFigures figures={board.figures} />
        </View>
      ) : null}

      <CommitmentPanel panel={board.panel} />

      {plans.items.length === 0 ? (
        <EmptyState
          className='commitment-board__empty'
          title={board.status === 'unpublished' ? '本月承诺还没有公示' : '本月还没有公示的承诺'}
          hint={
            partyMember
              ? '党员写好承诺、书记审核公示后，会列在这里。点上面的按钮写下您本月的承诺。'
              : '党员写好承诺、书记审核公示后，会列在这里，请过几天再来看看。'
          }
        />
      ) : (
        <View className='commitment-board__plans'>
          {board.viewer.inBranch ? <Text className='commitment-board__hint'>点开一位党员的承诺，可以看进度、业绩，并参与评议。</Text> : null}
          {plans.items.map((p) => (
            <CommitmentPlanCard key={p.planId} plan={p} onOpen={open} />
          ))}
          <PagedListFooter hasMore={plans.hasMore} loading={plans.loadingMore} errorMessage={plans.moreError?.message} onLoadMore={() => void plans.loadMore()} endText='本月承诺就这些' />
        </View>
      )}

      {earlier.length > 0 ? (
        <View className='app-card commitment-board__months'>
          <Text className='app-card__title'>往月承诺榜</Text>
          {earlier.map((m) => (
            <View key={m.month} className={`commitment-board__month commitment-board__month--${m.month}`} onClick={() => setMonth(m.month)}>
              <Text className='commitment-board__month-name'>{monthLabel(m.month)}</Text>
              <Text className='commitment-board__month-figures'>
                {m.plans} 人承诺 · 兑现率 {m.figures.fulfilmentRate === null ? '—' : `${m.figures.fulfilmentRate}%`} · {COMMITMENT_BOARD_STATUS_LABELS[m.status]} ›
              </Text>
            </View>
          ))}
          {months.hasMore ? (
            <PagedListFooter inline hasMore={months.hasMore} loading={months.loadingMore} errorMessage={months.moreError?.message} onLoadMore={() => void months.loadMore()} />
          ) : null}
        </View>
      ) : null}

      {plans.error ? <Text className='commitment-board__stale'>刷新没有成功：{plans.error.message}</Text> : null}
    </View>
  )
}
