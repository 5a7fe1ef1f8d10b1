/**
 * The zod-free part of the contracts: constants, enums, Chinese labels, limits and pure helpers. The
 * schemas are built from these, and the client imports them from here (`@contracts/rules`), so a rule
 * the client shows has one source and zod stays out of the mini-program's main package.
 */
export * from './time.rules'
export * from './common.rules'
export * from './member.rules'
export * from './lecture.rules'
export * from './check-in-scene.rules'
export * from './rating.rules'
export * from './wish.rules'
export * from './commitment.rules'
