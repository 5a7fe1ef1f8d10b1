import type { CommitmentPlanDetail } from '../../contracts/commitment.contract'
import type { CommitmentAction, CommitmentCategory, CommitmentMemberOutcome } from '../../contracts/rules/commitment.rules'
import { CommonErrors } from '../../shared/errors'
import { checkOwnFiles } from '../../shared/file-storage'
import type { ContextFor } from '../../shared/router'
import { detailFor, viewerOf } from './browse-commitments.use-case'
import { CommitmentErrors, refusal } from './commitment.errors'
import { currentVersion, findPlan, insertPlan, newItemId, type ItemDoc, type PlanDoc } from './commitment.repository'
import { draftItems, judge, judgeNewPlan, memberKeyOf, NO_SATISFACTION, planIdOf, reviseVerdict, type DraftItemInput } from './commitment.rules'
import { changePlan, checkTexts, factsFor, itemOf, withItem } from './plan-write.use-case'

type Ctx = ContextFor<'partyMember'>

const ATTEMPTS = 5

function itemTexts(items: readonly DraftItemInput[]): Record<string, string> {
  const out: Record<string, string> = {}
  items.forEach((item, i) => {
    out[`items.${i}.text`] = item.text
    out[`items.${i}.measure`] = item.measure
  })
  return out
}

/**
 * Writes the caller's draft for a month: the first save creates the plan, later ones rewrite its items.
 * Before publication an item has one version, rewritten in place; an item already in the draft keeps its id.
 */
export async function saveDraft(input: { month: string; items: DraftItemInput[] }, ctx: Ctx): Promise<CommitmentPlanDetail> {
  const planId = planIdOf(input.month, ctx.openid)
  const nowMs = ctx.now.getTime()
  if (await findPlan(ctx.db, planId)) await quickJudge(ctx, planId, 'edit')
  else if (judgeNewPlan(input.month, nowMs) !== 'ok') throw CommitmentErrors.wrongPhase(input.month, nowMs, '编辑承诺')
  await checkTexts(ctx.openid, itemTexts(input.items), false)

  const itemsFrom = (existing: readonly ItemDoc[]): ItemDoc[] => {
    const drafted = draftItems(
      existing.map((i) => i.itemId),
      input.items,
      newItemId,
    )
    if ('unknownAt' in drafted) throw CommitmentErrors.unknownItem(`items.${drafted.unknownAt}.itemId`)
    return drafted.items.map((d) => ({
      itemId: d.itemId,
      versions: [{ version: 1, text: d.text, category: d.category, measure: d.measure, reason: null, at: ctx.now }],
      progress: [],
      outcome: null,
    }))
  }

  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    if (await findPlan(ctx.db, planId)) {
      const plan = await changePlan(ctx, planId, 'edit', (p) => ({ items: itemsFrom(p.items), name: ctx.member.name }))
      return detailFor(ctx, plan)
    }
    const verdict = judgeNewPlan(input.month, nowMs)
    if (verdict !== 'ok') throw CommitmentErrors.wrongPhase(input.month, nowMs, '编辑承诺')
    const doc: PlanDoc = {
      _id: planId,
      openid: ctx.openid,
      memberKey: memberKeyOf(ctx.openid),
      branchId: ctx.member.branchId,
      month: input.month,
      name: ctx.member.name,
      status: 'draft',
      rev: 1,
      frozen: false,
      items: itemsFrom([]),
      returnReason: null,
      submittedAt: null,
      publishedAt: null,
      updatedAt: ctx.now,
      createdAt: ctx.now,
      satisfaction: { ...NO_SATISFACTION },
      figures: null,
    }
    if (await insertPlan(ctx.db, doc)) return detailFor(ctx, doc)
  }
  throw CommitmentErrors.busy()
}

/** Sends the draft (or the returned plan, edited) to the branch secretary. */
export async function submit(input: { month: string }, ctx: Ctx): Promise<CommitmentPlanDetail> {
  const planId = planIdOf(input.month, ctx.openid)
  if (!(await findPlan(ctx.db, planId))) throw CommitmentErrors.notFound()
  const plan = await changePlan(ctx, planId, 'submit', () => ({ status: 'submitted', submittedAt: ctx.now, returnReason: null, name: ctx.member.name }))
  return detailFor(ctx, plan)
}

