/** Every collection the functions use, declared once (snake_case plural). */
export const Collections = {
  branches: 'branches',
  members: 'members',
  /** Per person (`_id` = openid): their request to join a branch as 党员, which the secretary decides. */
  joinRequests: 'join_requests',
  lectures: 'lectures',
  checkIns: 'check_ins',
  ratings: 'ratings',
  wishes: 'wishes',
  /** Per beneficiary and per claimer: the wishes they hold open, so the limits of 3 hold under races. */
  wishSlots: 'wish_slots',
  /** Per branch: the wish figures, moved with each transition. */
  wishStats: 'wish_stats',
  /** 公开承诺: one member's month (`C` + yyyymm + member key), its items, versions, progress and outcomes. */
  commitmentPlans: 'commitment_plans',
  /** Per branch and month (`<branchId>_<yyyymm>`): the board's state and, once closed, its figures. */
  commitmentBoards: 'commitment_boards',
  /** Per member (`_id` = openid): the public card (亮身份). */
  commitmentCards: 'commitment_cards',
  /** Per branch (`_id` = branchId): the 亮职责 panel. */
  commitmentPanels: 'commitment_panels',
  /** 群众评议: one per person per plan (`<planId>_<raterKey>`). */
  commitmentRatings: 'commitment_ratings',
  /** Per Beijing day and kind (`<YYYY-MM-DD>_<kind>`): the reminder that day, claimed once before sending. */
  commitmentReminders: 'commitment_reminders',
} as const

export type CollectionName = (typeof Collections)[keyof typeof Collections]
export const ALL_COLLECTIONS: readonly CollectionName[] = Object.values(Collections)
