export { JoinRequestCard, type JoinRequestCardProps } from './join-request-card'
