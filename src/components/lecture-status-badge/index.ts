export { LectureStatusBadge, LECTURE_STATUS_LABELS, type LectureStatusBadgeProps } from './lecture-status-badge'
