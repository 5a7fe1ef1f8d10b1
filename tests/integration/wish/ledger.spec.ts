import ExcelJS from 'exceljs'
import { RES, SEC, SEC2, SEEDED_OPENIDS, startWishWorld, type WishWorld } from '../../support/integration/wish-world'

/**
 * The wish ledger (台账): the branch secretary exports every wish of their branch to .xlsx, one row per
 * wish with its timeline, Beijing times as date cells; stored to storage and answered as a temporary URL.
 */
let w: WishWorld

beforeAll(async () => {
  w = await startWishWorld()
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

interface Ledger {
  rows: number
  /** The wish's row as header → value. */
  row(wishId: string): Record<string, ExcelJS.CellValue> | undefined
  numFmt(wishId: string, header: string): string | undefined
  text: string
}

async function readLedger(exported: Exported): Promise<Ledger> {
  const res = await fetch(exported.url)
  expect(res.status).toBe(200)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer)
  const ws = wb.getWorksheet('心愿台账')
  if (!ws) throw new Error('no 心愿台账 sheet')
  const headers = (ws.getRow(4).values as ExcelJS.CellValue[]).map((v) => String(v ?? ''))
  const rowOf = (wishId: string) => {
    for (let r = 5; r <= ws.rowCount; r += 1) if (ws.getRow(r).getCell(headers.indexOf('编号')).value === wishId) return ws.getRow(r)
    return undefined
  }
  let rows = 0
  for (let r = 5; r <= ws.rowCount; r += 1) if (typeof ws.getRow(r).getCell(1).value === 'number') rows += 1
  return {
    rows,
    row: (wishId) => {
      const row = rowOf(wishId)
      return row && Object.fromEntries(headers.map((h, i) => [h, row.getCell(i).value] as const).filter(([h]) => h !== ''))
    },
    numFmt: (wishId, header) => rowOf(wishId)?.getCell(headers.indexOf(header)).numFmt,
    text: JSON.stringify(ws.getSheetValues()),
  }
}

/** Beijing wall time as the date cell holds it (a cell has no zone). */
const beijingCell = (at: unknown) => new Date((at as Date).getTime() + 8 * 3600 * 1000)

describe('wish.exportLedger', () => {
  let confirmedId: string
  let phone: string
  let otherBranchTitle: string

  beforeAll(async () => {
    phone = w.phone()
    const claimer = await w.member('孙立新')
    confirmedId = await w.open({ overrides: { phone, title: '想要一套小学三年级的课外书' } })
    await w.ok(claimer, { action: 'claim', wishId: confirmedId })
    await w.ok(claimer, { action: 'addProgress', wishId: confirmedId, note: 'local-review 书已经买好' })
    const photo = await w.upload(`wish-photos/ledger-${confirmedId}.jpg`)
    await w.ok(claimer, { action: 'fulfil', wishId: confirmedId, note: '课外书已经送到', photos: [photo] })
    await w.ok(RES, { action: 'confirm', wishId: confirmedId, satisfaction: 'satisfied', showProofOnWall: true })
    otherBranchTitle = '第二支部居民的心愿'
    await w.ok(SEC2, w.postInput({ title: otherBranchTitle, onBehalfOf: { name: '吴阿婆' } }))
  })

  it('exports every wish of the branch, one row each, stored under exports/ and answered as a URL', async () => {
    const exported = await w.ok<Exported>(SEC, { action: 'exportLedger' })
    expect(exported.fileName).toMatch(/^心愿台账-\d{8}\.xlsx$/)
    expect(exported.fileID).toMatch(/^cloud:\/\/.+\/exports\/wishes\/demo-branch-1\/\d{8}-\d{6}\.xlsx$/)
    const inBranch = await w.count('wishes', { branchId: 'demo-branch-1' })
    expect(exported.rows).toBe(inBranch)
    const ledger = await readLedger(exported)
    expect(ledger.rows).toBe(inBranch)
    expect(ledger.text).toContain('示范社区第一党支部  微心愿台账')
    expect(ledger.text).not.toContain(otherBranchTitle)
  })

  it("gives the secretary the beneficiary's name and contact, the claimer, and the outcome", async () => {
    const ledger = await readLedger(await w.ok<Exported>(SEC, { action: 'exportLedger' }))
    const [resident] = await w.cloud.backend.store.find('members', { _id: RES })
    expect(ledger.row(confirmedId)).toMatchObject({
      心愿: '想要一套小学三年级的课外书',
      类别: '学习用品',
      心愿人: resident?.name,
      联系电话: phone,
      地址: '幸福小区 3 栋 2 单元 501',
      录入方式: '本人发布',
      状态: '已圆梦',
      认领人: '孙立新',
      认领人支部: '本支部',
      满意度: '满意',
      完成情况: '课外书已经送到',
    })
  })

  it('writes each stage as a date cell in Beijing time', async () => {
    const ledger = await readLedger(await w.ok<Exported>(SEC, { action: 'exportLedger' }))
    const stored = await w.stored(confirmedId)
    const row = ledger.row(confirmedId)
    for (const [header, field] of [
      ['发布时间', 'postedAt'],
      ['通过审核', 'openedAt'],
      ['认领时间', 'claimedAt'],
      ['完成时间', 'fulfilledAt'],
      ['确认时间', 'confirmedAt'],
    ] as const) {
      expect([header, row?.[header]]).toEqual([header, beijingCell(stored[field])])
      expect(ledger.numFmt(confirmedId, header)).toBe('yyyy-mm-dd hh:mm')
    }
  })

  it('keeps the whole timeline on the row, by role, and marks a text the content check holds', async () => {
    const ledger = await readLedger(await w.ok<Exported>(SEC, { action: 'exportLedger' }))
    const timeline = String(ledger.row(confirmedId)?.过程记录)
    expect(timeline.split('\n').map((line) => line.replace(/^\d{4}-\d\d-\d\d \d\d:\d\d /, ''))).toEqual([
      '心愿人：— → 待审核',
      '书记：待审核 → 待认领',
      '认领人：待认领 → 已认领',
      '认领人：已认领 → 待确认',
      '心愿人：待确认 → 已圆梦',
    ])
    expect(String(ledger.row(confirmedId)?.进展记录)).toMatch(/书已经买好（待审核）$/)
  })

  it('carries no openid', async () => {
    const ledger = await readLedger(await w.ok<Exported>(SEC, { action: 'exportLedger' }))
    for (const openid of SEEDED_OPENIDS) expect([openid, ledger.text.includes(openid)]).toEqual([openid, false])
    expect(ledger.text).not.toMatch(/wish-member-\d{4}/)
  })

  it("gives another branch's secretary their own branch's wishes only", async () => {
    const exported = await w.ok<Exported>(SEC2, { action: 'exportLedger' })
    expect(exported.rows).toBe(await w.count('wishes', { branchId: 'demo-branch-2' }))
    const ledger = await readLedger(exported)
    expect(ledger.text).toContain(otherBranchTitle)
    expect(ledger.text).toContain('吴阿婆')
    expect(ledger.text).not.toContain(phone)
    expect(ledger.row(confirmedId)).toBeUndefined()
  })
})
