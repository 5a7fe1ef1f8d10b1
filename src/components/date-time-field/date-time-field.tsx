import { Picker, Text, View } from '@tarojs/components'
import { FormField } from '../form-field'
import './date-time-field.scss'

export interface DateTimeFieldProps {
  mode: 'date' | 'time'
  label: string
  /** `YYYY-MM-DD` or `HH:mm`; empty when not chosen yet. */
  value: string
  placeholder: string
  /** Earliest date selectable (`YYYY-MM-DD`), date mode only. */
  start?: string
  error?: string
  onChange: (value: string) => void
  className?: string
}

/**
 * A date or time chosen, never typed: the native picker wheel in the mini-program; in the browser the
 * browser's own date/time input (Taro's web picker is a touch-only wheel that a mouse on a secretary's
 * PC cannot turn). Either way the value is the wall-clock text; the form reads it as Beijing time.
 */
export function DateTimeField({ mode, label, value, placeholder, start, error, onChange, className }: DateTimeFieldProps) {
  const boxClass = `date-time-field__box${error ? ' date-time-field__box--invalid' : ''}`
  return (
    <FormField className={['date-time-field', `date-time-field--${mode}`, className].filter(Boolean).join(' ')} label={label} error={error}>
      {process.env.TARO_ENV === 'h5' ? (
        <input
          className={`${boxClass} date-time-field__native`}
          type={mode}
          value={value}
          min={mode === 'date' && start ? start : undefined}
          aria-label={label}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      ) : (
        <Picker mode={mode} value={value} start={start || undefined} onChange={(e) => onChange(String(e.detail.value))}>
          <View className={boxClass}>
            <Text className={`date-time-field__value${value ? '' : ' date-time-field__value--empty'}`}>{value || placeholder}</Text>
            <Text className='date-time-field__chevron'>›</Text>
          </View>
        </Picker>
      )}
    </FormField>
  )
}
