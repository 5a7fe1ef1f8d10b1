import type { CommitmentFigures } from '../../contracts/commitment.contract'
import {
  COMMITMENT_BOARD_STATUS_LABELS,
  COMMITMENT_CATEGORY_LABELS,
  COMMITMENT_OUTCOME_LABELS,
  COMMITMENT_PLAN_STATUS_LABELS,
  COMMITMENT_SATISFACTION_LABELS,
  type CommitmentBoardStatus,
  type CommitmentPlanStatus,
  type CommitmentSatisfaction,
} from '../../contracts/rules/commitment.rules'
import { dateColumn, ledgerBytes, ledgerDate as at, ledgerWorkbook, titleBlock } from '../../shared/ledger-sheet'
import { formatBeijing } from '../../shared/time'
import type { ItemDoc, ProgressDoc } from './commitment.repository'
import { sumFigures } from './commitment.rules'

/**
 * The 公开承诺台账 of one branch and month: a title block a secretary can file as is, then three sheets —
 * 承诺事项 (one row per item: its current text, every version with its reason, every progress note, the
 * outcome with its evidence or reason), 群众评议 (one row per rating, the rater masked as on the board)
 * and 汇总 (each member's figures and the branch's). Times are date cells in Beijing time. No openid
 * appears; a phone only where its owner chose to show it.
 */

export interface LedgerPlan {
  planId: string
  name: string
  post: string
  /** Null unless shown on the member's card. */
  phone: string | null
  status: CommitmentPlanStatus
  items: readonly ItemDoc[]
  /** As the board shows them: kept at the close, computed before it. */
  figures: CommitmentFigures
  publishedAt: Date | null
}

export interface LedgerRating {
  planId: string
  /** Masked, as the board shows it. */
  raterName: string
  raterRole: string
  satisfaction: CommitmentSatisfaction
  /** As the secretary reads it, marked when held or hidden. */
  comment: string
  replies: string
  at: Date
}

export interface LedgerMonth {
  branchName: string
  month: string
  boardStatus: CommitmentBoardStatus
  plans: readonly LedgerPlan[]
  ratings: readonly LedgerRating[]
}

const percent = (rate: number | null) => (rate === null ? '—' : `${rate}%`)

const stamp = (d: Date) => formatBeijing(d, 'YYYY-MM-DD HH:mm')

