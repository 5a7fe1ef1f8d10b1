import { WISH_CATEGORIES, WISH_SATISFACTIONS, WISH_STATUSES, wishConfirmOnBehalfFrom, wishReleaseAt } from '../../contracts/rules/wish.rules'
import type {
  WishDetail,
  WishNote,
  WishPhoto,
  WishRelation,
  WishStats,
  WishTimelineEntry,
  WishView,
  WishWallEntry,
} from '../../contracts/wish.contract'
import { maskName } from '../../shared/privacy.rules'
import { factsOf, type StoredText, type WishDoc, type WishStatsDoc } from './wish.repository'
import { ACTOR_LABELS, allowedActions, isInvolved, monthLabel, mayReadText, type Viewer } from './wish.rules'

/**
 * Documents → answers, deciding what each viewer sees (docs/architecture.md "Privacy"): no openid ever;
 * the beneficiary's phone and address only to the poster, the claimer and the branch secretary; names
 * masked for everyone else; held texts only to their author and the secretary.
 */

const NO_URLS: ReadonlyMap<string, string> = new Map()

function photoOf(fileID: string, urls: ReadonlyMap<string, string>): WishPhoto {
  return { fileID, url: urls.get(fileID) ?? '' }
}

interface Reader {
  openid: string
  isSecretary: boolean
}

function noteOf(t: StoredText, reader: Reader): WishNote | null {
  if (!mayReadText(t.status, t.by, reader)) return null
  return {
    at: t.at.toISOString(),
    text: t.text,
    held: t.status === 'review',
    rejected: t.status === 'rejected',
    ...(reader.isSecretary && t.status === 'review' ? { key: t.key } : {}),
  }
}

/** The fileIDs a viewer receives URLs for: the wish's photos, and the proof for those involved. */
export function photoIdsFor(w: WishDoc, relation: WishRelation): string[] {
  return isInvolved(relation) && w.fulfilment ? [...w.photos, ...w.fulfilment.photos] : [...w.photos]
}

export function toWishView(w: WishDoc, relation: WishRelation, viewerBranchId: string, urls: ReadonlyMap<string, string> = NO_URLS): WishView {
  const involved = isInvolved(relation)
  return {
    id: w._id,
    branchName: w.branchName,
    fromOtherBranch: w.branchId !== viewerBranchId,
    title: w.title,
    description: w.description,
    category: w.category,
    cost: w.cost,
    photos: w.photos.map((id) => photoOf(id, urls)),
    beneficiaryName: involved ? w.beneficiary.name : maskName(w.beneficiary.name),
    neighbourhood: w.beneficiary.neighbourhood,
    status: w.status,
    openToAll: w.openToAll,
    recordedOnBehalf: w.recordedOnBehalf,
    postedAt: w.postedAt.toISOString(),
    claimerName: w.claimer ? (involved ? w.claimer.name : maskName(w.claimer.name)) : null,
  }
}

