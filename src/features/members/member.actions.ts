import type { InviteCodes, JoinDecision, JoinRequestDecided, MemberRow, Role, WhoamiOutput } from '@contracts'
import { callCloud } from '@/services/cloud'
import type { ActionSpec, KeyedActionSpec } from '@/features/shared/use-action'
import { patchInviteCodes, setWhoami } from './whoami.store'

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

/** 撤回申请: the person's pending request to join as 党员; whoami says they are what they were before. */
export const withdrawJoinRequest: ActionSpec<[], WhoamiOutput> = {
  send: () => callCloud('member', 'withdrawJoinRequest', {}),
  onDone: setWhoami,
}

/** 确认 / 婉拒 (secretary): the row being decided is the one that waits. */
export const decideJoinRequest: KeyedActionSpec<[openid: string, decision: JoinDecision, reason?: string], JoinRequestDecided, string> = {
  send: (openid, decision, reason) => callCloud('member', 'decideJoinRequest', { openid, decision, ...(reason ? { reason } : {}) }),
  pendingOf: (openid) => openid,
}
