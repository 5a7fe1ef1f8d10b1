import type { LectureRatings } from '../lectures/lecture-ratings.port'
import { ratingOnPresenceChange } from './rating-presence.use-case'
import { hasRated } from './rating.repository'

/** Ratings' side of what lectures ask for (modules/lectures/lecture-ratings.port.ts). */
export const lectureRatings: LectureRatings = { hasRated, onPresenceChange: ratingOnPresenceChange }
