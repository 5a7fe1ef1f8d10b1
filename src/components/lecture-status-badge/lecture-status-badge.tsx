import { Text } from '@tarojs/components'
import { LECTURE_STATUS_LABELS, type LectureStatus } from '@contracts/rules'
import './lecture-status-badge.scss'

export interface LectureStatusBadgeProps {
  status: LectureStatus
  className?: string
}

/** 草稿 / 已发布 / 已取消; the words carry the meaning, the colour only helps. */
export function LectureStatusBadge({ status, className }: LectureStatusBadgeProps) {
  const cls = ['lecture-status-badge', `lecture-status-badge--${status}`, className].filter(Boolean).join(' ')
  return <Text className={cls}>{LECTURE_STATUS_LABELS[status]}</Text>
}
