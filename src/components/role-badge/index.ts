export { RoleBadge, roleLabel, type RoleBadgeProps } from './role-badge'
