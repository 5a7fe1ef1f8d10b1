export { NotRatedList, type NotRatedListProps } from './not-rated-list'
export { RatingReport, type RatingReportProps } from './rating-report'
