export { MemberRow, type MemberRowProps } from './member-row'