export function toWishDetail(w: WishDoc, viewer: Viewer, relation: WishRelation, nowMs: number, urls: ReadonlyMap<string, string> = NO_URLS): WishDetail {
  const involved = isInvolved(relation)
  const isSecretary = w.branchId === viewer.branchId && viewer.role === 'secretary'
  const reader: Reader = { openid: viewer.openid, isSecretary }
  const seesClock = relation === 'claimer' || isSecretary
  const timeline: WishTimelineEntry[] = w.timeline.map((e) => ({
    at: e.at.toISOString(),
    by: ACTOR_LABELS[e.actor],
    from: e.from,
    to: e.to,
    reason: involved && e.reason ? (noteOf(e.reason, reader)?.text ?? null) : null,
  }))
  const confirmation = w.confirmation
  return {
    ...toWishView(w, relation, viewer.branchId, urls),
    relation,
    actions: allowedActions(factsOf(w), viewer, nowMs),
    contact: involved ? { name: w.beneficiary.name, phone: w.beneficiary.phone, address: w.beneficiary.address } : null,
    timeline,
    progress: involved ? w.progress.flatMap((t) => noteOf(t, reader) ?? []) : [],
    fulfilment:
      involved && w.fulfilment
        ? {
            at: w.fulfilment.at.toISOString(),
            note: noteOf(w.fulfilment.note, reader) ?? { at: w.fulfilment.at.toISOString(), text: '', held: true, rejected: false },
            photos: w.fulfilment.photos.map((id) => photoOf(id, urls)),
          }
        : null,
    confirmation: confirmation
      ? {
          at: confirmation.at.toISOString(),
          satisfaction: confirmation.satisfaction,
          thanks: confirmation.thanks && involved ? noteOf(confirmation.thanks, reader) : null,
          showProofOnWall: confirmation.showProofOnWall,
          confirmedOnBehalf: confirmation.confirmedOnBehalf,
        }
      : null,
    rejectReason: relation === 'poster' || isSecretary ? w.rejectReason : null,
    returned: w.returned,
    textHeld: isSecretary && w.textHeld,
    releaseAt: seesClock && w.status === 'claimed' && w.idleSince ? new Date(wishReleaseAt(w.idleSince.getTime())).toISOString() : null,
    releaseWarnedAt: seesClock && w.status === 'claimed' && w.releaseWarnedAt ? w.releaseWarnedAt.toISOString() : null,
    confirmOnBehalfFrom:
      isSecretary && w.status === 'fulfilled' && w.fulfilledAt ? new Date(wishConfirmOnBehalfFrom(w.fulfilledAt.getTime())).toISOString() : null,
  }
}

/** For the public wall: masked names; the thanks once passed; the proof photo only with the poster's consent. */
export function toWallEntry(w: WishDoc, urls: ReadonlyMap<string, string> = NO_URLS): WishWallEntry {
  const c = w.confirmation
  const proof = c?.showProofOnWall ? w.fulfilment?.photos[0] : undefined
  return {
    id: w._id,
    title: w.title,
    category: w.category,
    branchName: w.branchName,
    beneficiaryName: maskName(w.beneficiary.name),
    claimerName: maskName(w.claimer?.name ?? ''),
    fulfilledAt: (w.fulfilledAt ?? w.updatedAt).toISOString(),
    confirmedAt: w.confirmedAt ? w.confirmedAt.toISOString() : null,
    satisfaction: c?.satisfaction ?? null,
    thanks: c?.thanks && c.thanks.status === 'pass' && c.thanks.text ? c.thanks.text : null,
    proofPhoto: proof ? photoOf(proof, urls) : null,
  }
}

/** The fileID the wall shows for a wish, if any. */
export function wallPhotoId(w: WishDoc): string | null {
  return w.confirmation?.showProofOnWall ? (w.fulfilment?.photos[0] ?? null) : null
}

export function toWishStats(doc: WishStatsDoc | null): WishStats {
  const pick = <K extends string>(keys: readonly K[], from: Partial<Record<K, number>> | undefined) =>
    Object.fromEntries(keys.map((k) => [k, from?.[k] ?? 0])) as Record<K, number>
  const f = doc?.funnel
  return {
    funnel: { posted: f?.posted ?? 0, approved: f?.approved ?? 0, claimed: f?.claimed ?? 0, fulfilled: f?.fulfilled ?? 0, confirmed: f?.confirmed ?? 0 },
    current: pick(WISH_STATUSES, doc?.current),
    satisfaction: pick(WISH_SATISFACTIONS, doc?.satisfaction),
    confirmedOnBehalf: doc?.confirmedOnBehalf ?? 0,
    returned: doc?.returned ?? 0,
    released: doc?.released ?? 0,
    byCategory: pick(WISH_CATEGORIES, doc?.categories),
    byMonth: Object.entries(doc?.months ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, m]) => ({ month: monthLabel(key), posted: m.posted ?? 0, confirmed: m.confirmed ?? 0 })),
  }
}
