import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './form-field.scss'

export interface FormFieldProps {
  /** The bold line above; left out where a card's title already names what follows. */
  label?: string
  /** A quieter line under the label: what to enter, or what becomes of it. */
  hint?: string
  /** What to fix, under the control; marks the field `form-field--invalid` (a refused form scrolls there). */
  error?: string
  /** The control(s): an Input, a picker, a group of options. */
  children?: ReactNode
  className?: string
}

/** One field of a form: label, hint, the control, and the message when it is refused. */
export function FormField({ label, hint, error, children, className }: FormFieldProps) {
  return (
    <View className={['form-field', error ? 'form-field--invalid' : '', className].filter(Boolean).join(' ')}>
      {label ? <Text className='form-field__label'>{label}</Text> : null}
      {hint ? <Text className='form-field__hint'>{hint}</Text> : null}
      {children}
      {error ? <Text className='form-field__error'>{error}</Text> : null}
    </View>
  )
}

/** What a form hands `Taro.pageScrollTo` to bring its first refused field into view. */
export const INVALID_FIELD_SELECTOR = '.form-field--invalid'
