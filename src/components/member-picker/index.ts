export { MemberPicker, type MemberPickerList, type MemberPickerProps } from './member-picker'
