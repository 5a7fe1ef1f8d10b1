export { LectureStatusBadge, type LectureStatusBadgeProps } from './lecture-status-badge'
