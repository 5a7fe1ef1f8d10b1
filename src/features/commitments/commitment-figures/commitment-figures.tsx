import { Text, View } from '@tarojs/components'
import type { CommitmentFigures as Figures } from '@contracts'
import './commitment-figures.scss'

const rate = (r: number | null) => (r === null ? '—' : `${r}%`)

/** 兑现率 and 满意度 with what they count: kept / partial / not kept / overdue, and how many rated. */
export function CommitmentFigures({ figures, className }: { figures: Figures; className?: string }) {
  const o = figures.outcomes
  const s = figures.satisfaction
  const rated = s.satisfied + s.basic + s.unsatisfied
  return (
    <View className={['commitment-figures', className].filter(Boolean).join(' ')}>
      <View className='commitment-figures__cell'>
        <Text className='commitment-figures__value commitment-figures__fulfilment'>{rate(figures.fulfilmentRate)}</Text>
        <Text className='commitment-figures__label'>兑现率</Text>
        <Text className='commitment-figures__detail'>
          已兑现 {o.kept} · 部分 {o.partial} · 未兑现 {o.unkept + o.overdue}
          {o.open > 0 ? ` · 待晒 ${o.open}` : ''}
        </Text>
      </View>
      <View className='commitment-figures__cell'>
        <Text className='commitment-figures__value commitment-figures__satisfaction'>{rate(figures.satisfactionRate)}</Text>
        <Text className='commitment-figures__label'>满意度</Text>
        <Text className='commitment-figures__detail'>{rated > 0 ? `${rated} 人评议 · 满意 ${s.satisfied} · 基本满意 ${s.basic} · 不满意 ${s.unsatisfied}` : '还没有人评议'}</Text>
      </View>
    </View>
  )
}
