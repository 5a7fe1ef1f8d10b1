import { commitmentContract } from './commitment.contract'
import { lectureContract } from './lecture.contract'
import { memberContract } from './member.contract'
import { ratingContract } from './rating.contract'
import { wishContract } from './wish.contract'

export * from './rules'
export * from './envelope'
export * from './define'
export * from './common.schema'
export * from './member.contract'
export * from './lecture.contract'
export * from './rating.contract'
export * from './wish.contract'
export * from './commitment.contract'

/** Every deployed function and its actions: the client's `callCloud` is typed by this map. */
export const contracts = {
  member: memberContract,
  lecture: lectureContract,
  rating: ratingContract,
  wish: wishContract,
  commitment: commitmentContract,
}

export type Contracts = typeof contracts
export type FunctionName = keyof Contracts
export type ActionName<F extends FunctionName> = keyof Contracts[F] & string
