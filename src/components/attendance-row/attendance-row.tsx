import { Button, Text, View } from '@tarojs/components'
import type { AttendanceRow as AttendanceRowData } from '@contracts'
import './attendance-row.scss'

export interface AttendanceRowProps {
  row: AttendanceRowData
  /** When they checked in, already formatted in Beijing time. */
  atText: string
  /** Offer 撤销 / 恢复 (the branch secretary). */
  canManage?: boolean
  busy?: boolean
  onRemove?: (row: AttendanceRowData) => void
  onRestore?: (row: AttendanceRowData) => void
}

export const METHOD_LABELS: Record<AttendanceRowData['method'], string> = { scan: '扫码', manual: '补录' }

/** One person in the attendance list: name, branch, time, how, flags; a removed record keeps its reason. */
export function AttendanceRow({ row, atText, canManage, busy, onRemove, onRestore }: AttendanceRowProps) {
  const far = row.flags.includes('far')
  return (
    <View className={`attendance-row attendance-row--${row.present ? 'present' : 'removed'}`}>
      <View className='attendance-row__head'>
        <Text className='attendance-row__name'>{row.name}</Text>
        <Text className={`attendance-row__method attendance-row__method--${row.method}`}>{METHOD_LABELS[row.method]}</Text>
      </View>
      <Text className='attendance-row__line attendance-row__branch'>
        {row.branchName}
        {row.visitor ? '（外支部）' : ''}
      </Text>
      <Text className='attendance-row__line attendance-row__at'>签到时间：{atText}</Text>
      {far ? (
        <Text className='attendance-row__flag attendance-row__flag--far'>
          距会场较远{row.distanceMeters !== null ? `（约 ${row.distanceMeters} 米）` : ''}，请核实
        </Text>
      ) : null}
      {!row.present ? (
        <Text className='attendance-row__removed'>已撤销{row.reason ? `：${row.reason}` : ''}</Text>
      ) : row.method === 'manual' && row.reason ? (
        <Text className='attendance-row__line attendance-row__reason'>补录原因：{row.reason}</Text>
      ) : null}
      {canManage ? (
        row.present ? (
          <Button
            className='app-button app-button--secondary app-button--block attendance-row__remove'
            disabled={busy}
            onClick={() => onRemove?.(row)}
          >
            {busy ? '正在处理…' : '撤销签到'}
          </Button>
        ) : (
          <Button
            className='app-button app-button--secondary app-button--block attendance-row__restore'
            disabled={busy}
            onClick={() => onRestore?.(row)}
          >
            {busy ? '正在处理…' : '恢复签到'}
          </Button>
        )
      ) : null}
    </View>
  )
}
