import { useEffect, useRef } from 'react'
import { Text, View } from '@tarojs/components'
import { Rate } from '@nutui/nutui-react-taro'
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

// NutUI's default star (@nutui/icons-react-taro) renders an <i>, which a mini-program without
// @tarojs/plugin-html has no template for: it would show nothing on the phone. Text glyphs render
// everywhere, and filled ★ and outlined ☆ differ in shape as well as colour.
const STAR_ON = <Text className='rating-row__star-icon rating-row__star-icon--on'>★</Text>
const STAR_OFF = <Text className='rating-row__star-icon'>☆</Text>

/** What a View's ref holds, as far as used here: Taro's runtime element on weapp. */
interface ElementLike {
  className?: string
  childNodes?: ArrayLike<ElementLike>
  removeAttribute?: (name: string) => void
}

/**
 * One line of a 评议表: a label, NutUI's Rate with big stars and what the score means. `min={1}` keeps a
 * re-tapped single star (NutUI would clear it). NutUI's stars carry no ARIA, so they sit in a labelled
 * `group` and the score is read from the value text, a polite live region.
 */
export function RatingRow({ name, label, value, max = 5, words, placeholder = '请点星打分', error, disabled, onChange, className }: RatingRowProps) {
  const word = value > 0 ? words?.[value - 1] : undefined
  const stars = useRef<ElementLike>(null)
  // NutUI's Rate root is a `catchMove` view: on weapp a catchtouchmove, so a scroll that starts on the
  // stars would not move the page. Removing the attribute makes Taro's runtime render a plain view again;
  // React does not put it back, as the prop it renders never changes. (In the browser NutUI's
  // `touch-action: pan-x` does the same; rating-row.scss lifts it.)
  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return
    const rate = Array.from(stars.current?.childNodes ?? []).find((n) => n.className?.split(' ').includes('nut-rate'))
    rate?.removeAttribute?.('catchMove')
  }, [])
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
        <Text className='rating-row__value' aria-live='polite'>
          {value > 0 ? `${value} 分${word ? ` · ${word}` : ''}` : placeholder}
        </Text>
      </View>
      <View className='rating-row__stars' role='group' aria-label={label} ref={stars}>
        <Rate
          className='rating-row__rate'
          count={max}
          min={1}
          value={value}
          disabled={disabled}
          checkedIcon={STAR_ON}
          uncheckedIcon={STAR_OFF}
          onChange={onChange}
        />
      </View>
      {error ? <Text className='rating-row__error'>{error}</Text> : null}
    </View>
  )
}
