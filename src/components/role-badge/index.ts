export { RoleBadge, ROLE_LABELS, roleLabel, type RoleBadgeProps } from './role-badge'
