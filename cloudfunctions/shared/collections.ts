/** Every collection the functions use, declared once (snake_case plural). */
export const Collections = {
  branches: 'branches',
  members: 'members',
  lectures: 'lectures',
  checkIns: 'check_ins',
  ratings: 'ratings',
} as const

export type CollectionName = (typeof Collections)[keyof typeof Collections]
export const ALL_COLLECTIONS: readonly CollectionName[] = Object.values(Collections)
