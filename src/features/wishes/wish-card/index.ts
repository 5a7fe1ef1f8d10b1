export { WishCard, WishWallCard, type WishCardProps } from './wish-card'
