/**
 * A counter bumped whenever this app session changed a commitment (drafted, submitted, revised, rated…).
 * Pages that stay mounted under a navigation (the board, 我的承诺) compare it when shown again and
 * reload only if something changed, as `features/wishes/wish-changes.ts` does for wishes.
 */
let version = 0

export function markCommitmentsChanged(): void {
  version += 1
}

export function commitmentsVersion(): number {
  return version
}
