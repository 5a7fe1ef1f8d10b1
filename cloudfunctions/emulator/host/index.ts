export { startHost, type RunningHost, type StartHostOptions } from './start-host'
export { IDENTITY_COOKIE, IDENTITY_HEADER } from './identity'
