export { CommitmentFigures } from './commitment-figures'
