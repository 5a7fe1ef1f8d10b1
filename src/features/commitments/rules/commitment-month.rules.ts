/** A Beijing month as people say it: `2026-12` → `2026年12月`. */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5))}月`
}
