export { AttendeePicker, type AttendeePickerProps } from './attendee-picker'
