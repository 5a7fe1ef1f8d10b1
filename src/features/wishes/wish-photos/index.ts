export { WishPhotoField, WishPhotos, type WishPhotoFieldProps } from './wish-photos'
