import type { Scores } from '../../contracts/rating.contract'
import { RATING_DIMENSIONS, RATING_THRESHOLD, type RatingDimension } from '../../contracts/rules/rating.rules'

/**
 * Pure rules of the 评议表: how one rating moves the aggregate kept on the lecture, and what the
 * aggregate says. Nothing here knows who rated. When a rating may be given is the contract's
 * (contracts/rules/rating.rules.ts), as the client shows it too.
 */

type ScoreKey = 's1' | 's2' | 's3' | 's4' | 's5'
const SCORE_KEYS: readonly ScoreKey[] = ['s1', 's2', 's3', 's4', 's5']

/** What a lecture keeps: counts and sums, so a report never scans the ratings (docs/architecture.md "Rules that hold everywhere"). */
export interface RatingAggregate {
  count: number
  sums: Record<RatingDimension, number>
  dist: Record<RatingDimension, Record<ScoreKey, number>>
}

export function emptyAggregate(): RatingAggregate {
  const sums = {} as Record<RatingDimension, number>
  const dist = {} as Record<RatingDimension, Record<ScoreKey, number>>
  for (const d of RATING_DIMENSIONS) {
    sums[d] = 0
    dist[d] = { s1: 0, s2: 0, s3: 0, s4: 0, s5: 0 }
  }
  return { count: 0, sums, dist }
}

/** An aggregate as read from a document that may predate ratings or miss some paths. */
export function normalizeAggregate(raw: unknown): RatingAggregate {
  const agg = emptyAggregate()
  if (typeof raw !== 'object' || raw === null) return agg
  const r = raw as { count?: unknown; sums?: Record<string, unknown>; dist?: Record<string, Record<string, unknown>> }
  agg.count = typeof r.count === 'number' ? r.count : 0
  for (const d of RATING_DIMENSIONS) {
    const s = r.sums?.[d]
    agg.sums[d] = typeof s === 'number' ? s : 0
    for (const k of SCORE_KEYS) {
      const v = r.dist?.[d]?.[k]
      agg.dist[d][k] = typeof v === 'number' ? v : 0
    }
  }
  return agg
}

/**
 * The increments one submission makes, as dotted paths under `rating.`: a first rating adds one to the
 * count; a revision moves sums and distributions from the old scores to the new, and leaves the count.
 */
export function aggregateDelta(previous: Scores | null, next: Scores): Record<string, number> {
  const delta: Record<string, number> = {}
  const add = (path: string, n: number) => {
    if (n !== 0) delta[path] = (delta[path] ?? 0) + n
  }
  if (!previous) add('count', 1)
  for (const d of RATING_DIMENSIONS) {
    add(`sums.${d}`, next[d] - (previous?.[d] ?? 0))
    if (previous) add(`dist.${d}.s${previous[d]}`, -1)
    add(`dist.${d}.s${next[d]}`, 1)
  }
  for (const [k, v] of Object.entries(delta)) if (v === 0) delete delta[k]
  return delta
}

/**
 * The increments that take a counted rating out of the aggregate (its rater was removed from the
 * attendance: a 代签 found out after they rated) or, with `back`, put it in again (marked present once
 * more). Count, sums and distributions move together, so the numbers keep adding up.
 */
export function presenceDelta(scores: Scores, back: boolean): Record<string, number> {
  const added = aggregateDelta(null, scores)
  if (back) return added
  const delta: Record<string, number> = {}
  for (const [k, v] of Object.entries(added)) delta[k] = -v
  return delta
}

export function applyDelta(agg: RatingAggregate, delta: Record<string, number>): RatingAggregate {
  const next = normalizeAggregate(JSON.parse(JSON.stringify(agg)))
  for (const [path, n] of Object.entries(delta)) {
    const parts = path.split('.')
    if (parts[0] === 'count') next.count += n
    else if (parts[0] === 'sums') next.sums[parts[1] as RatingDimension] += n
    else if (parts[0] === 'dist') next.dist[parts[1] as RatingDimension][parts[2] as ScoreKey] += n
  }
  return next
}

/** `a − b`, path by path: what the report may show of the live aggregate while a batch is held. */
export function subtractAggregate(a: RatingAggregate, b: RatingAggregate): RatingAggregate {
  const out = emptyAggregate()
  out.count = a.count - b.count
  for (const d of RATING_DIMENSIONS) {
    out.sums[d] = a.sums[d] - b.sums[d]
    for (const k of SCORE_KEYS) out.dist[d][k] = a.dist[d][k] - b.dist[d][k]
  }
  return out
}

/** New raters reach the report 3 at a time (docs/architecture.md "Ratings released in batches"). */
export const RELEASE_BATCH = RATING_THRESHOLD

export interface RatingState {
  live: RatingAggregate
  /** What `live` has that the report does not show yet. */
  held: RatingAggregate
  /** New raters (still counted) in the batch being gathered: the batch is released at 3. */
  fresh: number
}

export interface RatingChange {
  /** Increments under `rating.` for the lecture document (live, and `held.` / `fresh` while held). */
  inc: Record<string, number>
  /** The held batch is complete: the caller resets `rating.held` and `rating.fresh` and opens the next batch. */
  release: boolean
  /** What the report shows after the change. */
  shown: RatingAggregate
}

/**
 * How one change moves the lecture's numbers: a rating given or revised (`kind: 'rating'`, with
 * `aggregateDelta`), or its rater taken out of the attendance or put back (`kind: 'presence'`, with
 * `presenceDelta`). `inHeldBatch`: the rating was first given in the batch not yet released.
 */
