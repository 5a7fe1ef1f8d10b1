export { CommitmentMemberCard, type CommitmentMemberCardProps } from './commitment-member-card'
