import { createHash } from 'crypto'
import type { Role } from '../../contracts/rules/member.rules'
import {
  WISH_ACTIONS,
  wishConfirmOnBehalfFrom,
  wishReleaseAt,
  wishWarningAt,
  type WishAction,
  type WishCategory,
  type WishSatisfaction,
  type WishStatus,
} from '../../contracts/rules/wish.rules'
import type { WishRelation } from '../../contracts/wish.contract'
import { formatBeijing } from '../../shared/time'

/**
 * The wish's state machine (docs/architecture.md "Rules that hold everywhere"): who may make which move
 * from which state, what each move changes, which figures move with it, and when an idle claim is
 * warned and released. Pure: time comes in as epoch ms.
 */

/** What the rules look at on a wish. */
export interface WishFacts {
  branchId: string
  status: WishStatus
  openToAll: boolean
  posterOpenid: string
  claimerOpenid: string | null
  fulfilledAtMs: number | null
}

export interface Viewer {
  openid: string
  role: Role
  branchId: string
}

/** After review and not ended early: what members of the branch (or all branches, if opened) may see. */
export const MEMBER_VISIBLE: readonly WishStatus[] = ['open', 'claimed', 'fulfilled', 'confirmed']
/** States in which someone has, or had, claimed the wish: a claim arriving then was beaten to it. */
const TAKEN: readonly WishStatus[] = ['claimed', 'fulfilled', 'confirmed']

interface Standing {
  isPoster: boolean
  isClaimer: boolean
  /** The secretary of the wish's branch. */
  isSecretary: boolean
  /** A party member (or secretary) the wish is offered to: its branch's, or any branch's when opened to all. */
  mayClaim: boolean
}

function standingOf(w: WishFacts, v: Viewer): Standing {
  const sameBranch = w.branchId === v.branchId
  return {
    isPoster: w.posterOpenid === v.openid,
    isClaimer: w.claimerOpenid !== null && w.claimerOpenid === v.openid,
    isSecretary: sameBranch && v.role === 'secretary',
    mayClaim: v.role !== 'resident' && (sameBranch || w.openToAll),
  }
}

/** How the viewer stands to the wish, or null when they may not see it at all (answered as not found). */
export function relationOf(w: WishFacts, v: Viewer): WishRelation | null {
  const s = standingOf(w, v)
  if (s.isPoster) return 'poster'
  if (s.isClaimer) return 'claimer'
  if (s.isSecretary) return 'secretary'
  if (s.mayClaim && MEMBER_VISIBLE.includes(w.status)) return 'member'
  return null
}

/** Poster, claimer and the branch secretary see the contact, the full names, the progress and the proof. */
export function isInvolved(relation: WishRelation): boolean {
  return relation !== 'member'
}

export type WishVerdict = 'ok' | 'notFound' | 'wrongState' | 'alreadyClaimed' | 'notPoster' | 'notClaimer' | 'ownWish' | 'tooEarly'

/** The states each action starts from. */
export const ACTION_FROM: Record<WishAction, readonly WishStatus[]> = {
  review: ['pending'],
  withdraw: ['pending', 'open'],
  claim: ['open'],
  addProgress: ['claimed'],
  giveBack: ['claimed'],
  fulfil: ['claimed'],
  confirm: ['fulfilled'],
  confirmOnBehalf: ['fulfilled'],
}

/**
 * Whether `v` may do `action` to the wish now. Asked before any external call (a quick refusal) and
 * again inside the transaction on the wish as it is then, so the answer is never stale.
 */
