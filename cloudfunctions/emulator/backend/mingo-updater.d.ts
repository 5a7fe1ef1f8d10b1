// `mingo/updater` is a documented entry point of mingo (package.json "exports"), but this project's
// TypeScript resolves modules the node10 way, which does not read "exports". Same function, same types
// as the root's `update`.
declare module 'mingo/updater' {
  export { update } from 'mingo'
}
