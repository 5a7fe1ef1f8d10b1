export { AttendanceRow, METHOD_LABELS, type AttendanceRowProps } from './attendance-row'
