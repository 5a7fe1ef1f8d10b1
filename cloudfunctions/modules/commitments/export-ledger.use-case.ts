import type { CommitmentLedgerExport } from '../../contracts/commitment.contract'
import { ROLE_LABELS } from '../../contracts/rules/member.rules'
import type { ContextFor } from '../../shared/router'
import { storeFile } from '../../shared/file-storage'
import { maskName } from '../../shared/privacy.rules'
import { formatBeijing } from '../../shared/time'
import { findBranch } from '../members/member.repository'
import { boardStatusOf, figuresOfPlan, toCard } from './commitment.mapper'
import type { LedgerPlan, LedgerRating } from './commitment.ledger'
import { findBoard, findPeople, listMonthPlans, type RatingDoc } from './commitment.repository'
import { listMonthRatings } from './rate-commitment.use-case'

const EXPORT_BATCH = 500

function commentOf(r: RatingDoc): string {
  if (r.comment === null) return ''
  if (r.commentHeld) return `${r.comment}（待审核）`
  if (r.commentRejected) return `${r.comment}（未通过审核，未向他人显示）`
  return r.comment
}

/**
 * The month's 公开承诺台账 of the secretary's own branch as .xlsx in cloud storage, answered as a
 * temporary download URL, as the wish ledger is: every plan of the month whatever its state, and every
 * rating (read in `_id` pages, so a busy month never loads in one answer).
 */
export async function exportLedger(input: { month: string }, ctx: ContextFor<'secretary'>): Promise<CommitmentLedgerExport> {
  const branchId = ctx.member.branchId
  const [plans, branch, board] = await Promise.all([
    listMonthPlans(ctx.db, branchId, input.month),
    findBranch(ctx.db, branchId),
    findBoard(ctx.db, branchId, input.month),
  ])
  const ratings: RatingDoc[] = []
  for (let after: string | null = null; ; ) {
    const page = await listMonthRatings(ctx.db, branchId, input.month, after, EXPORT_BATCH)
    ratings.push(...page)
    const last = page[page.length - 1]
    if (page.length < EXPORT_BATCH || !last) break
    after = last._id
  }
  const { members, cards } = await findPeople(ctx.db, [...plans.map((p) => p.openid), ...ratings.map((r) => r.openid)])

  const ledgerPlans: LedgerPlan[] = plans
    .map((p) => {
      // The card as the board shows it: the phone only where its owner chose to show it.
      const card = toCard(members.get(p.openid), cards.get(p.openid), new Map())
      return {
        planId: p._id,
        name: card.name || p.name,
        post: card.post,
        phone: card.phone,
        status: p.status,
        items: p.items,
        figures: figuresOfPlan(p),
        publishedAt: p.publishedAt,
      }
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.planId.localeCompare(b.planId))
  const order = new Map(ledgerPlans.map((p, i) => [p.planId, i]))
  const ledgerRatings: LedgerRating[] = ratings
    .map((r) => {
      const rater = members.get(r.openid)
      return {
        planId: r.planId,
        raterName: maskName(rater?.name ?? ''),
        raterRole: ROLE_LABELS[rater?.role ?? 'resident'],
        satisfaction: r.satisfaction,
        comment: commentOf(r),
        replies: r.replies.map((x) => `${formatBeijing(x.at, 'YYYY-MM-DD HH:mm')} ${x.by === 'member' ? '党员' : '书记'}：${x.text}`).join('\n'),
        at: r.at,
      }
    })
    .sort((a, b) => (order.get(a.planId) ?? 0) - (order.get(b.planId) ?? 0) || a.at.getTime() - b.at.getTime())

  // Loaded on the first export only: exceljs is most of the bundle, and an instance serving the board
  // never needs it (LAZY_PARTS in config/build-functions.mjs keeps it in a file of its own).
  const { buildCommitmentLedger } = await import('./commitment.ledger')
  const buffer = await buildCommitmentLedger(
    { branchName: branch?.name ?? '', month: input.month, boardStatus: boardStatusOf(board), plans: ledgerPlans, ratings: ledgerRatings },
    ctx.now,
  )
  const stamp = formatBeijing(ctx.now, 'YYYYMMDD-HHmmss')
  const { fileID, url } = await storeFile(`exports/commitments/${branchId}/${input.month}-${stamp}.xlsx`, buffer)
  return { fileID, url, fileName: `公开承诺台账-${input.month}.xlsx`, rows: ledgerPlans.reduce((n, p) => n + p.items.length, 0) }
}
