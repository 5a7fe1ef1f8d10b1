import ExcelJS from 'exceljs'
import { LAST_MONTH, M1, M2, NEWCOMER, RES, SEC, SEC2, SEEDED_OPENIDS, THIS_MONTH } from '../../support/integration/commitment-demo'
import { NO_BRANCH, startCommitmentWorld, type CommitmentWorld } from '../../support/integration/commitment-world'

/**
 * The month's ledger (台账): the branch secretary exports a month of their own branch to .xlsx — items
 * with every version, progress and outcome; every rating; each member's figures — stored to storage and
 * answered as a temporary URL. Read back here as a secretary would open it.
 */
let w: CommitmentWorld

beforeAll(async () => {
  w = await startCommitmentWorld()
})

afterAll(async () => {
  await w.close()
})

interface Exported {
  fileID: string
  url: string
  fileName: string
  rows: number
}

interface Sheet {
  headers: string[]
  /** Data rows (below the header row) as header → value. */
  rows: Array<Record<string, ExcelJS.CellValue>>
  title: string
  text: string
}

async function readLedger(exported: Exported): Promise<Record<string, Sheet>> {
  const res = await fetch(exported.url)
  expect(res.status).toBe(200)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer)
  const out: Record<string, Sheet> = {}
  wb.eachSheet((ws) => {
    const headers = (ws.getRow(4).values as ExcelJS.CellValue[]).map((v) => String(v ?? ''))
    const rows: Sheet['rows'] = []
    for (let r = 5; r <= ws.rowCount; r += 1) {
      const row = ws.getRow(r)
      if (row.values.length === 0) continue
      rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i).value] as const).filter(([h]) => h !== '')))
    }
    out[ws.name] = { headers, rows, title: String(ws.getRow(1).getCell(1).value), text: JSON.stringify(ws.getSheetValues()) }
  })
  return out
}

