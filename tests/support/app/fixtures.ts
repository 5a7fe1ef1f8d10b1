import type { AttendanceRow, BranchSummary, LectureDetail, LectureView, MemberRow, MyLectureStatus, Profile, Role, WhoamiOutput } from '@contracts'

export const branch: BranchSummary = {
  id: 'branch-1',
  name: '幸福里社区第一党支部',
  counts: { secretary: 1, member: 12, resident: 30 },
}

export function profile(role: Role | null, over: Partial<Profile> = {}): Profile {
  return {
    openid: 'demo-wang',
    name: '王建国',
    phone: '13800138000',
    post: '社区党委委员',
    avatar: '',
    role,
    branchId: role ? branch.id : null,
    joinedAt: role ? '2026-03-01T02:00:00.000Z' : null,
    ...over,
  }
}

export function whoamiAs(role: Role): WhoamiOutput {
  return {
    openid: 'demo-wang',
    profile: profile(role),
    branch,
    inviteCodes: role === 'secretary' ? { member: 'DEMOM1', resident: 'DEMOR1' } : null,
    isAdmin: false,
    joinRequest: null,
    pendingJoinRequests: role === 'secretary' ? 0 : null,
  }
}

export const guest: WhoamiOutput = {
  openid: 'demo-guest',
  profile: null,
  branch: null,
  inviteCodes: null,
  isAdmin: false,
  joinRequest: null,
  pendingJoinRequests: null,
}

/** Someone whose request to join `branch` as 党员 waits for the secretary (no branch yet unless `as` says). */
export function applicant(as: Role | null = null, over: Partial<NonNullable<WhoamiOutput['joinRequest']>> = {}): WhoamiOutput {
  const base = as ? whoamiAs(as) : { ...guest, profile: profile(null) }
  return {
    ...base,
    joinRequest: {
      branchId: branch.id,
      branchName: branch.name,
      status: 'pending',
      reason: '',
      requestedAt: '2026-06-01T02:00:00.000Z',
      decidedAt: null,
      ...over,
    },
  }
}

export function memberRows(n: number, start = 0): MemberRow[] {
  return Array.from({ length: n }, (_, i) => ({
    openid: `demo-u${start + i}`,
    name: `成员${start + i}`,
    phone: `1390000${String(1000 + start + i)}`,
    post: '',
    avatar: '',
    role: 'member' as const,
    joinedAt: '2026-05-01T01:00:00.000Z',
  }))
}

/** The id `lectureUnderWay` gives its lecture unless told otherwise. */
export const LECTURE_ID = 'Labc1234567'

const MIN = 60_000

/**
 * A published lecture of `branch` under way: started 10 minutes ago and ends in 50 (by `Date.now()`
 * when called), check-in open from 30 minutes before the start to the end, given by 刘老师
 * (demo-speaker) at 党群服务中心 to the branch, with 12 check-ins.
 *
 * `over` replaces any of the lecture's fields (times, id, title, audience, status…); `me` any of the
 * caller's, which default to a member who has not checked in, rated, or any say over the lecture
 * (not secretary, not speaker). Each spec passes its own `me` defaults.
 */
export function lectureUnderWay(over: Partial<LectureView> = {}, me: Partial<MyLectureStatus> = {}): LectureDetail {
  const now = Date.now()
  return {
    id: LECTURE_ID,
    branchId: branch.id,
    branchName: branch.name,
    title: '学习贯彻党的二十届三中全会精神',
    topic: '',
    speaker: { name: '刘老师', openid: 'demo-speaker' },
    startAt: new Date(now - 10 * MIN).toISOString(),
    endAt: new Date(now + 50 * MIN).toISOString(),
    location: { name: '党群服务中心', latitude: null, longitude: null, radius: null },
    audience: 'branch',
    checkinMode: 'rotating',
    materials: [],
    checkinWindow: { opensBeforeMinutes: 30, closesAfterMinutes: 0 },
    checkinOpensAt: new Date(now - 40 * MIN).toISOString(),
    checkinClosesAt: new Date(now + 50 * MIN).toISOString(),
    status: 'published',
    cancelReason: null,
    checkinCount: 12,
    fromOtherBranch: false,
    ...over,
    me: {
      checkedIn: false,
      checkedInAt: null,
      removed: false,
      removedReason: null,
      rated: false,
      canManage: false,
      canSeeAttendance: false,
      isSpeaker: false,
      ...me,
    },
  }
}

/** A row of the secretary's attendance list: `openid` (named 成员<openid>) present, scanned in at 19:25 Beijing, unflagged. */
export function attendanceRow(openid: string, over: Partial<AttendanceRow> = {}): AttendanceRow {
  return {
    openid,
    name: `成员${openid}`,
    branchName: branch.name,
    visitor: false,
    at: '2026-11-22T11:25:00.000Z',
    method: 'scan',
    present: true,
    flags: [],
    distanceMeters: null,
    reason: null,
    guest: false,
    ...over,
  }
}