export async function buildCommitmentLedger(month: LedgerMonth, now: Date): Promise<Buffer> {
  const wb = ledgerWorkbook()
  const [y, m] = month.month.split('-')
  const title = `${month.branchName}  ${y}年${Number(m)}月公开承诺台账`
  const line = `导出时间：${formatBeijing(now)}（北京时间）  公示栏：${COMMITMENT_BOARD_STATUS_LABELS[month.boardStatus]}`

  const items = wb.addWorksheet('承诺事项')
  items.columns = [
    { header: '序号', key: 'no', width: 6 },
    { header: '党员', key: 'name', width: 10 },
    { header: '岗位', key: 'post', width: 14 },
    { header: '承诺状态', key: 'status', width: 10 },
    { header: '事项', key: 'item', width: 6 },
    { header: '类别', key: 'category', width: 10 },
    { header: '承诺内容', key: 'text', width: 36 },
    { header: '衡量标准', key: 'measure', width: 24 },
    { header: '修改次数', key: 'revisions', width: 8 },
    { header: '修改记录', key: 'versions', width: 48 },
    { header: '进度', key: 'percent', width: 8 },
    { header: '进展记录', key: 'progress', width: 48 },
    { header: '兑现情况', key: 'outcome', width: 10 },
    { header: '兑现说明', key: 'evidence', width: 36 },
    { header: '未兑现原因', key: 'reason', width: 28 },
    dateColumn('晒业绩时间', 'outcomeAt'),
    dateColumn('公示时间', 'publishedAt'),
  ]
  let no = 0
  for (const plan of month.plans) {
    plan.items.forEach((item, i) => {
      const current = item.versions[item.versions.length - 1]
      const latest = item.progress.reduce<ProgressDoc | null>((a, p) => (!a || p.at > a.at ? p : a), null)
      no += 1
      const row = items.addRow({
        no,
        name: plan.name,
        post: plan.post,
        status: COMMITMENT_PLAN_STATUS_LABELS[plan.status],
        item: i + 1,
        category: current ? COMMITMENT_CATEGORY_LABELS[current.category] : '',
        text: current?.text ?? '',
        measure: current?.measure ?? '',
        revisions: Math.max(item.versions.length - 1, 0),
        versions: item.versions.map((v) => `第${v.version}版 ${stamp(v.at)} ${v.text}${v.reason ? `（修改原因：${v.reason}）` : ''}`).join('\n'),
        percent: latest ? `${latest.percent}%` : '0%',
        progress: item.progress.map((p) => `${stamp(p.at)} ${p.percent}% ${p.note}${p.photos.length ? `（照片 ${p.photos.length} 张）` : ''}`).join('\n'),
        outcome: item.outcome ? COMMITMENT_OUTCOME_LABELS[item.outcome.outcome] : '未晒',
        evidence: item.outcome?.evidence ?? '',
        reason: item.outcome?.reason ?? '',
        outcomeAt: at(item.outcome?.at),
        publishedAt: at(plan.publishedAt),
      })
      row.alignment = { vertical: 'top', wrapText: true }
    })
  }
  titleBlock(items, title, `${line}  共 ${month.plans.length} 名党员、${no} 条承诺`)

  const ratings = wb.addWorksheet('群众评议')
  ratings.columns = [
    { header: '序号', key: 'no', width: 6 },
    { header: '被评议党员', key: 'member', width: 12 },
    { header: '评议人', key: 'rater', width: 10 },
    { header: '身份', key: 'role', width: 8 },
    { header: '评议', key: 'satisfaction', width: 10 },
    { header: '评论', key: 'comment', width: 40 },
    { header: '回复', key: 'replies', width: 40 },
    dateColumn('评议时间', 'at'),
  ]
  const names = new Map(month.plans.map((p) => [p.planId, p.name]))
  month.ratings.forEach((r, i) => {
    const row = ratings.addRow({
      no: i + 1,
      member: names.get(r.planId) ?? '',
      rater: r.raterName,
      role: r.raterRole,
      satisfaction: COMMITMENT_SATISFACTION_LABELS[r.satisfaction],
      comment: r.comment,
      replies: r.replies,
      at: at(r.at),
    })
    row.alignment = { vertical: 'top', wrapText: true }
  })
  titleBlock(ratings, title, `${line}  共 ${month.ratings.length} 条评议`)

  const summary = wb.addWorksheet('汇总')
  summary.columns = [
    { header: '党员', key: 'name', width: 12 },
    { header: '岗位', key: 'post', width: 14 },
    { header: '公开电话', key: 'phone', width: 14 },
    { header: '承诺条数', key: 'items', width: 8 },
    { header: '已兑现', key: 'kept', width: 8 },
    { header: '部分兑现', key: 'partial', width: 8 },
    { header: '未兑现', key: 'unkept', width: 8 },
    { header: '逾期未晒', key: 'overdue', width: 8 },
    { header: '兑现率', key: 'fulfilment', width: 8 },
    { header: '满意', key: 'satisfied', width: 8 },
    { header: '基本满意', key: 'basic', width: 8 },
    { header: '不满意', key: 'unsatisfied', width: 8 },
    { header: '满意度', key: 'satisfaction', width: 8 },
  ]
  const figureRow = (name: string, post: string, phone: string, f: CommitmentFigures) => ({
    name,
    post,
    phone,
    items: f.outcomes.kept + f.outcomes.partial + f.outcomes.unkept + f.outcomes.overdue + f.outcomes.open,
    ...f.outcomes,
    fulfilment: percent(f.fulfilmentRate),
    ...f.satisfaction,
    satisfaction: percent(f.satisfactionRate),
  })
  for (const plan of month.plans) summary.addRow(figureRow(plan.name, plan.post, plan.phone ?? '', plan.figures))
  summary.addRow([])
  // The branch's figures: the sum of its members' (a plan never published counts nothing).
  const total = summary.addRow(figureRow('支部合计', '', '', sumFigures(month.plans.map((p) => p.figures))))
  total.font = { bold: true }
  titleBlock(summary, title, line)

  return ledgerBytes(wb)
}
