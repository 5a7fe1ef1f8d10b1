import { Text, View } from '@tarojs/components'
import type { LectureView } from '@contracts'
import { AudienceBadge } from '../audience-badge'
import { LectureStatusBadge } from '../lecture-status-badge'
import './lecture-card.scss'

export interface LectureCardProps {
  lecture: LectureView
  /** The lecture's time, already formatted in Beijing time by the page. */
  timeText: string
  /** Show how many checked in (past lectures). */
  showCount?: boolean
  /**
   * What is happening now, decided by the page from the time: 进行中 (`underway`) or 签到中
   * (`checkingIn`); absent at any other time.
   */
  live?: { text: string; tone: 'underway' | 'checkingIn' } | null
  onOpen: (lecture: LectureView) => void
}

/** One lecture in a list: the whole card is the tap target. */
export function LectureCard({ lecture, timeText, showCount, live, onOpen }: LectureCardProps) {
  const cancelled = lecture.status === 'cancelled'
  return (
    <View
      className={`lecture-card lecture-card--${lecture.status}${live ? ' lecture-card--live' : ''}`}
      hoverClass='lecture-card--pressed'
      onClick={() => onOpen(lecture)}
    >
      <View className='lecture-card__badges'>
        <AudienceBadge audience={lecture.audience} fromOtherBranch={lecture.fromOtherBranch} branchName={lecture.branchName} />
        {lecture.status !== 'published' ? <LectureStatusBadge status={lecture.status} className='lecture-card__status' /> : null}
        {live ? <Text className={`lecture-card__live lecture-card__live--${live.tone}`}>{live.text}</Text> : null}
      </View>
      <Text className='lecture-card__title'>{lecture.title}</Text>
      <Text className='lecture-card__line lecture-card__time'>时间：{timeText}</Text>
      <Text className='lecture-card__line lecture-card__place'>地点：{lecture.location.name}</Text>
      <Text className='lecture-card__line lecture-card__speaker'>主讲：{lecture.speaker.name}</Text>
      {cancelled && lecture.cancelReason ? (
        <Text className='lecture-card__line lecture-card__cancel-reason'>取消原因：{lecture.cancelReason}</Text>
      ) : null}
      <View className='lecture-card__foot'>
        {showCount && !cancelled ? <Text className='lecture-card__count'>签到 {lecture.checkinCount} 人</Text> : <Text />}
        <Text className='lecture-card__more'>查看详情 ›</Text>
      </View>
    </View>
  )
}
