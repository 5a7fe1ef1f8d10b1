import { Text } from '@tarojs/components'
import { ROLE_LABELS, type Role } from '@contracts/rules'
import './role-badge.scss'

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role]
}

export interface RoleBadgeProps {
  role: Role
  className?: string
}

/** 书记 / 党员 / 群众, coloured by role; the text alone carries the meaning. */
export function RoleBadge({ role, className }: RoleBadgeProps) {
  const cls = ['role-badge', `role-badge--${role}`, className].filter(Boolean).join(' ')
  return <Text className={cls}>{ROLE_LABELS[role]}</Text>
}
