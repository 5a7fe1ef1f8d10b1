import { Button, Text, View } from '@tarojs/components'
import type { AttendanceRow as AttendanceRowData, SpeakerAttendanceRow as SpeakerAttendanceRowData } from '@contracts'
import './attendance-row.scss'

export interface AttendanceRowProps {
  /**
   * The secretary's full record, or the speaker's view of a present attendee (masked name, no openid,
   * no flags or reason): the record's extras and the buttons show only with the full record.
   */
  row: AttendanceRowData | SpeakerAttendanceRowData
  /** When they checked in, already formatted in Beijing time. */
  atText: string
  /** Offer 撤销 / 恢复 (the branch secretary; only with a full record). */
  canManage?: boolean
  busy?: boolean
  onRemove?: (row: AttendanceRowData) => void
  onRestore?: (row: AttendanceRowData) => void
}

export const METHOD_LABELS: Record<AttendanceRowData['method'], string> = { scan: '扫码', manual: '补录' }

/** One person in the attendance list: name, branch, time, how, flags; a removed record keeps its reason. */
export function AttendanceRow({ row, atText, canManage, busy, onRemove, onRestore }: AttendanceRowProps) {
  const full = 'openid' in row ? row : null
  const present = full ? full.present : true
  const far = full ? full.flags.includes('far') : false
  return (
    <View className={`attendance-row attendance-row--${present ? 'present' : 'removed'}`}>
      <View className='attendance-row__head'>
        <Text className='attendance-row__name'>{row.name}</Text>
        <Text className={`attendance-row__method attendance-row__method--${row.method}`}>{METHOD_LABELS[row.method]}</Text>
      </View>
      <Text className='attendance-row__line attendance-row__branch'>
        {full?.guest ? '来宾（未加入支部）' : row.branchName}
        {row.visitor ? '（外支部）' : ''}
      </Text>
      <Text className='attendance-row__line attendance-row__at'>签到时间：{atText}</Text>
      {full && far ? (
        <Text className='attendance-row__flag attendance-row__flag--far'>
          距会场较远{full.distanceMeters !== null ? `（约 ${full.distanceMeters} 米）` : ''}，请核实
        </Text>
      ) : null}
      {full && !full.present ? (
        <Text className='attendance-row__removed'>已撤销{full.reason ? `：${full.reason}` : ''}</Text>
      ) : full && full.method === 'manual' && full.reason ? (
        <Text className='attendance-row__line attendance-row__reason'>补录原因：{full.reason}</Text>
      ) : null}
      {full && canManage ? (
        full.present ? (
          <Button
            className='app-button app-button--secondary app-button--block attendance-row__remove'
            disabled={busy}
            onClick={() => onRemove?.(full)}
          >
            {busy ? '正在处理…' : '撤销签到'}
          </Button>
        ) : (
          <Button
            className='app-button app-button--secondary app-button--block attendance-row__restore'
            disabled={busy}
            onClick={() => onRestore?.(full)}
          >
            {busy ? '正在处理…' : '恢复签到'}
          </Button>
        )
      ) : null}
    </View>
  )
}