/**
 * A later edit of a published item: a new version with its reason, never a silent change. It is of the
 * version the author saw: if someone changed the item since, it is refused and nothing is written.
 */
export async function revise(
  input: { planId: string; itemId: string; version: number; text: string; category: CommitmentCategory; measure: string; reason: string },
  ctx: Ctx,
): Promise<CommitmentPlanDetail> {
  await quickJudge(ctx, input.planId, 'revise')
  await checkTexts(ctx.openid, { text: input.text, measure: input.measure, reason: input.reason }, true)
  const plan = await changePlan(ctx, input.planId, 'revise', (p) => {
    const item = itemOf(p, input.itemId)
    const current = currentVersion(item)
    const verdict = reviseVerdict({ version: current.version, outcome: item.outcome }, input.version)
    if (verdict === 'stale') throw CommitmentErrors.stale()
    if (verdict === 'hasOutcome') throw CommitmentErrors.hasOutcome()
    if (current.text === input.text && current.category === input.category && current.measure === input.measure) {
      throw CommonErrors.invalidInput({ text: '承诺内容没有改动；如不需要修改，请直接返回' })
    }
    const version = { version: current.version + 1, text: input.text, category: input.category, measure: input.measure, reason: input.reason, at: ctx.now }
    return { items: withItem(p.items, item.itemId, (i) => ({ ...i, versions: [...i.versions, version] })) }
  })
  return detailFor(ctx, plan)
}

/** 晒进度: a percentage, a note and optional photos on one item. */
export async function addProgress(
  input: { planId: string; itemId: string; percent: number; note: string; photos?: string[] },
  ctx: Ctx,
): Promise<CommitmentPlanDetail> {
  await quickJudge(ctx, input.planId, 'addProgress')
  const photos = input.photos ?? []
  await checkTexts(ctx.openid, { note: input.note }, true)
  await checkOwnFiles(photos, 'photos')
  const plan = await changePlan(ctx, input.planId, 'addProgress', (p) => {
    const item = itemOf(p, input.itemId)
    const entry = { at: ctx.now, percent: input.percent, note: input.note, photos }
    return { items: withItem(p.items, item.itemId, (i) => ({ ...i, progress: [...i.progress, entry] })) }
  })
  return detailFor(ctx, plan)
}

/** 晒业绩: the item's outcome with its evidence; a later one replaces it until the deadline. */
export async function setOutcome(
  input: { planId: string; itemId: string; outcome: CommitmentMemberOutcome; evidence: string; photos?: string[]; reason?: string },
  ctx: Ctx,
): Promise<CommitmentPlanDetail> {
  await quickJudge(ctx, input.planId, 'setOutcome')
  const photos = input.photos ?? []
  await checkTexts(ctx.openid, { evidence: input.evidence, reason: input.reason ?? '' }, true)
  await checkOwnFiles(photos, 'photos')
  const plan = await changePlan(ctx, input.planId, 'setOutcome', (p) => {
    const item = itemOf(p, input.itemId)
    const outcome = { outcome: input.outcome, evidence: input.evidence, photos, reason: input.outcome === 'kept' ? null : (input.reason ?? null), at: ctx.now }
    return { items: withItem(p.items, item.itemId, (i) => ({ ...i, outcome })) }
  })
  return detailFor(ctx, plan)
}

/** A quick refusal before any external call (content check, storage); the write judges again. */
async function quickJudge(ctx: Ctx, planId: string, action: CommitmentAction): Promise<void> {
  const plan = await findPlan(ctx.db, planId)
  if (!plan) throw CommitmentErrors.notFound()
  const facts = await factsFor(ctx, plan, action)
  const verdict = judge(action, facts, viewerOf(ctx), ctx.now.getTime())
  if (verdict !== 'ok') throw refusal(verdict, facts, action, ctx.now.getTime())
}
