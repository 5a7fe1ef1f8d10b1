import { Input } from '@tarojs/components'
import { CharCounter } from '../char-counter'
import { FormField } from '../form-field'
import './text-field.scss'

export interface TextFieldProps {
  label?: string
  hint?: string
  /** What to fix; the box turns red and the message shows under it. */
  error?: string
  value: string
  onInput: (value: string) => void
  /** `number` brings up the digit keyboard. */
  type?: 'text' | 'number'
  maxLength: number
  /**
   * `12/60` under the box and a line at the limit, so nothing is cut silently. On for text; a number
   * (a phone, minutes) has a fixed shape that its own message explains.
   */
  counter?: boolean
  placeholder?: string
  /** On the field (label, box, message). */
  className?: string
  /** On the box itself (in H5 a real <input> is inside it, which browser tests fill). */
  inputClassName?: string
}

/** A FormField whose control is one line typed by hand, in a box big enough for older readers. */
export function TextField({ label, hint, error, value, onInput, type = 'text', maxLength, counter = type === 'text', placeholder, className, inputClassName }: TextFieldProps) {
  return (
    <FormField className={className} label={label} hint={hint} error={error}>
      <Input
        className={['text-field', error ? 'text-field--invalid' : '', inputClassName].filter(Boolean).join(' ')}
        type={type}
        value={value}
        maxlength={maxLength}
        placeholder={placeholder}
        onInput={(e) => onInput(e.detail.value)}
      />
      {counter ? <CharCounter value={value} max={maxLength} /> : null}
    </FormField>
  )
}
