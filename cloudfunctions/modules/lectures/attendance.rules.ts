/**
 * Pure rules of the 签到台账 export (no SDK): what the downloaded file is called.
 */

/** How much of the lecture's title goes into the file name, in characters (not UTF-16 units). */
export const LEDGER_TITLE_MAX = 20

/** Opening brackets and quotes with their closing partner. */
const PAIRS: Readonly<Record<string, string>> = {
  '（': '）',
  '(': ')',
  '[': ']',
  '【': '】',
  '〔': '〕',
  '〖': '〗',
  '《': '》',
  '〈': '〉',
  '「': '」',
  '『': '』',
  '“': '”',
  '‘': '’',
  '{': '}',
}

/** Characters a file name may not hold on Windows, macOS or in a download header. */
const UNSAFE = /[\\/:*?"<>|\p{Cc}]/gu

/**
 * What may not end a cut title: whitespace, an opening bracket or quote, a dash, a separator. A closing
 * bracket stays (it ends a pair that is whole).
 */
const DANGLING_END = /[\s\p{Ps}\p{Pi}\p{Pd}\p{Pc}，,、。.：:；;！!？?·…]+$/u

/** Index of the first opening bracket that is not closed within `chars`; -1 when all are. */
function firstUnclosed(chars: readonly string[]): number {
  const open: Array<{ at: number; close: string }> = []
  chars.forEach((c, at) => {
    const close = PAIRS[c]
    if (close) open.push({ at, close })
    else if (open.length > 0 && open[open.length - 1]?.close === c) open.pop()
  })
  return open[0]?.at ?? -1
}

/**
 * The title as it goes into the file name: unsafe characters replaced, at most `max` characters
 * (counted as people count them: `Array.from`, so an emoji or a rare 汉字 is never split). When it has to
 * be cut, the cut never leaves a bracket open (`…专题党课（第二讲` → `…专题党课`) nor ends on a
 * separator.
 */
export function ledgerTitle(title: string, max = LEDGER_TITLE_MAX): string {
  const chars = Array.from(title.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim())
  if (chars.length <= max) return chars.join('') || '党课'
  let cut = chars.slice(0, max)
  const unclosed = firstUnclosed(cut)
  // A title that opens with its long bracket (《…》) keeps its words and loses only that bracket.
  if (unclosed === 0) cut = cut.slice(1)
  else if (unclosed > 0) cut = cut.slice(0, unclosed)
  return cut.join('').replace(DANGLING_END, '') || '党课'
}

/** `签到台账-<title>-<YYYYMMDD>.xlsx`; `startDate` is the lecture's Beijing date, already formatted. */
export function ledgerFileName(title: string, startDate: string): string {
  return `签到台账-${ledgerTitle(title)}-${startDate}.xlsx`
}

/** 身份 in the ledger: what the person is (their branch is a column of its own). */
export type LedgerIdentity = '党员' | '群众' | '访客'

/** A person's role in a branch now, null for no role in any branch. */
export type LedgerRole = 'secretary' | 'member' | 'resident' | null

/**
 * A secretary is a 党员; a resident is 群众; someone with no role in any branch (no stored record now) is
 * a 访客.
 */
export function ledgerIdentity(role: LedgerRole): LedgerIdentity {
  if (role === 'secretary' || role === 'member') return '党员'
  if (role === 'resident') return '群众'
  return '访客'
}

/** The totals line the secretary files: who was there by 身份, visitors from other branches, removals. */
export function ledgerTotals(rows: ReadonlyArray<{ present: boolean; identity: LedgerIdentity; visitor: boolean; guest?: boolean }>): string {
  const present = rows.filter((r) => r.present)
  const count = (identity: LedgerIdentity) => present.filter((r) => r.identity === identity).length
  const parts = (['党员', '群众', '访客'] as const).map((i) => [i, count(i)] as const).filter(([, n]) => n > 0).map(([i, n]) => `${i} ${n} 人`)
  const outside = present.filter((r) => r.visitor).length
  const guests = present.filter((r) => r.guest === true).length
  const removed = rows.length - present.length
  return [
    `合计签到 ${present.length} 人${parts.length ? `（${parts.join('，')}）` : ''}`,
    ...(outside ? [`其中外支部 ${outside} 人`] : []),
    ...(guests ? [`来宾 ${guests} 人`] : []),
    ...(removed ? [`撤销 ${removed} 人`] : []),
  ].join('；')
}
