import { Text, View } from '@tarojs/components'
import type { RatingSummary } from '@contracts'
import { DIMENSION_LABELS, RATING_DIMENSIONS, SCORES } from '@contracts/rules'
import { ScoreBars } from '@/components/score-bars'
import { formatMoment } from '@/utils/beijing-time'
import { formatPercent, formatScore } from '../rules/rating-format.rules'
import { attendanceTally, waitingLines } from '../rules/rating-waiting.rules'
import { NotRatedList } from './not-rated-list'
import './rating-report.scss'

export interface RatingReportProps {
  summary: RatingSummary
  /** When rating closes (for the secretary's "remind them" line); omitted while unknown. */
  closesAtText?: string
}

/** Highest score first, as people read a rating scale. */
const SCORES_DOWN = [...SCORES].reverse()

/**
 * A lecture's anonymous report: the overall average, who responded, each dimension's average with its
 * 1–5 distribution as bars, the comments (texts only, no names, no order that hints at who), and — only
 * when the server sends it, i.e. to the branch secretary — who was there and has not rated yet.
 */
export function RatingReport({ summary: s, closesAtText }: RatingReportProps) {
  return (
    <View className='rating-report'>
      <View className='app-card rating-report__overview'>
        <View className='rating-report__overall'>
          <Text className='rating-report__overall-label'>综合平均分</Text>
          <View className='rating-report__overall-line'>
            <Text className='rating-report__overall-value'>{formatScore(s.overallAverage)}</Text>
            <Text className='rating-report__overall-max'> / 5 分</Text>
          </View>
        </View>
        <View className='rating-report__stats'>
          <View className='rating-report__stat rating-report__count'>
            <Text className='rating-report__stat-label'>评议人数</Text>
            <Text className='rating-report__stat-value'>{s.count} 人</Text>
          </View>
          <View className='rating-report__stat rating-report__response'>
            <Text className='rating-report__stat-label'>参评率</Text>
            <Text className='rating-report__stat-value'>
              {s.count} / {s.attendees} 人，{formatPercent(s.responseRate)}
            </Text>
            {/* The lecture page's 已签到 counts the speaker too; say why this number can be one less. */}
            <Text className='rating-report__stat-note rating-report__response-note'>（到场者，不含主讲人）</Text>
          </View>
        </View>
        {waitingLines(s, closesAtText ?? formatMoment(s.ratingClosesAt)).map((line) => (
          <Text key={line.kind} className={`app-card__hint rating-report__${line.kind}`}>
            {line.text}
          </Text>
        ))}
      </View>

      <View className='app-card rating-report__dimensions'>
        <Text className='app-card__title'>各项评分</Text>
        {RATING_DIMENSIONS.map((d) => {
          const dim = s.dimensions[d]
          return (
            <View key={d} className={`rating-report__dimension rating-report__dimension--${d}`}>
              <View className='rating-report__dimension-head'>
                <Text className='rating-report__dimension-label'>{DIMENSION_LABELS[d]}</Text>
                <Text className='rating-report__average'>{formatScore(dim.average)} 分</Text>
              </View>
              <ScoreBars
                className='rating-report__bars'
                max={s.count}
                bars={SCORES_DOWN.map((score) => ({ key: String(score), label: `${score} 分`, value: dim.distribution[score - 1] ?? 0 }))}
              />
            </View>
          )
        })}
      </View>

      <View className='app-card rating-report__comments'>
        <Text className='app-card__title'>评语（{s.comments.length} 条）</Text>
        <Text className='app-card__hint rating-report__comments-hint'>不显示是谁写的，按文字排序。</Text>
        {s.comments.length === 0 ? <Text className='rating-report__no-comments'>这次没有人写评语。</Text> : null}
        {s.comments.map((c, i) => (
          <View key={`${i}-${c.slice(0, 8)}`} className='rating-report__comment'>
            <Text className='rating-report__comment-text'>{c}</Text>
          </View>
        ))}
      </View>

      {s.notRated ? <NotRatedList notRated={s.notRated} closesAtText={s.ratingClosed ? undefined : closesAtText} tally={attendanceTally(s, s.notRated.length)} /> : null}
    </View>
  )
}