export function judge(action: WishAction, w: WishFacts, v: Viewer, nowMs: number): WishVerdict {
  const s = standingOf(w, v)
  if (relationOf(w, v) === null) return 'notFound'
  switch (action) {
    case 'review':
    case 'confirmOnBehalf':
      if (!s.isSecretary) return 'notFound'
      break
    case 'withdraw':
    case 'confirm':
      if (!s.isPoster) return 'notPoster'
      break
    case 'claim':
      if (s.isPoster) return 'ownWish'
      if (!s.mayClaim) return 'notFound'
      break
    case 'addProgress':
    case 'giveBack':
    case 'fulfil':
      if (!s.isClaimer) return 'notClaimer'
      break
  }
  if (!ACTION_FROM[action].includes(w.status)) {
    // Someone else's claim got there first: the loser of a race is told 已被认领, not a state name.
    return (action === 'claim' || action === 'withdraw') && TAKEN.includes(w.status) ? 'alreadyClaimed' : 'wrongState'
  }
  if (action === 'confirmOnBehalf' && (w.fulfilledAtMs === null || nowMs < wishConfirmOnBehalfFrom(w.fulfilledAtMs))) return 'tooEarly'
  return 'ok'
}

/** The actions the viewer can take now: the detail page offers these and nothing else. */
export function allowedActions(w: WishFacts, v: Viewer, nowMs: number): WishAction[] {
  return WISH_ACTIONS.filter((a) => judge(a, w, v, nowMs) === 'ok')
}

/** Each move a wish can make; `return` is 不满意 sending it back to the claimer. */
export type WishMove = 'post' | 'approve' | 'reject' | 'withdraw' | 'claim' | 'giveBack' | 'release' | 'fulfil' | 'confirm' | 'return' | 'confirmOnBehalf'

/** Who made a move, as the timeline names them (never the person). */
export type WishActor = 'poster' | 'recorder' | 'secretary' | 'claimer' | 'system'
export const ACTOR_LABELS: Record<WishActor, string> = {
  poster: '心愿人',
  recorder: '代录人',
  secretary: '书记',
  claimer: '认领人',
  system: '系统',
}

export type SlotChange = 'add' | 'remove' | null

export interface MoveEffect {
  to: WishStatus
  /** The claimer's slot: a claim takes one (within the limit), finishing or giving back frees it. */
  claimerSlot: SlotChange
  /** The beneficiary's slot: taken at posting, freed when the wish closes. */
  beneficiarySlot: SlotChange
}

const EFFECTS: Record<WishMove, MoveEffect> = {
  post: { to: 'pending', claimerSlot: null, beneficiarySlot: 'add' },
  approve: { to: 'open', claimerSlot: null, beneficiarySlot: null },
  reject: { to: 'rejected', claimerSlot: null, beneficiarySlot: 'remove' },
  withdraw: { to: 'withdrawn', claimerSlot: null, beneficiarySlot: 'remove' },
  claim: { to: 'claimed', claimerSlot: 'add', beneficiarySlot: null },
  giveBack: { to: 'open', claimerSlot: 'remove', beneficiarySlot: null },
  release: { to: 'open', claimerSlot: 'remove', beneficiarySlot: null },
  fulfil: { to: 'fulfilled', claimerSlot: 'remove', beneficiarySlot: null },
  confirm: { to: 'confirmed', claimerSlot: null, beneficiarySlot: 'remove' },
  // Back to the same claimer, who must finish it: it takes their slot again even when all 3 are in use.
  return: { to: 'claimed', claimerSlot: 'add', beneficiarySlot: null },
  confirmOnBehalf: { to: 'confirmed', claimerSlot: null, beneficiarySlot: 'remove' },
}

export function moveEffect(move: WishMove): MoveEffect {
  return EFFECTS[move]
}

/** 不满意 sends the wish back to the claimer once; a second 不满意 closes it with that verdict. */
export function confirmMove(satisfaction: WishSatisfaction, alreadyReturned: boolean): 'confirm' | 'return' {
  return satisfaction === 'unsatisfied' && !alreadyReturned ? 'return' : 'confirm'
}

/** Whether a slot holding `held` may take `wishId`: always if it holds it already. */
export function slotHasRoom(held: readonly string[], wishId: string, max: number): boolean {
  return held.includes(wishId) || held.length < max
}

