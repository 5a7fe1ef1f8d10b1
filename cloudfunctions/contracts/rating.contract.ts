import { z } from 'zod'
import { action } from './define'
import { openidSchema, text } from './common.schema'
import { lectureIdSchema } from './lecture.contract'

/** The four dimensions of the 评议表, in the order the form shows them. */
export const RATING_DIMENSIONS = ['attitude', 'content', 'form', 'effect'] as const
export type RatingDimension = (typeof RATING_DIMENSIONS)[number]

export const DIMENSION_LABELS: Record<RatingDimension, string> = {
  attitude: '授课态度',
  content: '授课内容',
  form: '授课形式',
  effect: '授课效果',
}

/** Below this many ratings nothing is shown, so no single rater can be identified. */
export const RATING_THRESHOLD = 3
export const COMMENT_MAX = 300

const score = z.number().int('请打 1 到 5 分').min(1, '请打 1 到 5 分').max(5, '请打 1 到 5 分')

export const scoresSchema = z.strictObject({
  attitude: score,
  content: score,
  form: score,
  effect: score,
})

export type Scores = z.infer<typeof scoresSchema>

export interface MyRating {
  lectureId: string
  scores: Scores
  comment: string
  /** `review`: the comment waits for the secretary before anyone else reads it. */
  commentStatus: 'none' | 'pass' | 'review'
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
  count: number
  attendees: number
  /** ratings / attendees, 0–1. */
  responseRate: number
  overallAverage: number
  dimensions: Record<RatingDimension, DimensionSummary>
  /** Comment texts only, in an order that says nothing about who or when. */
  comments: string[]
  /** Only for the branch secretary: attendees who have not rated yet (never who gave what). */
  notRated?: Array<{ name: string }>
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
  lecturerReport: action<LecturerReport>()(
    z.strictObject({
      /** A secretary names the speaker; a speaker asking about themself leaves it out. */
      speakerOpenid: openidSchema.optional(),
    }),
  ),
}

export type RatingContract = typeof ratingContract
