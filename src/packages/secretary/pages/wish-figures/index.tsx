import { Text, View } from '@tarojs/components'
import type { WishStats } from '@contracts'
import { WISH_CATEGORIES, WISH_CATEGORY_LABELS, WISH_SATISFACTION_LABELS, WISH_SATISFACTIONS } from '@contracts/rules'
import { LoadingState } from '@/components/loading-state'
import { ScoreBars } from '@/components/score-bars'
import { SecretaryOnly, isSecretary } from '@/features/members/secretary-only'
import { useWhoami } from '@/features/members/use-whoami'
import { CallErrorView } from '@/features/session'
import { usePullToRefresh } from '@/features/shared/use-page-refresh'
import { useWishStats } from '@/features/wishes/hooks/use-wish'
import { ROUTES } from '@/routes'
import './index.scss'

/** 心愿统计 (secretary): the funnel, satisfaction, and counts by category and month, as the function keeps them. */
export default function WishFiguresPage() {
  const whoami = useWhoami()
  const stats = useWishStats()
  usePullToRefresh(() => (isSecretary(whoami.data) ? stats.reload() : whoami.reload()))

  return (
    <SecretaryOnly
      className='wish-figures'
      deniedTitle='只有支部书记可以查看心愿统计'
      deniedHint='支部的心愿统计由本支部书记查看。'
      back={{ tab: ROUTES.mine, text: '回到“我的”' }}
    >
      {() => (
        <View className='wish-figures'>
          {stats.status === 'loading' ? <LoadingState text='正在加载统计…' /> : null}
          {stats.status === 'error' && stats.error ? <CallErrorView error={stats.error} onRetry={() => void stats.reload()} /> : null}
          {stats.data ? <Figures s={stats.data} /> : null}
        </View>
      )}
    </SecretaryOnly>
  )
}

function Figures({ s }: { s: WishStats }) {
  const funnel = [
    { key: 'posted', label: '提交', value: s.funnel.posted },
    { key: 'approved', label: '通过审核', value: s.funnel.approved },
    { key: 'claimed', label: '被认领', value: s.funnel.claimed },
    { key: 'fulfilled', label: '已完成', value: s.funnel.fulfilled },
    { key: 'confirmed', label: '已确认', value: s.funnel.confirmed },
  ]
  const rated = WISH_SATISFACTIONS.reduce((n, k) => n + s.satisfaction[k], 0)
  const byCategory = WISH_CATEGORIES.map((c) => ({ key: c, label: WISH_CATEGORY_LABELS[c], value: s.byCategory[c] }))
  const maxCategory = Math.max(0, ...byCategory.map((b) => b.value))
  const maxMonth = Math.max(0, ...s.byMonth.map((m) => m.posted))
  return (
    <>
      <View className='app-card wish-figures__now'>
        <Text className='app-card__title'>现在</Text>
        <Text className='wish-figures__line wish-figures__pending'>待审核 {s.current.pending} 个 · 待认领 {s.current.open} 个</Text>
        <Text className='wish-figures__line'>已认领 {s.current.claimed} 个 · 待确认 {s.current.fulfilled} 个</Text>
      </View>
      <View className='app-card wish-figures__funnel'>
        <Text className='app-card__title'>从提交到圆梦</Text>
        <ScoreBars bars={funnel} max={Math.max(1, s.funnel.posted)} unit='个' />
        <Text className='wish-figures__line'>
          交还或超时释放 {s.returned + s.released} 次 · 书记代为确认 {s.confirmedOnBehalf} 个
        </Text>
      </View>
      <View className='app-card wish-figures__satisfaction'>
        <Text className='app-card__title'>满意度</Text>
        {rated === 0 ? (
          <Text className='wish-figures__line'>还没有心愿人确认过。</Text>
        ) : (
          <ScoreBars bars={WISH_SATISFACTIONS.map((k) => ({ key: k, label: WISH_SATISFACTION_LABELS[k], value: s.satisfaction[k] }))} max={rated} unit='个' />
        )}
      </View>
      <View className='app-card wish-figures__categories'>
        <Text className='app-card__title'>按类别</Text>
        <ScoreBars bars={byCategory} max={Math.max(1, maxCategory)} unit='个' />
      </View>
      <View className='app-card wish-figures__months'>
        <Text className='app-card__title'>按月份（提交 / 确认）</Text>
        {s.byMonth.length === 0 ? (
          <Text className='wish-figures__line'>还没有心愿。</Text>
        ) : (
          <ScoreBars
            bars={s.byMonth.map((m) => ({ key: m.month, label: m.month, value: m.posted, text: `${m.posted} / ${m.confirmed}` }))}
            max={Math.max(1, maxMonth)}
          />
        )}
      </View>
    </>
  )
}
