export { SpeakerPicker, type SpeakerPickerProps } from './speaker-picker'
