export { CheckInRecord, type CheckInRecordProps } from './check-in-record'
