/**
 * The platform transport, resolved per build by Taro's per-platform files: `import './transport'`
 * becomes transport.weapp.ts in the weapp build and transport.h5.ts in the H5 build (Taro tries
 * `<name>.<TARO_ENV>.ts` before `<name>.ts`). This file is what tools that do not know that rule see —
 * TypeScript and Jest (jsdom, i.e. the browser) — so it is the H5 transport. Both platform files are
 * typed against the same `Transport` signature, so they cannot drift.
 */
export { transport } from './transport.h5'
