import { Text, View } from '@tarojs/components'
import './option-group.scss'

export interface OptionGroupOption<V extends string> {
  value: V
  label: string
  /** One line under the label saying what choosing it means. */
  hint?: string
}

export interface OptionGroupProps<V extends string> {
  options: OptionGroupOption<V>[]
  value: V
  onChange: (value: V) => void
  /**
   * `row`: side by side (short labels, e.g. list tabs), two to a line from four options on;
   * `column`: stacked with hints.
   */
  layout?: 'row' | 'column'
  className?: string
}

/** From this many options a row goes two by two: four chips on one line are too narrow for big text. */
const GRID_FROM = 4

/**
 * A choice of one among a few, as big buttons (no tiny radio dots): the chosen one is filled and says
 * ✓. Each option carries `<block>__option--<value>` so it can be found by what it means.
 */
export function OptionGroup<V extends string>({ options, value, onChange, layout = 'row', className }: OptionGroupProps<V>) {
  const grid = layout === 'row' && options.length >= GRID_FROM
  return (
    <View className={['option-group', `option-group--${layout}`, grid ? 'option-group--grid' : '', className].filter(Boolean).join(' ')}>
      {options.map((o) => {
        const selected = o.value === value
        return (
          <View
            key={o.value}
            className={`option-group__option option-group__option--${o.value}${selected ? ' option-group__option--selected' : ''}`}
            onClick={() => onChange(o.value)}
          >
            <Text className='option-group__label'>
              {selected && layout === 'column' ? '✓ ' : ''}
              {o.label}
            </Text>
            {o.hint && layout === 'column' ? <Text className='option-group__hint'>{o.hint}</Text> : null}
          </View>
        )
      })}
    </View>
  )
}
