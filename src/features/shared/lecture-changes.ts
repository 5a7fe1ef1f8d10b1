/**
 * A counter bumped whenever this app session changed a lecture (created, edited, published, cancelled,
 * attendance marked, rated: shared, as ratings change what a lecture shows too). Pages that stay
 * mounted under a navigation (the 党课 tab, a detail page) compare it when shown again and reload only
 * if something changed — no reload on every tab switch.
 */
let version = 0

export function markLecturesChanged(): void {
  version += 1
}

export function lecturesVersion(): number {
  return version
}