export function ratingChange(state: RatingState, delta: Record<string, number>, change: { kind: 'rating' | 'presence'; inHeldBatch: boolean }): RatingChange {
  const live = applyDelta(state.live, delta)
  const holds = change.inHeldBatch || change.kind === 'presence'
  const held = holds ? applyDelta(state.held, delta) : state.held
  // A first rating adds a fresh rater, a revision none; in the held batch, removal takes one away.
  const freshDelta = change.inHeldBatch ? (delta.count ?? 0) : 0
  const release = state.fresh + freshDelta >= RELEASE_BATCH
  const inc: Record<string, number> = { ...delta }
  if (!release) {
    if (holds) for (const [path, n] of Object.entries(delta)) inc[`held.${path}`] = n
    if (freshDelta !== 0) inc.fresh = freshDelta
  }
  return { inc, release, shown: release ? live : subtractAggregate(live, held) }
}

/** A lecture's stored `rating` field read as its state, whatever it lacks (older lectures, none yet). */
export function ratingStateOf(raw: unknown): RatingState & { batch: number; told: boolean } {
  const r = typeof raw === 'object' && raw !== null ? (raw as { held?: unknown; fresh?: unknown; batch?: unknown; notifiedAt?: unknown }) : {}
  const held = normalizeAggregate(r.held)
  return {
    live: normalizeAggregate(raw),
    held,
    fresh: typeof r.fresh === 'number' ? r.fresh : held.count,
    batch: typeof r.batch === 'number' ? r.batch : 0,
    told: Boolean(r.notifiedAt),
  }
}

/** The report's part of a lecture's stored rating state. */
export function shownAggregate(state: RatingState): RatingAggregate {
  return subtractAggregate(state.live, state.held)
}

/** What a rating keeps of its place in the batches (see RatingDoc in rating.repository.ts). */
export interface RatingBatchMarks {
  batch?: number
  excluded?: boolean
  /** The batch in which its attendance last changed, and whether it was excluded before that batch. */
  presenceBatch?: number
  excludedBefore?: boolean
}

/**
 * Whether a rating's comment belongs to the released report: the rating was released, and — as the
 * figures have it until the next release — it counts. A comment must not appear or vanish ahead of the
 * figures, or its text would be tied to the name that just left 还没评议 or to the person removed.
 */
export function commentReleased(r: RatingBatchMarks, currentBatch: number, closed = false): boolean {
  if (r.batch !== undefined && r.batch >= currentBatch) return false
  // At the window's close attendance changes show at once (see shownAtClose).
  if (closed) return r.excluded !== true
  const excludedAsShown = r.presenceBatch === currentBatch ? r.excludedBefore === true : r.excluded === true
  return !excludedAsShown
}

/**
 * Attendance corrections that move a released rating out of the figures or back in, waiting for the next
 * release: those whose rater is present now but not as the figures have it, or the other way round.
 */
export function pendingAttendanceChanges(marks: readonly RatingBatchMarks[], currentBatch: number): number {
  return marks.filter((r) => (r.batch === undefined || r.batch < currentBatch) && r.presenceBatch === currentBatch && (r.excluded === true) !== (r.excludedBefore === true)).length
}

/**
 * What the report shows once the rating window has closed: every attendance change (a removed person's
 * scores are not protected from the secretary who removed them), but not a batch of fewer than 3 new
 * raters (`heldNew`, the aggregate of the counted ratings first given in the unreleased batch): nobody
 * removed them, and their scores would be the difference between two reports.
 */
export function shownAtClose(state: RatingState, heldNew: RatingAggregate): RatingAggregate {
  return subtractAggregate(state.live, heldNew)
}

/**
 * Those present (less the speaker) as the figures have them, from those present now. Before the close
 * the figures keep a removed rater until the next release (and leave out one put back), so the count the
 * response rate compares with moves with them: shown count + new raters held + present who have not rated
 * = this, whatever is waiting. Attendance of people with no rating in the figures is as it is now.
 */
export function attendeesAsShown(state: RatingState, presentNow: number, closed: boolean): number {
  return closed ? presentNow : presentNow - state.held.count + state.fresh
}

/**
 * How many more new ratings would release what waits, or null when fewer people than that can still
 * rate (then only the window's close brings attendance changes in).
 */
export function ratingsToRelease(state: RatingState, presentNow: number): number | null {
  const needed = RELEASE_BATCH - state.fresh
  const canStillRate = presentNow - state.live.count
  return canStillRate >= needed ? needed : null
}

const round2 = (n: number) => Math.round(n * 100) / 100

export function averages(agg: RatingAggregate): Record<RatingDimension, number> & { overall: number } {
  const out = { overall: 0 } as Record<RatingDimension, number> & { overall: number }
  let total = 0
  for (const d of RATING_DIMENSIONS) {
    out[d] = agg.count > 0 ? round2(agg.sums[d] / agg.count) : 0
    total += agg.sums[d]
  }
  out.overall = agg.count > 0 ? round2(total / (agg.count * RATING_DIMENSIONS.length)) : 0
  return out
}

export function distribution(agg: RatingAggregate, d: RatingDimension): [number, number, number, number, number] {
  const x = agg.dist[d]
  return [x.s1, x.s2, x.s3, x.s4, x.s5]
}

export function meetsThreshold(count: number): boolean {
  return count >= RATING_THRESHOLD
}

/**
 * Whether this submission should tell the speaker the report is ready: the count has reached the
 * threshold and nobody has told them yet (a failed send gives the mark back, so a later one retries).
 */
export function shouldTellSpeaker(countAfter: number, alreadyTold: boolean): boolean {
  return meetsThreshold(countAfter) && !alreadyTold
}

/** Comments in an order that carries no trace of who wrote them or when: by text. */
export function anonymousOrder(comments: string[]): string[] {
  return [...comments].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'))
}