describe('commitment.exportLedger', () => {
  let exported: Exported
  let ledger: Record<string, Sheet>

  beforeAll(async () => {
    exported = await w.ok<Exported>(SEC, { action: 'exportLedger', month: LAST_MONTH })
    ledger = await readLedger(exported)
  })

  it('stores the month’s ledger under exports/ and answers it as a URL, named by the month', () => {
    expect(exported.fileID).toContain('/exports/commitments/demo-branch-1/')
    expect(exported.fileName).toBe(`公开承诺台账-${LAST_MONTH}.xlsx`)
    expect(exported.rows).toBe(6)
    expect(Object.keys(ledger)).toEqual(['承诺事项', '群众评议', '汇总'])
    const [y, m] = LAST_MONTH.split('-')
    expect(ledger['承诺事项']?.title).toBe(`示范社区第一党支部  ${y}年${Number(m)}月公开承诺台账`)
  })

  it('lists every item with its versions, progress and outcome', () => {
    const items = ledger['承诺事项']?.rows.filter((r) => typeof r['序号'] === 'number') ?? []
    expect(items).toHaveLength(6)
    const revised = items.find((r) => r['承诺内容'] === '走访 3 户独居老人')
    expect(revised).toMatchObject({ 党员: '李秀英', 类别: '作风建设', 修改次数: 1, 兑现情况: '部分兑现', 未兑现原因: '第三户老人住院，未能走访' })
    // The published text before the edit is on record with the edit's reason.
    expect(String(revised?.['修改记录'])).toContain('第1版')
    expect(String(revised?.['修改记录'])).toContain('走访 5 户独居老人')
    expect(String(revised?.['修改记录'])).toContain('两户老人去子女家过冬')
    const tutoring = items.find((r) => r['承诺内容'] === '每周六上午为小区孩子辅导功课')
    expect(tutoring).toMatchObject({ 进度: '75%', 兑现情况: '已兑现', 兑现说明: '辅导 4 次，孩子们的作业都按时完成了' })
    expect(String(tutoring?.['进展记录'])).toContain('已辅导三次')
    expect(Object.prototype.toString.call(tutoring?.['晒业绩时间'])).toBe('[object Date]')
    expect(items.find((r) => r['承诺内容'] === '学习新修订的社区治理条例')).toMatchObject({ 兑现情况: '逾期未晒', 党员: '张伟' })
  })

  it('lists every rating, the rater masked, with replies', () => {
    const ratings = ledger['群众评议']?.rows.filter((r) => typeof r['序号'] === 'number') ?? []
    expect(ratings).toHaveLength(5)
    expect(ratings.map((r) => r['评议人'])).toContain('赵**')
    const answered = ratings.find((r) => r['评论'] === '楼道还是堆着东西')
    expect(answered).toMatchObject({ 被评议党员: '张伟', 身份: '群众', 评议: '不满意' })
    expect(String(answered?.['回复'])).toContain('书记：已和物业约好下周一起上门协调')
  })

  it('sums each member and the branch: 兑现率 counts only items kept in full; 满意度 满意 and 基本满意', () => {
    const summary = ledger['汇总']?.rows ?? []
    expect(summary.find((r) => r['党员'] === '支部合计')).toMatchObject({ 承诺条数: 6, 已兑现: 3, 部分兑现: 1, 未兑现: 1, 逾期未晒: 1, 兑现率: '50%', 满意: 2, 基本满意: 2, 不满意: 1, 满意度: '80%' })
    expect(summary.find((r) => r['党员'] === '张伟')).toMatchObject({ 兑现率: '0%', 满意度: '50%' })
    expect(summary.find((r) => r['党员'] === '王建国')).toMatchObject({ 公开电话: '13800138001', 兑现率: '100%' })
  })

  it('carries no openid, and no phone its owner did not choose to show', () => {
    const text = Object.values(ledger)
      .map((s) => s.text)
      .join('\n')
    for (const openid of SEEDED_OPENIDS) expect(text).not.toContain(openid)
    for (const phone of ['13800138002', '13800138003', '13800138004']) expect(text).not.toContain(phone)
  })

  it('exports this month too, in progress, and a month with nothing as an empty ledger', async () => {
    const current = await readLedger(await w.ok<Exported>(SEC, { action: 'exportLedger', month: THIS_MONTH }))
    const items = current['承诺事项']?.rows.filter((r) => typeof r['序号'] === 'number') ?? []
    expect(items.map((r) => r['承诺状态']).sort()).toEqual(['已公示', '已公示', '已公示', '待书记审核'])
    expect(items.every((r) => r['兑现情况'] === '未晒')).toBe(true)
    const empty = await w.ok<Exported>(SEC2, { action: 'exportLedger', month: LAST_MONTH })
    expect(empty.rows).toBe(0)
    expect((await readLedger(empty))['承诺事项']?.title).toContain('示范社区第二党支部')
  })

  it.each<[string, string | null, string]>([
    ['a member', M1, 'AUTH.FORBIDDEN'],
    ['the member whose plan it is', M2, 'AUTH.FORBIDDEN'],
    ['a resident', RES, 'AUTH.FORBIDDEN'],
    ['someone with no branch', NO_BRANCH, 'AUTH.NOT_IN_BRANCH'],
    ['someone with no profile', NEWCOMER, 'AUTH.NO_PROFILE'],
    ['nobody signed in', null, 'AUTH.REQUIRED'],
  ])('is the secretary’s only: %s is refused', async (_label, caller, code) => {
    expect(await w.errorCode(caller, { action: 'exportLedger', month: LAST_MONTH })).toBe(code)
  })

  it('refuses a malformed month', async () => {
    expect(await w.errorCode(SEC, { action: 'exportLedger', month: '2026-13' })).toBe('COMMON.INVALID_INPUT')
    expect(await w.errorCode(SEC, { action: 'exportLedger' })).toBe('COMMON.INVALID_INPUT')
  })
})
