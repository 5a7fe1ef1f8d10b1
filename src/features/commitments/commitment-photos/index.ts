export { CommitmentPhotoField, CommitmentPhotos, type CommitmentPhotoFieldProps } from './commitment-photos'
