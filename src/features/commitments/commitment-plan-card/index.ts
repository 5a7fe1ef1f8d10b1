export { CommitmentPlanCard, type CommitmentPlanCardProps } from './commitment-plan-card'
