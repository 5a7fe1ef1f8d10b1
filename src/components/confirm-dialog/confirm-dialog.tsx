import { useEffect, useState, type ReactNode } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import { CharCounter } from '../char-counter'
import { Dialog } from '@nutui/nutui-react-taro'
import { REASON_MAX } from '@contracts/rules'
import './confirm-dialog.scss'

export interface ConfirmDialogProps {
  visible: boolean
  title: string
  /** The sentence that says what will happen. */
  message?: string
  /** Extra content between the message and the reason (e.g. a list to pick from). */
  children?: ReactNode
  confirmText: string
  /** What the confirm button says while the action runs. */
  submittingText?: string
  /** The button that closes without doing anything; 取消 unless that would read as the action (取消党课). */
  cancelText?: string
  /**
   * Asks for a reason (kept with the record) and refuses to confirm without one unless `optional`; at
   * most REASON_MAX characters unless told.
   */
  reason?: { label: string; placeholder?: string; maxLength?: number; optional?: boolean }
  /** Confirm stays disabled (e.g. nobody picked yet). */
  confirmDisabled?: boolean
  submitting?: boolean
  /** The server's message when it refused; the dialog stays open. */
  error?: string | null
  /** `danger`: the confirm button reads as destructive (cancel a lecture, remove a person). */
  tone?: 'normal' | 'danger'
  onConfirm: (reason: string) => void
  onCancel: () => void
  className?: string
}

/**
 * "Are you sure?" with the consequence in words, optionally with a required reason. Nothing happens
 * until the confirm button; a refusal is shown inside and the dialog stays open.
 */
export function ConfirmDialog({
  visible,
  title,
  message,
  children,
  confirmText,
  submittingText = '正在处理…',
  cancelText = '取消',
  reason,
  confirmDisabled,
  submitting,
  error,
  tone = 'normal',
  onConfirm,
  onCancel,
  className,
}: ConfirmDialogProps) {
  const [text, setText] = useState('')
  const [missing, setMissing] = useState(false)
  useEffect(() => {
    if (visible) {
      setText('')
      setMissing(false)
    }
  }, [visible])

  const confirm = () => {
    if (reason && !reason.optional && !text.trim()) {
      setMissing(true)
      return
    }
    onConfirm(text.trim())
  }

  const footer = (
    <View className='confirm-dialog__footer'>
      <Button
        className={`app-button app-button--block confirm-dialog__confirm${tone === 'danger' ? ' confirm-dialog__confirm--danger' : ''}`}
        disabled={Boolean(submitting || confirmDisabled)}
        onClick={confirm}
      >
        {submitting ? submittingText : confirmText}
      </Button>
      <Button className='app-button app-button--secondary app-button--block confirm-dialog__cancel' onClick={onCancel}>
        {cancelText}
      </Button>
    </View>
  )

  return (
    <Dialog
      className={['confirm-dialog', className].filter(Boolean).join(' ')}
      visible={visible}
      title={title}
      footer={footer}
      closeOnOverlayClick={!submitting}
      onClose={onCancel}
      onOverlayClick={() => {
        if (!submitting) onCancel()
        return false
      }}
    >
      <View className='confirm-dialog__body'>
        {message ? <Text className='confirm-dialog__message'>{message}</Text> : null}
        {children}
        {reason ? (
          <View className='confirm-dialog__field'>
            <Text className='confirm-dialog__label'>{reason.label}</Text>
            <Input
              className={`confirm-dialog__reason${missing ? ' confirm-dialog__reason--invalid' : ''}`}
              type='text'
              value={text}
              maxlength={reason.maxLength ?? REASON_MAX}
              placeholder={reason.placeholder ?? '请填写'}
              onInput={(e) => {
                setText(e.detail.value)
                if (e.detail.value.trim()) setMissing(false)
              }}
            />
            <CharCounter value={text} max={reason.maxLength ?? REASON_MAX} />
            {missing ? <Text className='confirm-dialog__field-error'>请填写{reason.label}</Text> : null}
          </View>
        ) : null}
        {error ? <Text className='confirm-dialog__error'>{error}</Text> : null}
      </View>
    </Dialog>
  )
}
