export { AttendeePicker, type AttendeeChoice, type AttendeePickerProps } from './attendee-picker'
