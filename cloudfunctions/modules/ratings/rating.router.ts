import { ratingContract } from '../../contracts/rating.contract'
import { createRouter } from '../../shared/router'
import { lecturerReport, ratingProgress, ratingSummary, reviewComment } from './rating-report.use-case'
import { myRating, submitRating } from './submit-rating.use-case'

/** The `rating` function: the 评议表 of open-style lectures and the lecturer's anonymous feedback. */
export const ratingRouter = createRouter('rating', ratingContract, {
  submit: { auth: 'inBranch', handle: (input, ctx) => submitRating(input, ctx) },
  mine: { auth: 'inBranch', handle: (input, ctx) => myRating(input, ctx) },
  summary: { auth: 'inBranch', handle: (input, ctx) => ratingSummary(input, ctx) },
  progress: { auth: 'inBranch', handle: (input, ctx) => ratingProgress(input, ctx) },
  reviewComment: { auth: 'inBranch', handle: (input, ctx) => reviewComment(input, ctx) },
  lecturerReport: { auth: 'inBranch', handle: (input, ctx) => lecturerReport(input, ctx) },
})
