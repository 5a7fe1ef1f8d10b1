import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './error-note.scss'

export interface ErrorNoteProps {
  message: string
  /** What can be done about it (e.g. the way to sign in). */
  children?: ReactNode
  /** Where it sits is the caller's: its margins come with this class. */
  className?: string
}

/** A refusal inside a page that stays (a form that was not sent): the message in a red-edged box. */
export function ErrorNote({ message, children, className }: ErrorNoteProps) {
  return (
    <View className={['error-note', className].filter(Boolean).join(' ')}>
      <Text className='error-note__text'>{message}</Text>
      {children}
    </View>
  )
}
