import type { CommitmentAction } from '../../contracts/rules/commitment.rules'
import { checkText } from '../../shared/content-check'
import { AppError } from '../../shared/errors'
import { CommitmentErrors, refusal } from './commitment.errors'
import { factsOf, findBoard, findPlan, updatePlanAt, type ItemDoc, type PlanDoc } from './commitment.repository'
import { judge, type PlanFacts } from './commitment.rules'
import { viewerOf, type ViewContext } from './browse-commitments.use-case'

/** Enough for the few people who write one plan (its author in two tabs, the secretary, the close). */
const ATTEMPTS = 5

/**
 * One write to a plan (docs/architecture.md "Commitment months"): read, judge, change, and write only
 * if nobody wrote in between (`rev`). A writer who lost reads again and is judged again, so the loser
 * of two edits of one item is told the item changed, and a late result that loses to the close is
 * refused as frozen rather than written over it.
 */
export async function changePlan(
  ctx: ViewContext,
  planId: string,
  action: CommitmentAction,
  change: (plan: PlanDoc) => Partial<Omit<PlanDoc, '_id' | 'rev'>>,
): Promise<PlanDoc> {
  const viewer = viewerOf(ctx)
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const plan = await findPlan(ctx.db, planId)
    if (!plan) throw CommitmentErrors.notFound()
    const facts = await factsFor(ctx, plan, action)
    const verdict = judge(action, facts, viewer, ctx.now.getTime())
    if (verdict !== 'ok') throw refusal(verdict, facts, action, ctx.now.getTime())
    const fields = { ...change(plan), updatedAt: ctx.now }
    if (await updatePlanAt(ctx.db, plan, fields)) return { ...plan, ...fields, rev: plan.rev + 1 }
  }
  throw CommitmentErrors.busy()
}

/**
 * The plan's facts for judging `action` by the caller. The author's own moves do not depend on the
 * board, so it is read only for anyone else (rating; and to tell a reader of a public plan that it is
 * not theirs rather than not found).
 */
export async function factsFor(ctx: ViewContext, plan: PlanDoc, action: CommitmentAction): Promise<PlanFacts> {
  const needsBoard = action === 'rate' || plan.openid !== ctx.openid
  return factsOf(plan, needsBoard ? await findBoard(ctx.db, plan.branchId, plan.month) : null)
}

/** The item named by `itemId`, or the refusal that names the field. */
export function itemOf(plan: PlanDoc, itemId: string): ItemDoc {
  const item = plan.items.find((i) => i.itemId === itemId)
  if (!item) throw CommitmentErrors.itemNotFound()
  return item
}

/** `items` with the one named replaced by `next(item)`. */
export function withItem(items: readonly ItemDoc[], itemId: string, next: (item: ItemDoc) => ItemDoc): ItemDoc[] {
  return items.map((i) => (i.itemId === itemId ? next(i) : i))
}

/**
 * Texts others will read, through the content check before any write (docs/architecture.md "Rules that
 * hold everywhere"). `risky` is always refused; `strict` refuses `review` too, for texts that reach the
 * public board without the secretary reading them first (a draft is read by the secretary at review).
 */
export async function checkTexts(openid: string, texts: Record<string, string>, strict: boolean): Promise<void> {
  const entries = Object.entries(texts).filter(([, t]) => t.trim() !== '')
  const verdicts = await Promise.all(entries.map(([, t]) => checkText(openid, t)))
  const fields: Record<string, string> = {}
  verdicts.forEach((v, i) => {
    if (v === 'risky' || (strict && v === 'review')) fields[(entries[i] as [string, string])[0]] = '请修改后再提交'
  })
  if (Object.keys(fields).length > 0) {
    throw new AppError('COMMITMENT.TEXT_REJECTED', '内容中含有不适宜公开的内容，请修改后再提交（已填写的内容不会丢失）', fields)
  }
}
