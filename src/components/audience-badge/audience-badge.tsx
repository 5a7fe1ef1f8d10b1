import { Text, View } from '@tarojs/components'
import type { Audience } from '@contracts'
import './audience-badge.scss'

export interface AudienceBadgeProps {
  audience: Audience
  /** The lecture belongs to another branch (the caller sees it because it is open). */
  fromOtherBranch: boolean
  branchName: string
  className?: string
}

/** Who the lecture is for: 本支部, 开放党课, or 开放党课 + 来自「X」 for another branch's open lecture. */
export function AudienceBadge({ audience, fromOtherBranch, branchName, className }: AudienceBadgeProps) {
  const cls = ['audience-badge', className].filter(Boolean).join(' ')
  if (audience === 'branch' && !fromOtherBranch) {
    return (
      <View className={cls}>
        <Text className='audience-badge__tag audience-badge__tag--branch'>本支部</Text>
      </View>
    )
  }
  return (
    <View className={cls}>
      <Text className='audience-badge__tag audience-badge__tag--open'>开放党课</Text>
      {fromOtherBranch ? <Text className='audience-badge__tag audience-badge__tag--other'>来自「{branchName}」</Text> : null}
    </View>
  )
}
