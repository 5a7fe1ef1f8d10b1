import { randomBytes, randomInt } from 'crypto'

/** Letters and digits that cannot be confused when read aloud or copied by hand (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

export function inviteCode(length = 6): string {
  let out = ''
  for (let i = 0; i < length; i += 1) out += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return out
}

/** A random document id for things that have no natural key. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(8).toString('hex')}`
}
