export { CommitmentRateForm, CommitmentRatings, type CommitmentRateFormProps, type CommitmentRatingsProps } from './commitment-ratings'
