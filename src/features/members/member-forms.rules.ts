/**
 * Client-side checks for the member forms, mirroring the contract's schemas (inviteCodeSchema,
 * profileFieldsSchema) with the same Chinese messages. They only spare a round trip: the server parses
 * the input again and its message wins. Written by hand rather than importing the zod schemas so zod
 * stays out of the mini-program's main package.
 */

export type FieldErrors<K extends string> = Partial<Record<K, string>>

export type Checked<T, K extends string> = { ok: true; value: T } | { ok: false; errors: FieldErrors<K> }

const NAME_MAX = 20
const POST_MAX = 30

export function normaliseInviteCode(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase()
}

export function checkName(raw: string): string | undefined {
  const name = raw.trim()
  if (!name) return '请填写姓名'
  if ([...name].length > NAME_MAX) return `姓名不能超过 ${NAME_MAX} 个字`
  return undefined
}

export function checkInviteCode(code: string): string | undefined {
  if (!code) return '请填写邀请码'
  if (!/^[A-Z0-9]{6,8}$/.test(code)) return '邀请码是 6 到 8 位字母或数字，请核对后重新输入'
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
  if (value.phone && !/^1\d{10}$/.test(value.phone)) errors.phone = '请填写 11 位手机号'
  if ([...value.post].length > POST_MAX) errors.post = `职务不能超过 ${POST_MAX} 个字`
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value }
}
