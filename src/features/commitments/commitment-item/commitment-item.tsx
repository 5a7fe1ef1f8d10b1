import { useState, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { CommitmentItemView } from '@contracts'
import { COMMITMENT_CATEGORY_LABELS, COMMITMENT_OUTCOME_LABELS } from '@contracts/rules'
import { formatMoment } from '@/utils/beijing-time'
import { CommitmentPhotos } from '../commitment-photos'
import './commitment-item.scss'

export interface CommitmentItemProps {
  item: CommitmentItemView
  index: number
  /** The author's forms for this item (修改, 晒进度, 晒业绩), under what it shows. */
  children?: ReactNode
  className?: string
}

/**
 * One commitment as the public reads it: its text, category and measure; 已修改 N 次 with every earlier
 * version and its reason one tap away; progress newest first; the outcome, with the reason when it was
 * not kept in full (晒问题).
 */
export function CommitmentItem({ item, index, children, className }: CommitmentItemProps) {
  const [history, setHistory] = useState(false)
  const outcome = item.outcome
  const problem = outcome && outcome.outcome !== 'kept'
  return (
    <View className={['app-card', 'commitment-item', className].filter(Boolean).join(' ')}>
      <Text className='commitment-item__category'>
        第 {index + 1} 条 · {COMMITMENT_CATEGORY_LABELS[item.category]}
      </Text>
      <Text className='commitment-item__text'>{item.text}</Text>
      <Text className='commitment-item__measure'>衡量标准：{item.measure}</Text>

      {item.revisions > 0 ? (
        <View className='commitment-item__revisions'>
          <Text className='commitment-item__revised' onClick={() => setHistory((h) => !h)}>
            已修改 {item.revisions} 次 · {history ? '收起修改记录' : '查看修改记录'}
          </Text>
          {history ? (
            <View className='commitment-item__history'>
              {[...item.versions].reverse().map((v) => (
                <View key={v.version} className='commitment-item__version'>
                  <Text className='commitment-item__version-head'>
                    第 {v.version} 版{v.version === item.version ? '（现在）' : ''} · {formatMoment(v.at)}
                  </Text>
                  <Text className='commitment-item__version-text'>
                    【{COMMITMENT_CATEGORY_LABELS[v.category]}】{v.text}
                  </Text>
                  <Text className='commitment-item__version-measure'>衡量标准：{v.measure}</Text>
                  {v.reason ? <Text className='commitment-item__version-reason'>修改原因：{v.reason}</Text> : null}
                </View>
              ))}
            </View>
          ) : null}
        </View>
      ) : null}

      {outcome ? (
        <View className={`commitment-item__outcome commitment-item__outcome--${outcome.outcome}`}>
          <Text className='commitment-item__outcome-label'>{COMMITMENT_OUTCOME_LABELS[outcome.outcome]}</Text>
          {outcome.evidence ? <Text className='commitment-item__outcome-evidence'>{outcome.evidence}</Text> : null}
          {problem && outcome.reason ? <Text className='commitment-item__outcome-reason'>原因：{outcome.reason}</Text> : null}
          <CommitmentPhotos photos={outcome.photos} />
        </View>
      ) : null}

      <View className='commitment-item__progress'>
        <View className='commitment-item__bar'>
          <View className='commitment-item__bar-fill' style={{ width: `${item.percent}%` }} />
        </View>
        <Text className='commitment-item__percent'>进度 {item.percent}%</Text>
      </View>
      {item.progress.map((p, i) => (
        <View key={`${p.at}-${i}`} className='commitment-item__note'>
          <Text className='commitment-item__note-head'>
            {formatMoment(p.at)} · {p.percent}%
          </Text>
          <Text className='commitment-item__note-text'>{p.note}</Text>
          <CommitmentPhotos photos={p.photos} />
        </View>
      ))}
      {children}
    </View>
  )
}
