export { WishForm, type WishFormProps } from './wish-form'
