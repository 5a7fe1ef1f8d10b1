import { WISH_CATEGORY_LABELS, WISH_SATISFACTION_LABELS, WISH_STATUS_LABELS } from '../../contracts/rules/wish.rules'
import { dateColumn, ledgerBytes, ledgerDate as at, ledgerWorkbook, titleBlock } from '../../shared/ledger-sheet'
import { formatBeijing } from '../../shared/time'
import type { StoredText, WishDoc } from './wish.repository'
import { ACTOR_LABELS } from './wish.rules'

/**
 * The 微心愿台账 workbook: a title block a secretary can file as is, then one row per wish — who it is
 * for and how to reach them (the branch secretary keeps this record), each stage's time as a date cell
 * in Beijing time, and its whole timeline, so every step is on record (有痕可查). No openid appears;
 * people are named as the timeline names them (by role) or by the name on the wish.
 */

/** A text as the secretary reads it, marked when the content check held it or it was not passed. */
function textOf(t: StoredText | null | undefined): string {
  if (!t) return ''
  if (t.status === 'review') return `${t.text}（待审核）`
  if (t.status === 'rejected') return `${t.text}（未通过审核，未向他人显示）`
  return t.text
}

function timelineOf(w: WishDoc): string {
  return w.timeline
    .map((e) => {
      const from = e.from ? WISH_STATUS_LABELS[e.from] : '—'
      const reason = textOf(e.reason)
      return `${formatBeijing(e.at, 'YYYY-MM-DD HH:mm')} ${ACTOR_LABELS[e.actor]}：${from} → ${WISH_STATUS_LABELS[e.to]}${reason ? `（${reason}）` : ''}`
    })
    .join('\n')
}

function satisfactionOf(w: WishDoc): string {
  const c = w.confirmation
  if (!c) return ''
  if (c.confirmedOnBehalf) return '书记代确认'
  return c.satisfaction ? WISH_SATISFACTION_LABELS[c.satisfaction] : ''
}

export async function buildWishLedger(branchName: string, wishes: readonly WishDoc[], now: Date): Promise<Buffer> {
  const wb = ledgerWorkbook()
  const ws = wb.addWorksheet('心愿台账')
  ws.columns = [
    { header: '序号', key: 'no', width: 6 },
    { header: '编号', key: 'id', width: 13 },
    { header: '心愿', key: 'title', width: 28 },
    { header: '类别', key: 'category', width: 10 },
    { header: '预计花费（元）', key: 'cost', width: 10 },
    { header: '心愿人', key: 'name', width: 10 },
    { header: '联系电话', key: 'phone', width: 14 },
    { header: '地址', key: 'address', width: 28 },
    { header: '所在小区', key: 'neighbourhood', width: 14 },
    { header: '录入方式', key: 'recorded', width: 10 },
    { header: '状态', key: 'status', width: 8 },
    { header: '面向', key: 'audience', width: 10 },
    { header: '认领人', key: 'claimer', width: 10 },
    { header: '认领人支部', key: 'claimerBranch', width: 10 },
    dateColumn('发布时间', 'postedAt'),
    dateColumn('通过审核', 'openedAt'),
    dateColumn('认领时间', 'claimedAt'),
    dateColumn('完成时间', 'fulfilledAt'),
    dateColumn('确认时间', 'confirmedAt'),
    { header: '满意度', key: 'satisfaction', width: 10 },
    { header: '完成情况', key: 'fulfilment', width: 30 },
    { header: '进展记录', key: 'progress', width: 36 },
    { header: '过程记录', key: 'timeline', width: 60 },
  ]
  titleBlock(ws, `${branchName}  微心愿台账`, `导出时间：${formatBeijing(now)}（北京时间）  共 ${wishes.length} 条`)

  wishes.forEach((w, i) => {
    const row = ws.addRow({
      no: i + 1,
      id: w._id,
      title: w.title,
      category: WISH_CATEGORY_LABELS[w.category],
      cost: w.cost,
      name: w.beneficiary.name,
      phone: w.beneficiary.phone,
      address: w.beneficiary.address,
      neighbourhood: w.beneficiary.neighbourhood,
      recorded: w.recordedOnBehalf ? '代录' : '本人发布',
      status: WISH_STATUS_LABELS[w.status],
      audience: w.openToAll ? '所有支部' : '本支部',
      claimer: w.claimer?.name ?? '',
      claimerBranch: w.claimer ? (w.claimer.branchId === w.branchId ? '本支部' : '外支部') : '',
      postedAt: at(w.postedAt),
      openedAt: at(w.openedAt),
      claimedAt: at(w.claimedAt),
      fulfilledAt: at(w.fulfilledAt),
      confirmedAt: at(w.confirmedAt),
      satisfaction: satisfactionOf(w),
      fulfilment: textOf(w.fulfilment?.note),
      progress: w.progress.map((p) => `${formatBeijing(p.at, 'YYYY-MM-DD HH:mm')} ${textOf(p)}`).join('\n'),
      timeline: timelineOf(w),
    })
    row.alignment = { vertical: 'top', wrapText: true }
  })
  ws.addRow([])
  const confirmed = wishes.filter((w) => w.status === 'confirmed').length
  ws.addRow([`合计 ${wishes.length} 条心愿，已圆梦 ${confirmed} 条`])
  return ledgerBytes(wb)
}
