import { z } from 'zod'
import { action } from './define'
import {
  cursorSchema,
  openidSchema,
  pageLimitSchema,
  phoneSchema,
  requiredText,
  roleSchema,
  text,
  urlSchema,
  type Page,
} from './common.schema'
import { REASON_MAX } from './rules/common.rules'
import {
  BRANCH_NAME_MAX,
  INVITE_CODE_KINDS,
  INVITE_CODE_PATTERN,
  JOIN_DECISIONS,
  MEMBER_NAME_MAX,
  MEMBER_POST_MAX,
  type JoinRequestStatus,
  type Role,
} from './rules/member.rules'

export const inviteCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(INVITE_CODE_PATTERN, '邀请码是 6 位字母或数字')

export const profileFieldsSchema = {
  name: requiredText(MEMBER_NAME_MAX, '姓名'),
  phone: z.union([phoneSchema, z.literal('')]),
  post: text(MEMBER_POST_MAX),
  avatar: z.union([urlSchema, z.literal('')]),
}

/** What a person sees of themself; phone is theirs to see. */
export interface Profile {
  openid: string
  name: string
  phone: string
  post: string
  avatar: string
  role: Role | null
  branchId: string | null
  joinedAt: string | null
}

export interface BranchSummary {
  id: string
  name: string
  counts: Record<Role, number>
}

/** Only the branch's secretary receives these. */
export interface InviteCodes {
  member: string
  resident: string
}

/**
 * The person's own request to join a branch as 党员: pending (待书记确认) or declined (with the
 * secretary's reason, if any). Approved and withdrawn requests are not shown: the role says it all.
 */
export interface MyJoinRequest {
  branchId: string
  branchName: string
  status: Extract<JoinRequestStatus, 'pending' | 'declined'>
  reason: string
  requestedAt: string
  decidedAt: string | null
}

export interface WhoamiOutput {
  openid: string
  profile: Profile | null
  branch: BranchSummary | null
  inviteCodes: InviteCodes | null
  isAdmin: boolean
  joinRequest: MyJoinRequest | null
  /** The secretary's badge: requests to join their branch as 党员 that wait for them (kept on the branch). */
  pendingJoinRequests: number | null
}

/** A row of the secretary's queue: who asks to be 党员, and what they are now (null: not in the branch). */
export interface JoinRequestRow {
  openid: string
  name: string
  phone: string
  currentRole: Role | null
  requestedAt: string
}

/** What a decision did; `member` is the person's row once approved. */
export interface JoinRequestDecided {
  openid: string
  status: Extract<JoinRequestStatus, 'approved' | 'declined'>
  member: MemberRow | null
}

/** A row of the secretary's member list; full name and phone because a secretary needs them. */
export interface MemberRow {
  openid: string
  name: string
  phone: string
  post: string
  avatar: string
  role: Role
  joinedAt: string
}

export interface CreatedBranch {
  id: string
  name: string
  inviteCodes: InviteCodes
  /** Single use: whoever joins with it becomes the branch's secretary. */
  secretaryCode: string
}

export const memberContract = {
  whoami: action<WhoamiOutput>()(z.strictObject({})),
  joinBranch: action<WhoamiOutput>()(
    z.strictObject({
      code: inviteCodeSchema,
      name: profileFieldsSchema.name.optional(),
    }),
  ),
  updateProfile: action<Profile>()(
    z
      .strictObject({
        name: profileFieldsSchema.name.optional(),
        phone: profileFieldsSchema.phone.optional(),
        post: profileFieldsSchema.post.optional(),
        avatar: profileFieldsSchema.avatar.optional(),
      })
      .refine((v) => Object.values(v).some((x) => x !== undefined), { message: '没有要修改的内容' }),
  ),
  withdrawJoinRequest: action<WhoamiOutput>()(z.strictObject({})),
  listJoinRequests: action<Page<JoinRequestRow>>()(
    z.strictObject({
      cursor: cursorSchema.optional(),
      limit: pageLimitSchema.optional(),
    }),
  ),
  decideJoinRequest: action<JoinRequestDecided>()(
    z.strictObject({
      openid: openidSchema,
      decision: z.enum(JOIN_DECISIONS),
      /** Optional on a decline; the person sees it. */
      reason: text(REASON_MAX).optional(),
    }),
  ),
  listMembers: action<Page<MemberRow>>()(
    z.strictObject({
      role: roleSchema.optional(),
      /** Only 党员 and secretaries: the people who may be linked as a lecture's speaker. */
      speakers: z.boolean().optional(),
      cursor: cursorSchema.optional(),
      limit: pageLimitSchema.optional(),
    }),
  ),
  setRole: action<MemberRow>()(
    z.strictObject({
      openid: openidSchema,
      role: roleSchema,
    }),
  ),
  rotateInviteCode: action<InviteCodes>()(
    z.strictObject({
      kind: z.enum(INVITE_CODE_KINDS),
    }),
  ),
  createBranch: action<CreatedBranch>()(
    z.strictObject({
      name: requiredText(BRANCH_NAME_MAX, '支部名称'),
    }),
  ),
}

export type MemberContract = typeof memberContract
