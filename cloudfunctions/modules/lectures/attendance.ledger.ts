import ExcelJS from 'exceljs'
import { formatBeijing } from '../../shared/time'
import type { CheckInDoc, LectureDoc } from './lecture.repository'

/**
 * The 签到台账 workbook: a title block a secretary can file as is, then one row per person with how they
 * were recorded and why (manual additions and removals keep their reason).
 */
export async function buildAttendanceWorkbook(lecture: LectureDoc, rows: CheckInDoc[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '支部活动'
  const ws = wb.addWorksheet('签到台账')
  ws.columns = [
    { header: '序号', key: 'no', width: 6 },
    { header: '姓名', key: 'name', width: 12 },
    { header: '所在支部', key: 'branch', width: 24 },
    { header: '身份', key: 'visitor', width: 10 },
    { header: '签到时间（北京时间）', key: 'at', width: 22 },
    { header: '方式', key: 'method', width: 10 },
    { header: '状态', key: 'present', width: 10 },
    { header: '备注', key: 'note', width: 30 },
  ]
  ws.spliceRows(1, 0, [`${lecture.title}  签到台账`], [`时间：${formatBeijing(lecture.startAt)} — ${formatBeijing(lecture.endAt, 'HH:mm')}  地点：${lecture.location.name}  主讲：${lecture.speaker.name}`], [])
  ws.mergeCells(1, 1, 1, 8)
  ws.mergeCells(2, 1, 2, 8)
  ws.getRow(1).font = { bold: true, size: 14 }
  ws.getRow(4).font = { bold: true }

  const present = rows.filter((r) => r.present).sort((a, b) => a.at.getTime() - b.at.getTime())
  const removed = rows.filter((r) => !r.present)
  ;[...present, ...removed].forEach((r, i) => {
    const notes = [r.reason ? `原因：${r.reason}` : '', r.flags.includes('far') ? `距会场约 ${r.distanceMeters ?? '?'} 米` : ''].filter(Boolean)
    ws.addRow({
      no: i + 1,
      name: r.name,
      branch: r.branchName,
      visitor: r.visitor ? '外支部' : '本支部',
      at: formatBeijing(r.at, 'YYYY-MM-DD HH:mm:ss'),
      method: r.method === 'scan' ? '扫码' : '书记补录',
      present: r.present ? '已签到' : '已撤销',
      note: notes.join('；'),
    })
  })
  ws.addRow([])
  ws.addRow([`合计签到 ${present.length} 人${removed.length ? `，撤销 ${removed.length} 人` : ''}`])
  const out = await wb.xlsx.writeBuffer()
  return Buffer.from(out as ArrayBuffer)
}
