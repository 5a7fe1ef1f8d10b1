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
import { BRANCH_NAME_MAX, INVITE_CODE_KINDS, INVITE_CODE_PATTERN, MEMBER_NAME_MAX, MEMBER_POST_MAX, type Role } from './rules/member.rules'

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

export interface WhoamiOutput {
  openid: string
  profile: Profile | null
  branch: BranchSummary | null
  inviteCodes: InviteCodes | null
  isAdmin: boolean
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
  listMembers: action<Page<MemberRow>>()(
    z.strictObject({
      role: roleSchema.optional(),
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
