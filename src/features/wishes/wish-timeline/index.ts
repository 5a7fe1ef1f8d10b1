export { WishTimeline } from './wish-timeline'
