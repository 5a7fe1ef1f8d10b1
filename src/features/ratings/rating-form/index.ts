export { RatingForm, type RatingFormProps } from './rating-form'
