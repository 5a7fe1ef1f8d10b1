export { AudienceBadge, type AudienceBadgeProps } from './audience-badge'
