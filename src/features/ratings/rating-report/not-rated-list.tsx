import { Text, View } from '@tarojs/components'
import './rating-report.scss'

export interface NotRatedListProps {
  /** Attendees who have not rated, as the server sends them to the branch secretary (names only). */
  notRated: ReadonlyArray<{ name: string }>
  /** When rating closes (for the "remind them" line); omitted while unknown. */
  closesAtText?: string
  /** In the report: how the attendance its figures compare with splits up (attendanceTally). */
  tally?: string
}

/**
 * 到场但还没评议: who was there and has not rated yet, for the branch secretary to remind — inside the
 * report, and on its own while fewer than 3 have rated. It names no one next to a score.
 */
export function NotRatedList({ notRated, closesAtText, tally }: NotRatedListProps) {
  return (
    <View className='app-card rating-report__not-rated'>
      <Text className='app-card__title'>到场但还没评议（{notRated.length} 人）</Text>
      {tally ? <Text className='app-card__hint rating-report__tally'>{tally}</Text> : null}
      <Text className='app-card__hint rating-report__not-rated-hint'>
        只有书记能看到这份名单。它只说明谁还没评议，看不到任何人打了几分。
        {notRated.length > 0 && closesAtText ? `可以提醒他们在 ${closesAtText} 前评议。` : ''}
      </Text>
      {notRated.length === 0 ? <Text className='rating-report__all-rated'>到场的人都已评议。</Text> : null}
      <View className='rating-report__names'>
        {notRated.map((p, i) => (
          <Text key={`${p.name}-${i}`} className='rating-report__not-rated-name'>
            {p.name}
          </Text>
        ))}
      </View>
    </View>
  )
}
