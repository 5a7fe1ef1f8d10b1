import { invalidParam } from './backend-error'

/** Narrowing helpers for the loosely-typed JSON parameters of an admin request. */
export type Params = Record<string, unknown>

export function optionalString(params: Params, key: string): string | undefined {
  const value = params[key]
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value !== 'string') throw invalidParam(`${key} must be a string`)
  return value
}

export function requiredString(params: Params, key: string): string {
  const value = optionalString(params, key)
  if (value === undefined) throw invalidParam(`${key} is required`)
  return value
}

export function optionalBoolean(params: Params, key: string): boolean | undefined {
  const value = params[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'boolean') throw invalidParam(`${key} must be a boolean`)
  return value
}

export function optionalInteger(params: Params, key: string): number | undefined {
  const value = params[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value)) throw invalidParam(`${key} must be an integer`)
  return value
}

export function optionalArray(params: Params, key: string): unknown[] | undefined {
  const value = params[key]
  if (value === undefined || value === null) return undefined
  if (!Array.isArray(value)) throw invalidParam(`${key} must be an array`)
  return value
}
