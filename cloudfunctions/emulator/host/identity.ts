import type { IncomingMessage } from 'node:http'

/**
 * Who is calling, locally. In the cloud the platform tells the function; here the dev sign-in sets a
 * cookie (the H5 app in a browser) and scripts, tests and the benchmark send a header.
 */
export const IDENTITY_COOKIE = 'zb_openid'
export const IDENTITY_HEADER = 'x-openid'

/**
 * The shape the contracts accept (6–64 of letters, digits, `_`, `-`), minus all-digit strings: the
 * SDK's getWXContext() turns a digits-only value into a number, which no real openid ever is.
 */
const OPENID = /^(?=[A-Za-z0-9_-]*[A-Za-z_-])[A-Za-z0-9_-]{6,64}$/

export function isValidOpenid(value: string): boolean {
  return OPENID.test(value)
}

export type Identity = { kind: 'signed-in'; openid: string } | { kind: 'anonymous' } | { kind: 'invalid' }

/** The header wins over the cookie, so a script can act as anyone from a browser-like client. */
export function identify(req: IncomingMessage): Identity {
  const header = req.headers[IDENTITY_HEADER]
  const claimed = typeof header === 'string' && header !== '' ? header : readCookie(req, IDENTITY_COOKIE)
  if (claimed === undefined) return { kind: 'anonymous' }
  return isValidOpenid(claimed) ? { kind: 'signed-in', openid: claimed } : { kind: 'invalid' }
}

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie
  if (!header) return undefined
  for (const part of header.split(';')) {
    const at = part.indexOf('=')
    if (at < 0 || part.slice(0, at).trim() !== name) continue
    const raw = part.slice(at + 1).trim()
    try {
      return decodeURIComponent(raw)
    } catch {
      return raw
    }
  }
  return undefined
}

const THIRTY_DAYS_S = 30 * 24 * 3600

/** Lax keeps other sites' pages from posting to /api with this cookie; HttpOnly because only the host reads it. */
export function signInCookie(openid: string): string {
  return `${IDENTITY_COOKIE}=${encodeURIComponent(openid)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${THIRTY_DAYS_S}`
}

export function signOutCookie(): string {
  return `${IDENTITY_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`
}
