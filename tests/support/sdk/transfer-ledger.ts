/**
 * The transfers the transaction-durability writer commits, shared by the writer and the spec that
 * checks what survived: the spec recomputes every balance from the `transfers` records it finds.
 */
export const ACCOUNT_IDS = ['acct-0', 'acct-1', 'acct-2', 'acct-3', 'acct-4'] as const
export const START_BALANCE = 1000

export interface Transfer {
  _id: string
  seq: number
  from: string
  to: string
  amount: number
}

export function transferId(seq: number): string {
  return `t-${String(seq).padStart(6, '0')}`
}

/** Transfer `seq` (from 1): a fixed pattern, never from an account to itself, amounts 1–9. */
export function transferOf(seq: number): Transfer {
  const n = ACCOUNT_IDS.length
  const from = ACCOUNT_IDS[seq % n] ?? ACCOUNT_IDS[0]
  const to = ACCOUNT_IDS[(seq + 1 + (seq % (n - 1))) % n] ?? ACCOUNT_IDS[1]
  return { _id: transferId(seq), seq, from, to, amount: 1 + (seq % 9) }
}
