export { WishSubscribe } from './wish-subscribe'
