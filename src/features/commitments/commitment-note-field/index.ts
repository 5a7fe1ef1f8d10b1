export { CommitmentNoteField, type CommitmentNoteFieldProps } from './commitment-note-field'
