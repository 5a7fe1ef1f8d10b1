/** Shapes several contracts accept, for the schemas and for the forms that check them first. */

/** Openids are 28 characters in production; seeded local ones are `demo-…`. */
export const OPENID_PATTERN = /^[A-Za-z0-9_-]{6,64}$/

/** A mainland mobile number: 11 digits, the first a 1. */
export const PHONE_LENGTH = 11
export const PHONE_PATTERN = new RegExp(`^1\\d{${PHONE_LENGTH - 1}}$`)
export const PHONE_MESSAGE = `请填写 ${PHONE_LENGTH} 位手机号`

export const URL_MAX = 500
/** A link or a file in cloud storage. */
export const URL_PATTERN = /^(https?:\/\/|cloud:\/\/)[^\s]+$/
/** A link to read elsewhere: a `cloud://` id is an uploaded file, never a link. */
export const WEB_LINK_PATTERN = /^https?:\/\//
export const WEB_LINK_MESSAGE = '链接格式不正确，请填写以 http:// 或 https:// 开头的完整链接'

/** A reason a secretary gives (取消党课, 补录 / 撤销 a check-in). */
export const REASON_MAX = 100