/**
 * The beneficiary's slot key: the branch, the name and the phone, hashed so the slot's id says nothing
 * about the person. A resident posting for themself and a member recording for them (代录) with the
 * same name and phone share it.
 */
export function beneficiaryKey(branchId: string, name: string, phone: string): string {
  return createHash('sha256').update(`${branchId}\n${name.trim()}\n${phone.trim()}`).digest('hex').slice(0, 32)
}

/** Stats documents key months as `m<YYYYMM>` in Beijing time (a digits-only key would read as an index). */
export function monthKey(atMs: number): string {
  return `m${formatBeijing(atMs, 'YYYYMM')}`
}

/** `m202605` → `2026-05`. */
export function monthLabel(key: string): string {
  return `${key.slice(1, 5)}-${key.slice(5, 7)}`
}

/** The funnel stage a status reaches, counted once per wish however often it comes back there. */
const FUNNEL: Partial<Record<WishStatus, string>> = {
  open: 'approved',
  claimed: 'claimed',
  fulfilled: 'fulfilled',
  confirmed: 'confirmed',
}

export interface StatsChange {
  move: WishMove
  from: WishStatus | null
  to: WishStatus
  /** The states the wish had reached before this move. */
  reached: readonly WishStatus[]
  category: WishCategory
  nowMs: number
  satisfaction?: WishSatisfaction | null
}

/**
 * How the branch's figures move with one move, as `_.inc` amounts by dotted path: the wishes in each
 * state, the funnel (a stage counted once per wish), satisfaction, categories and months.
 */
export function statsDelta(c: StatsChange): Record<string, number> {
  const d: Record<string, number> = {}
  const add = (path: string, n: number) => {
    d[path] = (d[path] ?? 0) + n
  }
  if (c.from !== null) add(`current.${c.from}`, -1)
  add(`current.${c.to}`, 1)
  if (c.move === 'post') {
    add('funnel.posted', 1)
    add(`categories.${c.category}`, 1)
    add(`months.${monthKey(c.nowMs)}.posted`, 1)
  }
  const stage = FUNNEL[c.to]
  if (stage && !c.reached.includes(c.to)) add(`funnel.${stage}`, 1)
  if (c.to === 'confirmed') {
    add(`months.${monthKey(c.nowMs)}.confirmed`, 1)
    if (c.satisfaction) add(`satisfaction.${c.satisfaction}`, 1)
  }
  if (c.move === 'confirmOnBehalf') add('confirmedOnBehalf', 1)
  if (c.move === 'return') add('returned', 1)
  if (c.move === 'release') add('released', 1)
  for (const [k, n] of Object.entries(d)) if (n === 0) delete d[k]
  return d
}

export type IdleStep = 'release' | 'warn' | 'none'

/**
 * What the timer does to a claim idle since `idleSinceMs`: release it after 14 days without progress,
 * warn the claimer 2 days before (once per idle spell: `warnedAtMs` is cleared by any progress).
 */
export function idleStep(idleSinceMs: number, warnedAtMs: number | null, nowMs: number): IdleStep {
  if (nowMs >= wishReleaseAt(idleSinceMs)) return 'release'
  if (nowMs >= wishWarningAt(idleSinceMs) && warnedAtMs === null) return 'warn'
  return 'none'
}

/** Claims idle since this instant or earlier are due for a warning or a release at `nowMs`. */
export function idleCutoff(nowMs: number): number {
  return nowMs - wishWarningAt(0)
}

export type TextStatus = 'pass' | 'review' | 'rejected'

/** Text the content check held is read only by its author and the branch secretary until decided. */
export function mayReadText(status: TextStatus, authorOpenid: string | null, viewer: { openid: string; isSecretary: boolean }): boolean {
  return status === 'pass' || viewer.isSecretary || (authorOpenid !== null && authorOpenid === viewer.openid)
}
