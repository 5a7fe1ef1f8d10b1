export { CommitmentSubscribe } from './commitment-subscribe'
