import { Text, View } from '@tarojs/components'
import './char-counter.scss'

export interface CharCounterProps {
  /** What is in the box now. */
  value: string
  /** The box's limit: the input stops taking characters there (a paste is cut). */
  max: number
  className?: string
}

/**
 * `12/60` under a limited box, and at the limit a line saying so: a box that stops taking characters, or
 * cuts a paste, must never do it silently.
 */
export function CharCounter({ value, max, className }: CharCounterProps) {
  const full = value.length >= max
  return (
    <View className={['char-counter', full ? 'char-counter--full' : '', className].filter(Boolean).join(' ')}>
      {full ? <Text className='char-counter__note'>最多 {max} 个字，多出的部分不会保留</Text> : <View />}
      <Text className='char-counter__count'>
        {value.length}/{max}
      </Text>
    </View>
  )
}
