export { callCloud, type CallInput, type CallOutput } from './call-cloud'
export { AUTH_REQUIRED, NETWORK_FAILED, NETWORK_FAILED_MESSAGE, isAuthRequired, networkFailed } from './errors'
