import { Textarea } from '@tarojs/components'
import { CharCounter } from '@/components/char-counter'
import { FormField } from '@/components/form-field'
import './commitment-note-field.scss'

export interface CommitmentNoteFieldProps {
  label: string
  hint?: string
  error?: string
  value: string
  maxLength: number
  placeholder?: string
  onInput: (value: string) => void
  className?: string
  /** On the box itself, so a test (or a scroll) can find it. */
  inputClassName?: string
}

/** Several lines of text with its counter (a note, the evidence, a comment), as big as the other boxes. */
export function CommitmentNoteField({ label, hint, error, value, maxLength, placeholder, onInput, className, inputClassName }: CommitmentNoteFieldProps) {
  return (
    <FormField className={className} label={label} hint={hint} error={error}>
      <Textarea
        className={['commitment-note-field__box', error ? 'commitment-note-field__box--invalid' : '', inputClassName].filter(Boolean).join(' ')}
        value={value}
        maxlength={maxLength}
        autoHeight
        placeholder={placeholder}
        onInput={(e) => onInput(e.detail.value)}
      />
      <CharCounter value={value} max={maxLength} />
    </FormField>
  )
}
