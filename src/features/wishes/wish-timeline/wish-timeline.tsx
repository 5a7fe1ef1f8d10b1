import { Text, View } from '@tarojs/components'
import type { WishTimelineEntry } from '@contracts'
import { WISH_STATUS_LABELS } from '@contracts/rules'
import { formatMoment } from '@/utils/beijing-time'
import './wish-timeline.scss'

/** 经过: every step on the wish's record — when (Beijing time), who by role, from what to what, why. */
export function WishTimeline({ entries }: { entries: WishTimelineEntry[] }) {
  return (
    <View className='app-card wish-timeline'>
      <Text className='app-card__title'>经过</Text>
      {entries.map((e, i) => (
        <View key={`${e.at}-${i}`} className='wish-timeline__entry'>
          <Text className='wish-timeline__when'>{formatMoment(e.at)}</Text>
          <Text className='wish-timeline__what'>
            {e.by}：{e.from ? `${WISH_STATUS_LABELS[e.from]} → ` : ''}
            {WISH_STATUS_LABELS[e.to]}
          </Text>
          {e.reason ? <Text className='wish-timeline__reason'>原因：{e.reason}</Text> : null}
        </View>
      ))}
    </View>
  )
}
