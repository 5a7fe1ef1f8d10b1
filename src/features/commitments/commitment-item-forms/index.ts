export { CommitmentItemForms, type CommitmentItemFormsProps } from './commitment-item-forms'
