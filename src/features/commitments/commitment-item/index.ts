export { CommitmentItem, type CommitmentItemProps } from './commitment-item'
