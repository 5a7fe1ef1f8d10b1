export { RatingReport, type RatingReportProps } from './rating-report'
