import {
  INVITE_CODE_PATTERN,
  MEMBER_NAME_MAX,
  MEMBER_POST_MAX,
  PHONE_MESSAGE,
  PHONE_PATTERN,
  SECRETARY_CODE_LENGTH,
  SHARED_CODE_LENGTH,
} from '@contracts/rules'

/**
 * Client-side checks for the member forms: the limits of the contract's schemas (inviteCodeSchema,
 * profileFieldsSchema, from the contract's rules), with messages that say what to do. They only spare
 * a round trip: the server parses the input again and its message wins.
 */

export type FieldErrors<K extends string> = Partial<Record<K, string>>

export type Checked<T, K extends string> = { ok: true; value: T } | { ok: false; errors: FieldErrors<K> }

export function normaliseInviteCode(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase()
}

export function checkName(raw: string): string | undefined {
  const name = raw.trim()
  if (!name) return '请填写姓名'
  if ([...name].length > MEMBER_NAME_MAX) return `姓名不能超过 ${MEMBER_NAME_MAX} 个字`
  return undefined
}

export function checkInviteCode(code: string): string | undefined {
  if (!code) return '请填写邀请码'
  if (!INVITE_CODE_PATTERN.test(code)) return `邀请码是 ${SHARED_CODE_LENGTH} 到 ${SECRETARY_CODE_LENGTH} 位字母或数字，请核对后重新输入`
  return undefined
}

export interface JoinValues {
  name: string
  code: string
}

export function checkJoinForm(input: JoinValues): Checked<JoinValues, keyof JoinValues> {
  const value = { name: input.name.trim(), code: normaliseInviteCode(input.code) }
  const errors: FieldErrors<keyof JoinValues> = {}
  const nameError = checkName(value.name)
  if (nameError) errors.name = nameError
  const codeError = checkInviteCode(value.code)
  if (codeError) errors.code = codeError
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value }
}

export interface ProfileValues {
  name: string
  phone: string
  post: string
}

export function checkProfileForm(input: ProfileValues): Checked<ProfileValues, keyof ProfileValues> {
  const value = { name: input.name.trim(), phone: input.phone.replace(/[\s-]/g, ''), post: input.post.trim() }
  const errors: FieldErrors<keyof ProfileValues> = {}
  const nameError = checkName(value.name)
  if (nameError) errors.name = nameError
  if (value.phone && !PHONE_PATTERN.test(value.phone)) errors.phone = PHONE_MESSAGE
  if ([...value.post].length > MEMBER_POST_MAX) errors.post = `职务不能超过 ${MEMBER_POST_MAX} 个字`
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value }
}
