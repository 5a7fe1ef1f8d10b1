import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { CommitmentCard } from '@contracts'
import { RoleBadge } from '@/components/role-badge'
import './commitment-member-card.scss'

export interface CommitmentMemberCardProps {
  card: CommitmentCard
  /** `compact`: a row on the board; `full`: the head of a member's page, with the phone to call. */
  size?: 'compact' | 'full'
  className?: string
}

/** 亮身份: photo (or the profile's avatar, or the first character of the name), name, role, post, and the phone only when shown. */
export function CommitmentMemberCard({ card, size = 'compact', className }: CommitmentMemberCardProps) {
  const src = card.photo?.url || card.avatar
  return (
    <View className={['commitment-member-card', `commitment-member-card--${size}`, className].filter(Boolean).join(' ')}>
      {src ? (
        <Image className='commitment-member-card__photo' src={src} mode='aspectFill' />
      ) : (
        <View className='commitment-member-card__photo commitment-member-card__initial'>
          <Text>{card.name.slice(0, 1)}</Text>
        </View>
      )}
      <View className='commitment-member-card__body'>
        <View className='commitment-member-card__line'>
          <Text className='commitment-member-card__name'>{card.name}</Text>
          <RoleBadge role={card.role} className='commitment-member-card__role' />
        </View>
        <Text className='commitment-member-card__post'>岗位：{card.post || '未填写'}</Text>
        {card.phone && size === 'full' ? (
          <Text className='commitment-member-card__phone' onClick={() => void Taro.makePhoneCall({ phoneNumber: card.phone ?? '' }).catch(() => undefined)}>
            电话：{card.phone}
          </Text>
        ) : null}
      </View>
    </View>
  )
}
