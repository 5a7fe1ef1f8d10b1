export { CommitmentPanel } from './commitment-panel'
