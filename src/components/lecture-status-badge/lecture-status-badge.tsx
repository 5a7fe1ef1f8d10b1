import { Text } from '@tarojs/components'
import type { LectureStatus } from '@contracts'
import './lecture-status-badge.scss'

export const LECTURE_STATUS_LABELS: Record<LectureStatus, string> = {
  draft: '草稿',
  published: '已发布',
  cancelled: '已取消',
}

export interface LectureStatusBadgeProps {
  status: LectureStatus
  className?: string
}

/** 草稿 / 已发布 / 已取消; the words carry the meaning, the colour only helps. */
export function LectureStatusBadge({ status, className }: LectureStatusBadgeProps) {
  const cls = ['lecture-status-badge', `lecture-status-badge--${status}`, className].filter(Boolean).join(' ')
  return <Text className={cls}>{LECTURE_STATUS_LABELS[status]}</Text>
}
