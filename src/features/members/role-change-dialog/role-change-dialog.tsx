import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { MemberRow, Role } from '@contracts'
import { ROLE_LABELS } from '@contracts/rules'
import { ConfirmDialog } from '@/components/confirm-dialog'
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

  return (
    <ConfirmDialog
      className='role-dialog'
      visible={Boolean(member)}
      title={member ? `更改「${member.name}」的身份` : ''}
      confirmText='确认更改'
      submittingText='正在更改…'
      confirmDisabled={!target}
      submitting={submitting}
      error={error}
      onConfirm={() => target && onConfirm(target)}
      onCancel={onCancel}
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
        </View>
      ) : null}
    </ConfirmDialog>
  )
}
