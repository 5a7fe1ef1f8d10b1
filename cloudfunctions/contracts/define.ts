import type { z } from 'zod'

/**
 * One action of a function: its input schema (parsed at the router, reused by forms) and its output
 * type (a phantom, carried only for the compiler). tRPC's starter is the model.
 */
export interface ActionContract<I extends z.ZodType, O> {
  input: I
  /** Never read at run time; exists so `OutputOf` can name the answer's type. */
  readonly output?: O
}

export function action<O>() {
  return <I extends z.ZodType>(input: I): ActionContract<I, O> => ({ input })
}

export type ContractMap = Record<string, ActionContract<z.ZodType, unknown>>

export type InputOf<C> = C extends ActionContract<infer I, unknown> ? z.input<I> : never
export type ParsedInputOf<C> = C extends ActionContract<infer I, unknown> ? z.output<I> : never
export type OutputOf<C> = C extends ActionContract<z.ZodType, infer O> ? O : never
