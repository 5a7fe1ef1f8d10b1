/**
 * A counter bumped whenever this app session changed a wish (posted, reviewed, claimed, confirmed…).
 * Pages that stay mounted under a navigation (the 心愿 tab, 我的心愿) compare it when shown again and
 * reload only if something changed, as `features/shared/lecture-changes.ts` does for lectures.
 */
let version = 0

export function markWishesChanged(): void {
  version += 1
}

export function wishesVersion(): number {
  return version
}
