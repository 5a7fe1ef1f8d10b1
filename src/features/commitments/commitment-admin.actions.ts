import type { CommitmentBoardView, CommitmentLedgerExport, CommitmentPanel, CommitmentPlanDetail, CommitmentPlanSummary, Page } from '@contracts'
import { COMMITMENT_PANEL_LINE_MAX, COMMITMENT_PANEL_LINES_MAX } from '@contracts/rules'
import { callCloud } from '@/services/cloud'
import { refuse, type ActionSpec, type KeyedActionSpec } from '@/features/shared/use-action'
import { markCommitmentsChanged } from './commitment-changes'

/*
 * The secretary's calls of 公开承诺 (the queue, the month, the 亮职责 panel) and the two board views that a
 * projector or a printer shows. Each is one cloud call; the pages hold no rules of their own.
 */

const required = (message: string, field: string) => refuse({ code: 'COMMON.INVALID_INPUT', message, fields: { [field]: message } })

/** The queue: submitted plans of this and next month (the function's default), oldest first. */
export const fetchQueue = (cursor: string | undefined, limit?: number) =>
  callCloud('commitment', 'queue', { ...(limit ? { limit } : {}), ...(cursor ? { cursor } : {}) })

/** The secretary's month: plans by state and the figures per member (default: this Beijing month). */
export const fetchStats = (month: string | null) => callCloud('commitment', 'stats', month ? { month } : {})

/** A branch's public board (anyone signed in may read it). */
export const fetchBoard = (branchId: string, month: string | null) => callCloud('commitment', 'board', month ? { branchId, month } : { branchId })

/** More published plans of a board, after the first page the board carried. */
export const fetchBoardPlans = (branchId: string, month: string, cursor: string) => callCloud('commitment', 'plans', { branchId, month, cursor })

/** 公示: the plan goes on the branch's board as it was submitted. */
export const publishPlan: KeyedActionSpec<[planId: string], CommitmentPlanDetail, string> = {
  send: (planId) => callCloud('commitment', 'review', { planId, decision: 'publish' }),
  pendingOf: (planId) => planId,
  onDone: markCommitmentsChanged,
}

/** 退回 with a reason the member reads; they edit and submit again. */
export const returnPlan: KeyedActionSpec<[planId: string, reason: string], CommitmentPlanDetail, string> = {
  send: (planId, reason) =>
    reason.trim() ? callCloud('commitment', 'review', { planId, decision: 'return', reason: reason.trim() }) : required('请填写退回的原因，党员会看到它', 'reason'),
  pendingOf: (planId) => planId,
  onDone: markCommitmentsChanged,
}

/** 公示承诺榜: the month's board is public from now on (the plans published so far, and those after). */
export const publishBoard: ActionSpec<[month: string], CommitmentBoardView> = {
  send: (month) => callCloud('commitment', 'publishBoard', { month }),
  onDone: markCommitmentsChanged,
}

/** 结账: the month is frozen and its figures kept; what has no outcome yet is marked overdue. */
export const closeMonth: ActionSpec<[month: string], CommitmentBoardView> = {
  send: (month) => callCloud('commitment', 'closeMonth', { month }),
  onDone: markCommitmentsChanged,
}

/** 导出台账: the month's board as .xlsx (items, versions, progress, outcomes, ratings). */
export const exportCommitmentLedger: ActionSpec<[month: string], CommitmentLedgerExport> = {
  send: (month) => callCloud('commitment', 'exportLedger', { month }),
}

/** The 亮职责 panel as the editor holds it: one line of a text box per entry. */
export interface PanelDraft {
  responsibilities: string
  tasks: string
  process: string
  hotline: string
}

export type PanelField = keyof PanelDraft

const PANEL_LABELS: Record<Exclude<PanelField, 'hotline'>, string> = { responsibilities: '职责', tasks: '任务', process: '服务流程' }

export function panelDraftOf(panel: CommitmentPanel | null): PanelDraft {
  return {
    responsibilities: (panel?.responsibilities ?? []).join('\n'),
    tasks: (panel?.tasks ?? []).join('\n'),
    process: (panel?.process ?? []).join('\n'),
    hotline: panel?.hotline ?? '',
  }
}

/** The non-empty lines of a box, trimmed. */
export const linesOf = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)

/**
 * What is wrong with a draft, per field, by the contract's limits (the function checks again): too many
 * lines, or a line too long. Empty when it may be sent.
 */
export function panelDraftErrors(d: PanelDraft): Partial<Record<PanelField, string>> {
  const errors: Partial<Record<PanelField, string>> = {}
  for (const field of ['responsibilities', 'tasks', 'process'] as const) {
    const lines = linesOf(d[field])
    const label = PANEL_LABELS[field]
    if (lines.length > COMMITMENT_PANEL_LINES_MAX) errors[field] = `${label}最多 ${COMMITMENT_PANEL_LINES_MAX} 条，现在有 ${lines.length} 条`
    else {
      const long = lines.findIndex((l) => l.length > COMMITMENT_PANEL_LINE_MAX)
      if (long >= 0) errors[field] = `第 ${long + 1} 条${label}超过 ${COMMITMENT_PANEL_LINE_MAX} 个字，请分成两条或删减`
    }
  }
  const hotline = d.hotline.trim()
  if (hotline && !/^[0-9-]{5,20}$/.test(hotline)) errors.hotline = '服务热线请填写电话号码，可含区号和 -'
  return errors
}

/** 保存亮职责: the branch's panel, shown at the top of its board. */
export const savePanel: ActionSpec<[draft: PanelDraft], CommitmentPanel> = {
  send: (d) => {
    const errors = panelDraftErrors(d)
    const first = Object.entries(errors)[0]
    if (first) return required(first[1], first[0])
    return callCloud('commitment', 'savePanel', {
      responsibilities: linesOf(d.responsibilities),
      tasks: linesOf(d.tasks),
      process: linesOf(d.process),
      hotline: d.hotline.trim(),
    })
  },
  onDone: markCommitmentsChanged,
}

/**
 * Every published plan of a board: its first page, then the rest, page by page (a projector and a
 * printed sheet show the whole branch). Stops at `maxPages` so a failing cursor cannot loop.
 */
export async function allBoardPlans(board: CommitmentBoardView, maxPages = 20): Promise<CommitmentPlanSummary[] | null> {
  const plans = [...board.plans.items]
  let cursor = board.plans.nextCursor
  for (let i = 0; cursor && i < maxPages; i += 1) {
    const res = await fetchBoardPlans(board.branchId, board.month, cursor)
    if (!res.ok) return null
    const page: Page<CommitmentPlanSummary> = res.data
    plans.push(...page.items)
    cursor = page.nextCursor
  }
  return plans
}
