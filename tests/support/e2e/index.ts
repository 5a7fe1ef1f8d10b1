export { launchBrowser, CHROMIUM_PATH, PHONE_VIEWPORT, type TestBrowser } from './browser'
export { signIn, signOut } from './sign-in'
export { startTestHost, type TestHost, type TestHostOptions } from './test-host'
export { DEMO_BRANCH_IDS, DEMO_INVITE_CODES, DEMO_OPENIDS, DEMO_PEOPLE, type DemoPerson } from '../../../cloudfunctions/emulator/seed'
