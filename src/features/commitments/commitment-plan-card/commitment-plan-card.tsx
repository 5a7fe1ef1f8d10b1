import { Text, View } from '@tarojs/components'
import type { CommitmentPlanSummary } from '@contracts'
import { COMMITMENT_CATEGORY_LABELS, COMMITMENT_OUTCOME_LABELS } from '@contracts/rules'
import { CommitmentMemberCard } from '../commitment-member-card'
import './commitment-plan-card.scss'

export interface CommitmentPlanCardProps {
  plan: CommitmentPlanSummary
  /** Opens the member's page; absent on a display that is not tapped (projector, print). */
  onOpen?: (planId: string) => void
  className?: string
}

/**
 * One member's month on the board: the card, each item with its category, 已修改 N 次, progress or
 * outcome (未兑现 and 逾期 in red: 晒问题), and the member's 兑现率 and 满意度.
 */
export function CommitmentPlanCard({ plan, onOpen, className }: CommitmentPlanCardProps) {
  const f = plan.figures
  return (
    <View
      className={['app-card', 'commitment-plan-card', onOpen ? 'commitment-plan-card--link' : '', className].filter(Boolean).join(' ')}
      onClick={onOpen ? () => onOpen(plan.planId) : undefined}
    >
      <CommitmentMemberCard card={plan.card} />
      <View className='commitment-plan-card__items'>
        {plan.items.map((item, i) => (
          <View key={item.itemId} className='commitment-plan-card__item'>
            <Text className='commitment-plan-card__text'>
              {i + 1}. 【{COMMITMENT_CATEGORY_LABELS[item.category]}】{item.text}
            </Text>
            <View className='commitment-plan-card__marks'>
              {item.outcome ? (
                <Text className={`commitment-plan-card__mark commitment-plan-card__outcome commitment-plan-card__outcome--${item.outcome.outcome}`}>
                  {COMMITMENT_OUTCOME_LABELS[item.outcome.outcome]}
                </Text>
              ) : (
                <Text className='commitment-plan-card__mark commitment-plan-card__percent'>进度 {item.percent}%</Text>
              )}
              {item.revisions > 0 ? <Text className='commitment-plan-card__mark commitment-plan-card__revised'>已修改 {item.revisions} 次</Text> : null}
            </View>
          </View>
        ))}
      </View>
      <View className='commitment-plan-card__foot'>
        <Text className='commitment-plan-card__figures'>
          兑现率 {f.fulfilmentRate === null ? '—' : `${f.fulfilmentRate}%`} · 满意度 {f.satisfactionRate === null ? '暂无评议' : `${f.satisfactionRate}%`}
        </Text>
        {onOpen ? <Text className='commitment-plan-card__more'>查看详情 ›</Text> : null}
      </View>
    </View>
  )
}
