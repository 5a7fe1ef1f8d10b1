/**
 * The 公开承诺 pages only its own subpackage opens: kept out of `ROUTES` (src/routes.ts), which the main
 * package carries, so they cost it nothing (docs/architecture.md "Budgets"). The board is `ROUTES.commitmentBoard`.
 */
export const COMMITMENT_ROUTES = {
  /** One member's month, `?id=` (planId). */
  plan: '/packages/commitments/pages/plan/index',
  /** 我的承诺, `?month=` (absent: this month). */
  mine: '/packages/commitments/pages/my-plan/index',
  myCard: '/packages/commitments/pages/my-card/index',
  /** The board on a projector (1280×720) and on an A4 sheet, `?branchId=&month=`: the secretary's month opens them. */
  boardDisplay: '/packages/commitments/pages/board-display/index',
  boardPrint: '/packages/commitments/pages/board-print/index',
} as const
