import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { Dialog } from '@nutui/nutui-react-taro'
import type { MemberRow, Role } from '@contracts'
import { ROLE_LABELS } from '@contracts/rules'
import './role-change-dialog.scss'

const ROLES: Role[] = ['member', 'resident', 'secretary']

export interface RoleChangeDialogProps {
  /** The person whose role is being changed; the dialog is open while this is set. */
  member: MemberRow | null
  submitting?: boolean
  /** The server's message when the change was refused; the dialog stays open. */
  error?: string | null
  onCancel: () => void
  onConfirm: (role: Role) => void
}

/**
 * Pick the new role, read the sentence that says what will happen, then confirm. One dialog is both
 * the choice and the confirmation; nothing changes until 确认更改.
 */
export function RoleChangeDialog({ member, submitting, error, onCancel, onConfirm }: RoleChangeDialogProps) {
  const [target, setTarget] = useState<Role | null>(null)
  useEffect(() => setTarget(null), [member?.openid])

  const footer = (
    <View className='role-dialog__footer'>
      <Button
        className='app-button app-button--block role-dialog__confirm'
        disabled={!target || submitting}
        onClick={() => target && onConfirm(target)}
      >
        {submitting ? '正在更改…' : '确认更改'}
      </Button>
      <Button className='app-button app-button--secondary app-button--block role-dialog__cancel' onClick={onCancel}>
        取消
      </Button>
    </View>
  )

  return (
    <Dialog
      className='role-dialog'
      visible={Boolean(member)}
      title={member ? `更改「${member.name}」的身份` : ''}
      footer={footer}
      closeOnOverlayClick={!submitting}
      onClose={onCancel}
      onOverlayClick={() => {
        if (!submitting) onCancel()
        return false
      }}
    >
      {member ? (
        <View className='role-dialog__body'>
          <Text className='role-dialog__current'>现在的身份：{ROLE_LABELS[member.role]}</Text>
          <View className='role-dialog__options'>
            {ROLES.filter((r) => r !== member.role).map((r) => (
              <Button
                key={r}
                className={`role-dialog__option role-dialog__option--${r}${target === r ? ' role-dialog__option--selected' : ''}`}
                onClick={() => setTarget(r)}
              >
                {target === r ? '✓ ' : ''}设为{ROLE_LABELS[r]}
              </Button>
            ))}
          </View>
          {target ? (
            <Text className='role-dialog__summary'>
              确认把「{member.name}」从{ROLE_LABELS[member.role]}改为{ROLE_LABELS[target]}吗？
              {target === 'secretary' ? '书记可以管理成员和邀请码。' : ''}
            </Text>
          ) : (
            <Text className='role-dialog__summary role-dialog__summary--hint'>请先选择新的身份。</Text>
          )}
          {error ? <Text className='role-dialog__error'>{error}</Text> : null}
        </View>
      ) : null}
    </Dialog>
  )
}
