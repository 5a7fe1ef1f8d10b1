import cloud from 'wx-server-sdk'
import { lectureRouter } from '../../modules/lectures/lecture.router'
import { lectureRatings } from '../../modules/ratings/lecture-ratings.adapter'

// Deploy entry: wiring only. DYNAMIC_CURRENT_ENV is typed as a symbol but accepted by init.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

// Lectures reach ratings only through the port they declare (modules/lectures/lecture-ratings.port.ts).
export const main = lectureRouter(lectureRatings)
