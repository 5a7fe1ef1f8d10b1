export { RatingRow, type RatingRowProps } from './rating-row'
