export { WishNoteLine, type WishNoteLineProps } from './wish-note'
