import { memberContract } from '../../contracts/member.contract'
import { createRouter } from '../../shared/router'
import { createBranch, rotateInviteCode } from './branch-admin.use-case'
import { joinBranch } from './join-branch.use-case'
import { decideJoinRequest, listJoinRequests, withdrawJoinRequest } from './join-request.use-case'
import { listMembers, setRole } from './manage-members.use-case'
import { updateProfile, whoami } from './profile.use-case'

/** The `member` function: who may call what; the use cases do the rest. */
export const memberRouter = createRouter('member', memberContract, {
  whoami: { auth: 'signedIn', handle: (_input, ctx) => whoami(ctx) },
  joinBranch: { auth: 'signedIn', handle: (input, ctx) => joinBranch(input, ctx) },
  withdrawJoinRequest: { auth: 'signedIn', handle: (_input, ctx) => withdrawJoinRequest(ctx) },
  listJoinRequests: { auth: 'secretary', handle: (input, ctx) => listJoinRequests(input, ctx) },
  decideJoinRequest: { auth: 'secretary', handle: (input, ctx) => decideJoinRequest(input, ctx) },
  updateProfile: { auth: 'signedIn', handle: (input, ctx) => updateProfile(input, ctx) },
  listMembers: { auth: 'secretary', handle: (input, ctx) => listMembers(input, ctx) },
  setRole: { auth: 'secretary', handle: (input, ctx) => setRole(input, ctx) },
  rotateInviteCode: { auth: 'secretary', handle: (input, ctx) => rotateInviteCode(input, ctx) },
  createBranch: { auth: 'admin', handle: (input, ctx) => createBranch(input, ctx) },
})
