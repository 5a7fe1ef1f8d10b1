import { z } from 'zod'
import { action } from './define'
import { openidSchema, text } from './common.schema'
import { lectureIdSchema } from './lecture.contract'
import { COMMENT_MAX, RATING_THRESHOLD, SCORE_MAX, SCORE_MIN, type RatingDimension } from './rules/rating.rules'

const scoreMessage = `请打 ${SCORE_MIN} 到 ${SCORE_MAX} 分`
const score = z.number().int(scoreMessage).min(SCORE_MIN, scoreMessage).max(SCORE_MAX, scoreMessage)

export const scoresSchema = z.strictObject({
  attitude: score,
  content: score,
  form: score,
  effect: score,
})

export type Scores = z.infer<typeof scoresSchema>

export type CommentStatus = 'none' | 'pass' | 'review' | 'rejected'

/** A comment waiting for the secretary: its text and an opaque key, never whose it is. */
export interface PendingComment {
  key: string
  text: string
}

/** The opaque key of a comment under review: random, renewed whenever the comment changes. */
export const commentKeySchema = z.string().regex(/^[a-f0-9]{16}$/, '评语标识格式不正确')

export interface MyRating {
  lectureId: string
  scores: Scores
  comment: string
  /**
   * `review`: the comment waits for the branch secretary before the speaker reads it; `rejected`: the
   * secretary decided it is not shown (the scores still count).
   */
  commentStatus: CommentStatus
  updatedAt: string
  /** Until when the rating can still be changed (ISO). */
  editableUntil: string
}

export interface DimensionSummary {
  average: number
  /** How many gave 1, 2, 3, 4, 5 (index 0 = 1 分). */
  distribution: [number, number, number, number, number]
}

export interface RatingSummary {
  lectureId: string
  lectureTitle: string
  startAt: string
  /** Ratings in the figures below. */
  count: number
  /**
   * New ratings given since the last release, not yet in the figures: they are released together once
   * 3 have gathered, so no difference between two reports is one person's scores.
   */
  heldCount: number
  /**
   * Attendance corrections (a rater removed, or put back) that move a rating out of the figures or in,
   * waiting for the next release or the window's close; 0 once closed, when they show at once.
   */
  pendingChanges: number
  /** How many more new ratings release what waits; null when fewer people than that can still rate. */
  releaseAfter: number | null
  /** The rating window has closed: a batch of fewer than 3 new ratings stays out for good; attendance changes are in. */
  ratingClosed: boolean
  /** When the rating window closes (ISO). */
  ratingClosesAt: string
  /**
   * Present, not counting the speaker, as the figures have them (a removed rater still counts until
   * their removal shows): `count` + `heldCount` + those who have not rated = `attendees`.
   */
  attendees: number
  /** count / attendees, 0–1. */
  responseRate: number
  overallAverage: number
  dimensions: Record<RatingDimension, DimensionSummary>
  /** Comment texts only, in an order that says nothing about who or when. */
  comments: string[]
  /** Only for the branch secretary: attendees who have not rated yet (never who gave what). */
  notRated?: Array<{ name: string }>
  /** Only for the branch secretary: comments the content check held for review, without names. */
  pendingComments?: PendingComment[]
}

/**
 * Only for the branch secretary: how far the 评议 has come and who has not rated yet — counts and names,
 * never a score, a comment or an openid. Answered below the threshold too, when the summary is withheld
 * and the secretary most needs to remind people.
 */
export interface RatingProgress {
  /** Ratings that count (their raters still present), released into the report or not. */
  rated: number
  /** Present, not counting the speaker — as `RatingSummary.attendees`. */
  attendees: number
  /** As `RatingSummary.notRated`. */
  notRated: Array<{ name: string }>
  threshold: typeof RATING_THRESHOLD
}

export interface LecturerReportRow {
  lectureId: string
  title: string
  startAt: string
  count: number
  /** Null while fewer than the threshold have rated. */
  averages: (Record<RatingDimension, number> & { overall: number }) | null
}

export interface LecturerReport {
  speakerName: string
  lectures: LecturerReportRow[]
}

export const ratingContract = {
  submit: action<MyRating>()(
    z.strictObject({
      lectureId: lectureIdSchema,
      scores: scoresSchema,
      comment: text(COMMENT_MAX).optional(),
    }),
  ),
  mine: action<MyRating | null>()(z.strictObject({ lectureId: lectureIdSchema })),
  summary: action<RatingSummary>()(z.strictObject({ lectureId: lectureIdSchema })),
  /** Secretary of the lecture's branch: how many have rated and who has not, at any count. */
  progress: action<RatingProgress>()(z.strictObject({ lectureId: lectureIdSchema })),
  /** Secretary of the lecture's branch: publish (`pass`) or withhold (`reject`) a comment held for review. */
  reviewComment: action<{ key: string; commentStatus: 'pass' | 'rejected' }>()(
    z.strictObject({
      lectureId: lectureIdSchema,
      key: commentKeySchema,
      decision: z.enum(['pass', 'reject']),
    }),
  ),
  lecturerReport: action<LecturerReport>()(
    z.strictObject({
      /** A secretary names the speaker; a speaker asking about themself leaves it out. */
      speakerOpenid: openidSchema.optional(),
    }),
  ),
}

export type RatingContract = typeof ratingContract
