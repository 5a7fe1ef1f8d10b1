import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { LecturerReportRow } from '@contracts'
import { DIMENSION_LABELS, RATING_DIMENSIONS, RATING_THRESHOLD } from '@contracts/rules'
import { EmptyState } from '@/components/empty-state'
import { LoadingState } from '@/components/loading-state'
import { ScoreBars } from '@/components/score-bars'
import { formatScore } from '@/features/ratings/rules/rating-format.rules'
import { formatChange, lecturerTrend, type TrendChange } from '@/features/ratings/rules/lecturer-trend.rules'
import { isForbidden, useLecturerReport } from '@/features/ratings/hooks/use-rating-reports'
import { CallErrorView } from '@/features/session'
import { usePullToRefresh } from '@/features/shared/use-page-refresh'
import { ROUTES, withQuery } from '@/routes'
import { formatDay } from '@/utils/beijing-time'
import { safeDecode } from '@/utils/safe-decode'
import './index.scss'

/**
 * 历次党课评议: a speaker's published lectures, newest first, each average against the one before.
 * A speaker opens their own; the branch secretary names the speaker (`?speaker=<openid>`).
 */
export default function LecturerReportPage() {
  const router = useRouter()
  const speaker = router.params.speaker ? safeDecode(router.params.speaker) : null
  const report = useLecturerReport(speaker)

  usePullToRefresh(report.reload)

  const r = report.data
  const trend = r ? lecturerTrend(r.lectures) : null
  return (
    <View className='lecturer-report'>
      <View className='lecturer-report__head'>
        <Text className='lecturer-report__kicker'>历次党课评议</Text>
        <Text className='lecturer-report__title'>{r ? `主讲人：${r.speakerName || '—'}` : ' '}</Text>
        {r && r.lectures.length > 0 ? <Text className='lecturer-report__sub'>共 {r.lectures.length} 场，最近的在前</Text> : null}
      </View>

      {report.status === 'loading' ? <LoadingState text='正在加载历次评议…' /> : null}

      {!r && report.status === 'error' && report.error ? (
        isForbidden(report.error) ? (
          <EmptyState className='lecturer-report__denied' title='只能查看自己主讲的党课评议' hint='书记可以查看本支部每位主讲人的评议。' />
        ) : (
          <CallErrorView error={report.error} onRetry={() => void report.reload()} />
        )
      ) : null}

      {r && r.lectures.length === 0 ? (
        <EmptyState
          className='lecturer-report__empty'
          title='还没有主讲的党课'
          hint='书记发布党课时把你设为主讲人后，每场党课的评议结果会列在这里。'
        />
      ) : null}

      {r && r.lectures.length > 0 ? (
        <View className='lecturer-report__list'>
          {report.error ? <Text className='lecturer-report__stale'>没有刷新成功：{report.error.message}</Text> : null}
          {trend && trend.meanOverall !== null ? (
            <View className='app-card lecturer-report__summary'>
              <Text className='lecturer-report__summary-label'>已显示分数的 {trend.rated} 场，综合平均</Text>
              <Text className='lecturer-report__summary-value'>{formatScore(trend.meanOverall)} 分</Text>
            </View>
          ) : null}
          {r.lectures.map((row) => (
            <LectureRow key={row.lectureId} row={row} change={trend?.changes[row.lectureId]} />
          ))}
          <Text className='lecturer-report__note'>评议满 {RATING_THRESHOLD} 人才显示分数，以保护评议人匿名。点一场党课可看详细结果。</Text>
        </View>
      ) : null}
    </View>
  )
}

function LectureRow({ row, change }: { row: LecturerReportRow; change?: TrendChange }) {
  const a = row.averages
  return (
    <View
      className={`app-card lecturer-report__lecture${a ? '' : ' lecturer-report__lecture--too-few'}`}
      hoverClass='lecturer-report__lecture--pressed'
      onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.lectureReport, { id: row.lectureId }) })}
    >
      <Text className='lecturer-report__lecture-title'>{row.title}</Text>
      <Text className='lecturer-report__lecture-when'>
        {formatDay(row.startAt)} · {row.count} 人评议
      </Text>
      {a ? (
        <>
          <ScoreBars
            className='lecturer-report__overall'
            max={5}
            bars={[{ key: 'overall', label: '综合', value: a.overall, text: `${formatScore(a.overall)} 分` }]}
          />
          {change ? <Text className={`lecturer-report__change lecturer-report__change--${change.direction}`}>{formatChange(change)}</Text> : null}
          <View className='lecturer-report__dimensions'>
            {RATING_DIMENSIONS.map((d) => (
              <View key={d} className={`lecturer-report__dimension lecturer-report__dimension--${d}`}>
                <Text className='lecturer-report__dimension-label'>{DIMENSION_LABELS[d]}</Text>
                <Text className='lecturer-report__dimension-value'>{formatScore(a[d])}</Text>
              </View>
            ))}
          </View>
        </>
      ) : (
        <Text className='lecturer-report__too-few'>评议不足 {RATING_THRESHOLD} 人，暂不显示分数</Text>
      )}
    </View>
  )
}
