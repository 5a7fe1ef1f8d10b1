/**
 * Taro builds use transport.weapp.ts / transport.h5.ts (`<name>.<TARO_ENV>.ts` wins); TypeScript and
 * Jest (jsdom, a browser) see this file, so it is the H5 one. Both are typed by `Transport`.
 */
export { transport } from './transport.h5'
