import type { WishLedgerExport } from '../../contracts/wish.contract'
import type { Cursor } from '../../shared/cursor'
import { storeFile } from '../../shared/file-storage'
import type { ContextFor } from '../../shared/router'
import { formatBeijing } from '../../shared/time'
import { findBranch } from '../members/member.repository'
import { listBranchWishes, type WishDoc } from './wish.repository'

const EXPORT_BATCH = 500

/**
 * The branch's wish ledger (台账) as .xlsx in cloud storage, answered as a temporary download URL, as the
 * lecture's attendance ledger is. Only the secretary's own branch: they keep its record and may read
 * every name, contact and text on it (docs/architecture.md "Privacy").
 */
export async function exportLedger(_input: Record<string, never>, ctx: ContextFor<'secretary'>): Promise<WishLedgerExport> {
  const wishes: WishDoc[] = []
  let after: Cursor | null = null
  for (;;) {
    const rows = await listBranchWishes(ctx.db, ctx.member.branchId, after, EXPORT_BATCH)
    const page = rows.slice(0, EXPORT_BATCH)
    wishes.push(...page)
    const last = page[page.length - 1]
    if (rows.length <= EXPORT_BATCH || !last) break
    after = { t: last.postedAt.getTime(), id: last._id }
  }
  // Loaded on the first export only: exceljs is most of the bundle, and an instance serving claims
  // never needs it (LAZY_PARTS in config/build-functions.mjs keeps it in a file of its own).
  const { buildWishLedger } = await import('./wish.ledger')
  const branch = await findBranch(ctx.db, ctx.member.branchId)
  const buffer = await buildWishLedger(branch?.name ?? wishes[0]?.branchName ?? '', wishes, ctx.now)
  const stamp = formatBeijing(ctx.now, 'YYYYMMDD-HHmmss')
  const { fileID, url } = await storeFile(`exports/wishes/${ctx.member.branchId}/${stamp}.xlsx`, buffer)
  return { fileID, url, fileName: `心愿台账-${formatBeijing(ctx.now, 'YYYYMMDD')}.xlsx`, rows: wishes.length }
}
