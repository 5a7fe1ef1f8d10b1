export { ErrorNote, type ErrorNoteProps } from './error-note'
