import { Text, View } from '@tarojs/components'
import type { MyCheckIn } from '@contracts'
import './check-in-record.scss'

export interface CheckInRecordProps {
  record: MyCheckIn
  /** When I checked in, already formatted in Beijing time by the page. */
  atText: string
  /** When the lecture was, already formatted in Beijing time. */
  lectureTimeText: string
  onOpen: (record: MyCheckIn) => void
}

const METHOD_LABELS: Record<MyCheckIn['method'], string> = { scan: '扫码签到', manual: '书记补录' }

const FLAG_LABELS: Record<string, string> = { far: '签到时离会场较远' }

/** A note in words for each flag; one the app does not know yet is still shown, generically. */
function flagLabels(flags: readonly string[]): string[] {
  return [...new Set(flags.map((f) => FLAG_LABELS[f] ?? '这次签到有待核实'))]
}

/**
 * One of my check-ins: the lecture, when and how I checked in (a plain line, not a pill that looks
 * pressable); the whole row opens the lecture. A 补录's time is when the secretary entered it, often
 * after the lecture, so it says 书记补录于, not 签到时间. What the server noted (`far`) is said in words; it still counts.
 */
export function CheckInRecord({ record, atText, lectureTimeText, onOpen }: CheckInRecordProps) {
  const notes = flagLabels(record.flags)
  return (
    <View className={`check-in-record check-in-record--${record.method}`} hoverClass='check-in-record--pressed' onClick={() => onOpen(record)}>
      <Text className='check-in-record__title'>{record.lectureTitle}</Text>
      <Text className='check-in-record__line check-in-record__at'>{record.method === 'manual' ? `书记补录于 ${atText}` : `签到时间：${atText}`}</Text>
      <Text className={`check-in-record__line check-in-record__method check-in-record__method--${record.method}`}>方式：{METHOD_LABELS[record.method]}</Text>
      <Text className='check-in-record__line check-in-record__lecture-time'>党课时间：{lectureTimeText}</Text>
      {notes.map((n) => (
        <Text key={n} className='check-in-record__flag'>
          {n}
        </Text>
      ))}
      <Text className='check-in-record__more'>查看党课 ›</Text>
    </View>
  )
}
