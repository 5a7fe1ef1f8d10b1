export { ReportSubscribe, type ReportSubscribeProps } from './report-subscribe'
