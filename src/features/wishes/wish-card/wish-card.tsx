import { Image, Text, View } from '@tarojs/components'
import type { WishView, WishWallEntry } from '@contracts'
import { WISH_CATEGORY_LABELS, WISH_SATISFACTION_LABELS, WISH_STATUS_LABELS } from '@contracts/rules'
import './wish-card.scss'

export interface WishCardProps {
  wish: WishView
  /** Show the state (我的心愿, the queues); the open list leaves it out, every row there is 待认领. */
  showStatus?: boolean
  onOpen: (wish: WishView) => void
}

/** One wish in a list: the whole card is the tap target. Names come masked from the function. */
export function WishCard({ wish, showStatus, onOpen }: WishCardProps) {
  return (
    <View className={`wish-card wish-card--${wish.status}`} hoverClass='wish-card--pressed' onClick={() => onOpen(wish)}>
      <View className='wish-card__badges'>
        <Text className='wish-card__category'>{WISH_CATEGORY_LABELS[wish.category]}</Text>
        {showStatus ? <Text className={`wish-card__status wish-card__status--${wish.status}`}>{WISH_STATUS_LABELS[wish.status]}</Text> : null}
        {wish.fromOtherBranch ? <Text className='wish-card__branch'>来自「{wish.branchName}」</Text> : null}
      </View>
      <Text className='wish-card__title'>{wish.title}</Text>
      <Text className='wish-card__line wish-card__who'>
        心愿人：{wish.beneficiaryName}（{wish.neighbourhood}）
      </Text>
      <Text className='wish-card__line wish-card__cost'>预计花费：{wish.cost === 0 ? '不需要花钱' : `约 ${wish.cost} 元`}</Text>
      <View className='wish-card__foot'>
        <Text className='wish-card__claimer'>{wish.claimerName ? `认领人：${wish.claimerName}` : ''}</Text>
        <Text className='wish-card__more'>查看详情 ›</Text>
      </View>
    </View>
  )
}

/** One fulfilled wish on the 圆梦墙: masked names, the thanks, and the proof photo only if the poster agreed. */
export function WishWallCard({ entry }: { entry: WishWallEntry }) {
  return (
    <View className='wish-card wish-card--wall'>
      <View className='wish-card__badges'>
        <Text className='wish-card__category'>{WISH_CATEGORY_LABELS[entry.category]}</Text>
        {entry.satisfaction ? <Text className='wish-card__status wish-card__status--confirmed'>{WISH_SATISFACTION_LABELS[entry.satisfaction]}</Text> : null}
      </View>
      <Text className='wish-card__title'>{entry.title}</Text>
      <Text className='wish-card__line wish-card__who'>
        {entry.beneficiaryName} 的心愿，由 {entry.claimerName} 帮助实现
      </Text>
      <Text className='wish-card__line wish-card__branch-line'>{entry.branchName}</Text>
      {entry.thanks ? <Text className='wish-card__thanks'>“{entry.thanks}”</Text> : null}
      {entry.proofPhoto?.url ? <Image className='wish-card__photo' src={entry.proofPhoto.url} mode='aspectFill' /> : null}
    </View>
  )
}
