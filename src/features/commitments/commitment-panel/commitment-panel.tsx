import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { CommitmentPanel as Panel } from '@contracts'
import './commitment-panel.scss'

const SECTIONS = [
  ['responsibilities', '职责清单'],
  ['tasks', '任务清单'],
  ['process', '服务流程'],
] as const

/** 亮职责: the branch's responsibilities, tasks, service process and hotline; nothing when it has none yet. */
export function CommitmentPanel({ panel, className }: { panel: Panel; className?: string }) {
  const empty = SECTIONS.every(([k]) => panel[k].length === 0) && !panel.hotline
  if (empty) return null
  return (
    <View className={['app-card', 'commitment-panel', className].filter(Boolean).join(' ')}>
      <Text className='app-card__title'>支部亮职责</Text>
      {SECTIONS.map(([key, label]) =>
        panel[key].length > 0 ? (
          <View key={key} className={`commitment-panel__section commitment-panel__${key}`}>
            <Text className='commitment-panel__label'>{label}</Text>
            {panel[key].map((line, i) => (
              <Text key={i} className='commitment-panel__line'>
                {key === 'process' ? `第 ${i + 1} 步：` : '· '}
                {line}
              </Text>
            ))}
          </View>
        ) : null,
      )}
      {panel.hotline ? (
        <Text className='commitment-panel__hotline' onClick={() => void Taro.makePhoneCall({ phoneNumber: panel.hotline }).catch(() => undefined)}>
          服务热线：{panel.hotline}
        </Text>
      ) : null}
    </View>
  )
}
