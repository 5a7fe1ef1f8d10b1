import { z } from 'zod'
import { OPENID_PATTERN, PHONE_MESSAGE, PHONE_PATTERN, URL_MAX, URL_PATTERN } from './rules/common.rules'
import { ROLES } from './rules/member.rules'

/**
 * Building blocks every contract uses. Strings are trimmed and capped so a 100 KB string is refused at
 * the door, and `z.string()` refuses objects, which is what stops `{ "$ne": null }` reaching a query.
 */
export const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字`)
export const requiredText = (max: number, label: string) =>
  text(max).min(1, `请填写${label}`)

export const openidSchema = z.string().trim().regex(OPENID_PATTERN, '用户标识格式不正确')

/** Ids we generate: letters, digits, `_` and `-`, never an operator or a path. */
export const idSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, '编号格式不正确')

export const cursorSchema = z.string().trim().max(200).regex(/^[A-Za-z0-9_=-]*$/, '分页标记格式不正确')

export const pageLimitSchema = z.number().int().min(1).max(50)

export const phoneSchema = z.string().trim().regex(PHONE_PATTERN, PHONE_MESSAGE)

export const urlSchema = z.string().trim().max(URL_MAX).regex(URL_PATTERN, '链接格式不正确')

export const roleSchema = z.enum(ROLES)

export interface Page<T> {
  items: T[]
  /** Opaque; absent when there is no further page. */
  nextCursor?: string
}
