import ExcelJS from 'exceljs'
import { excelBeijing } from './time'

/**
 * What every Excel ledger shares (the attendance, wish and commitment ledgers): a workbook signed by the
 * app, date cells in Beijing wall time in a format Excel and WPS both read, the title block a secretary
 * files as is, and the file's bytes.
 */
export const LEDGER_DATE_FORMAT = 'yyyy-mm-dd hh:mm'

export function ledgerWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook()
  wb.creator = '支部活动'
  return wb
}

/** A column of date cells (`ledgerDate` values). */
export function dateColumn(header: string, key: string): Partial<ExcelJS.Column> {
  return { header, key, width: 17, style: { numFmt: LEDGER_DATE_FORMAT } }
}

/** A date cell's value: Beijing wall time, or an empty cell. */
export function ledgerDate(d: Date | null | undefined): Date | null {
  return d ? excelBeijing(d) : null
}

/** A title and a line above the sheet's header row (row 4 after this), both across its columns. */
export function titleBlock(ws: ExcelJS.Worksheet, title: string, line: string): void {
  const width = ws.columns.length
  ws.spliceRows(1, 0, [title], [line], [])
  ws.mergeCells(1, 1, 1, width)
  ws.mergeCells(2, 1, 2, width)
  ws.getRow(1).font = { bold: true, size: 14 }
  ws.getRow(4).font = { bold: true }
}

export async function ledgerBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  const out = await wb.xlsx.writeBuffer()
  return Buffer.from(out as ArrayBuffer)
}
