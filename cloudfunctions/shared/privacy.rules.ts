/**
 * Masked forms for lists that others read (docs/architecture.md "Privacy"): the full name and phone are
 * returned only to the person themself, the branch secretary, and whoever a feature says needs them.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim())
  if (chars.length === 0) return ''
  if (chars.length === 1) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 2))}`
}

export function maskPhone(phone: string): string {
  const digits = phone.trim()
  if (!/^\d{11}$/.test(digits)) return digits ? '***' : ''
  return `${digits.slice(0, 3)}****${digits.slice(7)}`
}
