import type { InviteCodes, MemberRow, Role } from '@contracts'
import { callCloud } from '@/services/cloud'
import type { KeyedActionSpec } from '@/features/shared/use-action'
import { patchInviteCodes } from './whoami.store'

export type InviteKind = keyof InviteCodes

/** 更改身份 (secretary): resolves the updated row; the row being changed is the one that waits. */
export const setRole: KeyedActionSpec<[openid: string, role: Role], MemberRow, string> = {
  send: (openid, role) => callCloud('member', 'setRole', { openid, role }),
  pendingOf: (openid) => openid,
}

/** 更换邀请码: the old code stops working at once; every page sees the new pair (the whoami store). */
export const rotateInviteCode: KeyedActionSpec<[kind: InviteKind], InviteCodes, InviteKind> = {
  send: (kind) => callCloud('member', 'rotateInviteCode', { kind }),
  pendingOf: (kind) => kind,
  onDone: patchInviteCodes,
}
