/** decodeURIComponent that never throws (a malformed `%` leaves the text as it was): for route params. */
export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}
