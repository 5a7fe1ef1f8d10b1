export { WishActionPanel, type WishActionPanelProps } from './wish-action-panel'
export { WishReviewDialogs, type ReviewDecision, type WishReviewDialogsProps } from './wish-review-dialogs'
