export { CommitmentDraftForm, type CommitmentDraftFormProps } from './commitment-draft-form'
