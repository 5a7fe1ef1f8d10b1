import { Text, View } from '@tarojs/components'
import './score-bars.scss'

export interface ScoreBar {
  /** Modifier for the bar (`score-bars__bar--5`). */
  key: string
  /** What the bar is for, at its left (`5 分`, a lecture's date). */
  label: string
  value: number
  /** What is written at its right; default `<value> <unit>`. */
  text?: string
}

export interface ScoreBarsProps {
  bars: ScoreBar[]
  /** The value of a full bar (the number of ratings, or 5 for an average). */
  max: number
  /** Written after a value when a bar has no `text` (default 人). */
  unit?: string
  className?: string
}

/**
 * A horizontal bar chart of plain Views — a fill whose width is a percentage — so it looks the same in
 * the mini-program and the browser and needs no chart library. Each bar also says its value in words.
 */
export function ScoreBars({ bars, max, unit = '人', className }: ScoreBarsProps) {
  return (
    <View className={['score-bars', className].filter(Boolean).join(' ')}>
      {bars.map((b) => {
        const pct = max > 0 ? Math.max(0, Math.min(100, (b.value / max) * 100)) : 0
        return (
          <View key={b.key} className={`score-bars__bar score-bars__bar--${b.key}${b.value > 0 ? '' : ' score-bars__bar--zero'}`}>
            <Text className='score-bars__label'>{b.label}</Text>
            <View className='score-bars__track'>
              <View className='score-bars__fill' style={{ width: `${pct.toFixed(1)}%` }} />
            </View>
            <Text className='score-bars__value'>{b.text ?? `${b.value} ${unit}`}</Text>
          </View>
        )
      })}
    </View>
  )
}
