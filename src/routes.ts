/** Page URLs, in one place (Taro.navigateTo / switchTab take absolute paths). */
export const ROUTES = {
  home: '/pages/index/index',
  lectures: '/pages/lectures/index',
  mine: '/pages/mine/index',
  lectureDetail: '/pages/lecture-detail/index',
  checkIn: '/pages/check-in/index',
  lectureRate: '/pages/lecture-rate/index',
  /** Also the page of the speaker's "评议结果已可查看" message (rating function, `?lectureId=`). */
  lectureReport: '/pages/lecture-report/index',
  myCheckIns: '/pages/my-check-ins/index',
  wishes: '/pages/wishes/index',
  /** Also the page of the claimer's idle warning (wish function, `?id=`). */
  wishDetail: '/packages/wishes/pages/wish-detail/index',
  wishPost: '/packages/wishes/pages/wish-post/index',
  /** `?kind=mine` (我的心愿) or `?kind=claims` (我认领的). */
  myWishes: '/packages/wishes/pages/my-wishes/index',
  /** 公开承诺: `?branchId=&month=` (absent: my branch, this month); the public link of a board. Its other pages: `COMMITMENT_ROUTES`. */
  commitmentBoard: '/packages/commitments/pages/board/index',
  secretaryMembers: '/packages/secretary/pages/members/index',
  secretaryInviteCodes: '/packages/secretary/pages/invite-codes/index',
  secretaryJoinRequests: '/packages/secretary/pages/join-requests/index',
  secretaryLectureEdit: '/packages/secretary/pages/lecture-edit/index',
  secretaryLectureDisplay: '/packages/secretary/pages/lecture-display/index',
  secretaryLectureAttendance: '/packages/secretary/pages/lecture-attendance/index',
  secretaryWishReview: '/packages/secretary/pages/wish-review/index',
  secretaryWishFigures: '/packages/secretary/pages/wish-figures/index',
  secretaryCommitmentReview: '/packages/secretary/pages/commitment-review/index',
  /** `?month=YYYY-MM` (default: this Beijing month). */
  secretaryCommitmentMonth: '/packages/secretary/pages/commitment-month/index',
  secretaryCommitmentPanel: '/packages/secretary/pages/commitment-panel-edit/index',
  lecturerReport: '/packages/reports/pages/lecturer-report/index',
  /** 我的 → 我主讲的党课: the speaker's lectures, each opening its report. */
  myLectures: '/packages/reports/pages/my-lectures/index',
  notFound: '/pages/not-found/index',
} as const

/** A page URL with its query, values URL-encoded: `withQuery(ROUTES.lectureDetail, { id })`. */
export function withQuery(path: string, params: Record<string, string | undefined>): string {
  const query = Object.entries(params)
    .filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&')
  return query ? `${path}?${query}` : path
}
