export { PendingComments, type PendingCommentsProps } from './pending-comments'
