import { ledgerBytes, ledgerWorkbook } from '../../shared/ledger-sheet'
import { excelBeijing, formatBeijing } from '../../shared/time'
import { ledgerIdentity, ledgerTotals, type LedgerRole } from './attendance.rules'
import type { CheckInDoc, LectureDoc } from './lecture.repository'

/** Date cells show Beijing wall time (`excelBeijing`), in a format Excel and WPS both read. */
const TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss'
/** Paper size 9 is A4 in the OOXML page setup. */
const A4 = 9
const HEADER_ROW = 4

/**
 * The 签到台账 workbook as a secretary files it: title, lecture and totals above the table; one row per
 * person with 身份 (党员 / 群众 / 访客), 本支部 / 外支部, the check-in time as a date cell, how they were
 * recorded, and for a row the secretary changed by hand (补录, 撤销, 恢复) when and why. Printed on A4
 * landscape, one page wide, the table's header repeated on each page.
 * `roleOf` is the person's role (null: no branch role, a 访客).
 */
export async function buildAttendanceWorkbook(lecture: LectureDoc, rows: CheckInDoc[], roleOf: (openid: string) => LedgerRole): Promise<Buffer> {
  const wb = ledgerWorkbook()
  const ws = wb.addWorksheet('签到台账', {
    pageSetup: {
      paperSize: A4,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  })
  ws.columns = [
    { header: '序号', key: 'no', width: 6 },
    { header: '姓名', key: 'name', width: 12 },
    { header: '身份', key: 'identity', width: 8 },
    { header: '本支部/外支部', key: 'side', width: 13 },
    { header: '所在支部', key: 'branch', width: 24 },
    { header: '签到时间（北京时间）', key: 'at', width: 20, style: { numFmt: TIME_FORMAT } },
    { header: '方式', key: 'method', width: 10 },
    { header: '状态', key: 'present', width: 8 },
    { header: '书记登记时间', key: 'markedAt', width: 20, style: { numFmt: TIME_FORMAT } },
    { header: '备注', key: 'note', width: 32 },
  ]
  const width = ws.columns.length

  const present = rows.filter((r) => r.present).sort((a, b) => a.at.getTime() - b.at.getTime())
  const removed = rows.filter((r) => !r.present).sort((a, b) => a.at.getTime() - b.at.getTime())
  const listed = [...present, ...removed].map((r) => ({ r, identity: ledgerIdentity(roleOf(r.openid)) }))
  const totals = ledgerTotals(listed.map(({ r, identity }) => ({ present: r.present, identity, visitor: r.visitor, guest: r.guest === true })))

  ws.spliceRows(
    1,
    0,
    [`${lecture.title}  签到台账`],
    [`时间：${formatBeijing(lecture.startAt)} — ${formatBeijing(lecture.endAt, 'HH:mm')}  地点：${lecture.location.name}  主讲：${lecture.speaker.name}`],
    [totals],
  )
  for (const row of [1, 2, 3]) ws.mergeCells(row, 1, row, width)
  ws.getRow(1).font = { bold: true, size: 14 }
  ws.getRow(HEADER_ROW).font = { bold: true }
  ws.pageSetup.printTitlesRow = `${HEADER_ROW}:${HEADER_ROW}`

  listed.forEach(({ r, identity }, i) => {
    const manual = r.method === 'manual'
    const notes = [
      manual ? '书记补录：签到时间即登记时间' : '',
      r.guest ? '来宾：未加入支部，由书记按姓名登记' : '',
      r.reason ? `原因：${r.reason}` : '',
      r.flags.includes('far') ? `距会场约 ${r.distanceMeters ?? '?'} 米` : '',
    ].filter(Boolean)
    ws.addRow({
      no: i + 1,
      name: r.name,
      identity,
      side: r.guest ? '来宾' : r.visitor ? '外支部' : '本支部',
      branch: r.guest ? '—' : r.branchName,
      at: excelBeijing(r.at),
      method: manual ? '书记补录' : '扫码',
      present: r.present ? '已签到' : '已撤销',
      // The last change by hand (a 补录, or a 撤销 / 恢复): a scan nobody touched has none.
      markedAt: r.markedBy ? excelBeijing(r.updatedAt) : null,
      note: notes.join('；'),
    })
  })
  ws.addRow([])
  ws.addRow([totals])
  ws.pageSetup.printArea = `A1:${String.fromCharCode(64 + width)}${ws.rowCount}`
  return ledgerBytes(wb)
}
