import { Text, View } from '@tarojs/components'
import './rating-row.scss'

export interface RatingRowProps {
  /** Modifier for the block (`rating-row--attitude`), so a row can be found by what it rates. */
  name: string
  label: string
  /** 0 = not scored yet. */
  value: number
  /** Stars shown (default 5). */
  max?: number
  /** The word for each score, index 0 = 1 star (很不满意 … 很满意). */
  words?: readonly string[]
  /** Said when nothing is chosen yet. */
  placeholder?: string
  error?: string
  disabled?: boolean
  onChange: (value: number) => void
  className?: string
}

/**
 * One line of a 评议表: a label and a row of big stars (each a tap target ≥ 56 pt), with what the
 * chosen score means spelled out next to the label. Tapping a star sets that score — tapping the chosen
 * star again keeps it (NutUI's Rate clears a single star, which an unsteady finger does by accident).
 * In the browser each star is a radio (`role="radio"`, `aria-checked`, `aria-label`), the row a
 * radiogroup; the mini-program reads the visible words. Class hooks: `rating-row--<name>`,
 * `rating-row__star--<n>`, `rating-row__star--on` (filled), `rating-row__star--chosen` (the score).
 */
export function RatingRow({ name, label, value, max = 5, words, placeholder = '请点星打分', error, disabled, onChange, className }: RatingRowProps) {
  const stars = Array.from({ length: max }, (_, i) => i + 1)
  const word = value > 0 ? words?.[value - 1] : undefined
  const cls = [
    'rating-row',
    `rating-row--${name}`,
    value > 0 ? 'rating-row--scored' : 'rating-row--empty',
    error ? 'rating-row--invalid' : '',
    disabled ? 'rating-row--disabled' : '',
    className,
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <View className={cls}>
      <View className='rating-row__head'>
        <Text className='rating-row__label'>{label}</Text>
        <Text className='rating-row__value'>{value > 0 ? `${value} 分${word ? ` · ${word}` : ''}` : placeholder}</Text>
      </View>
      <View className='rating-row__stars' role='radiogroup' aria-label={label}>
        {stars.map((n) => {
          const on = n <= value
          return (
            <View
              key={n}
              className={`rating-row__star rating-row__star--${n}${on ? ' rating-row__star--on' : ''}${n === value ? ' rating-row__star--chosen' : ''}`}
              role='radio'
              aria-checked={n === value ? 'true' : 'false'}
              aria-label={`${label} ${n} 分${words?.[n - 1] ? `，${words[n - 1]}` : ''}`}
              aria-disabled={disabled ? 'true' : 'false'}
              hoverClass={disabled ? 'none' : 'rating-row__star--pressed'}
              onClick={() => {
                if (!disabled && n !== value) onChange(n)
              }}
            >
              <Text className='rating-row__star-icon'>{on ? '★' : '☆'}</Text>
            </View>
          )
        })}
      </View>
      {error ? <Text className='rating-row__error'>{error}</Text> : null}
    </View>
  )
}
