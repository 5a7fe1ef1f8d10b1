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
} as const

export type CollectionName = (typeof Collections)[keyof typeof Collections]
export const ALL_COLLECTIONS: readonly CollectionName[] = Object.values(Collections)
