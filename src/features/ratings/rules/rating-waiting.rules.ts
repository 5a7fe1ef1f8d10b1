import type { RatingSummary } from '@contracts'
import { RATING_THRESHOLD } from '@contracts/rules'

/** Why anything waits, said once after the lines that say what waits. */
const WHY = '——这样谁也无法从前后变化推断某个人的评分。'

export interface WaitingLine {
  /** `pending`: attendance corrections; `held`: new ratings. */
  kind: 'pending' | 'held'
  text: string
}

/**
 * What the report does not show yet and when it will (docs/architecture.md "Ratings released in
 * batches"): attendance corrections show with the next release or at the rating window's close; a short
 * batch of new ratings only with the next release. `closesAtText` is the close in Beijing time.
 */
export function waitingLines(s: RatingSummary, closesAtText: string): WaitingLine[] {
  const lines: WaitingLine[] = []
  if (s.pendingChanges > 0) {
    const when = s.releaseAfter !== null ? `再收到 ${s.releaseAfter} 份评议或评议截止（${closesAtText}，北京时间）` : `评议截止（${closesAtText}，北京时间）`
    lines.push({ kind: 'pending', text: `有 ${s.pendingChanges} 项到场更正涉及已计入的评议，将在${when}后显示。` })
  }
  if (s.heldCount > 0) {
    if (s.ratingClosed) lines.push({ kind: 'held', text: `另有 ${s.heldCount} 份评议不足 ${RATING_THRESHOLD} 份，评议已截止，暂不计入结果。` })
    else if (s.releaseAfter !== null) lines.push({ kind: 'held', text: `另有 ${s.heldCount} 份新评议，再有 ${s.releaseAfter} 份就一起计入结果。` })
    else if (s.count + s.heldCount >= s.attendees) lines.push({ kind: 'held', text: `另有 ${s.heldCount} 份新评议暂不计入：到场的人都已评议，不足 ${RATING_THRESHOLD} 份的新评议不单独计入。` })
    else lines.push({ kind: 'held', text: `另有 ${s.heldCount} 份新评议暂不计入：还没评议的人不够凑满 ${RATING_THRESHOLD} 份，不足 ${RATING_THRESHOLD} 份的新评议不单独计入。` })
  }
  const last = lines[lines.length - 1]
  if (last) last.text = last.text.replace(/。$/, WHY)
  return lines
}

/**
 * How the attendance the response rate compares with splits up, so the numbers on the page visibly add
 * up: counted + new ratings waiting (or left out at the close) + not rated = present.
 */
export function attendanceTally(s: Pick<RatingSummary, 'attendees' | 'count' | 'heldCount' | 'ratingClosed'>, notRated: number): string {
  const held = s.heldCount > 0 ? `，${s.heldCount} 人的新评议${s.ratingClosed ? `不足 ${RATING_THRESHOLD} 份未计入` : '待计入'}` : ''
  return `到场 ${s.attendees} 人（不含主讲人）：${s.count} 人的评议已计入${held}，${notRated} 人还没评议。`
}
