export { CallErrorNote, type CallErrorNoteProps } from './call-error-note'
export { CallErrorView, type CallErrorViewProps } from './call-error-view'
export { DEV_SIGN_IN_PATH, SignInHint, shouldOfferSignIn, signInUrl } from './sign-in-hint'
