import { ROUTES, withQuery } from '@/routes'

/** A whole percentage, or a dash when there was nothing to count. */
export const rateText = (rate: number | null): string => (rate === null ? '—' : `${rate}%`)

/**
 * What the printed or projected code opens: the public board of the branch's month. In a browser, the
 * board page of this same site (the H5 router is in hash mode); in the mini-program, a link the in-app
 * scanner understands, as the check-in code carries without an H5 address
 * (cloudfunctions/contracts/rules/check-in-scene.rules.ts).
 */
export function boardLink(branchId: string, month: string, site: { origin: string; pathname: string } | null): string {
  const route = withQuery(ROUTES.commitmentBoard, { branchId, month })
  return site ? `${site.origin}${site.pathname}#${route}` : `zbhd://commitment-board?branchId=${encodeURIComponent(branchId)}&month=${month}`
}

/** Where this page runs, for {@link boardLink}: the browser's address, or null in the mini-program. */
export function currentSite(): { origin: string; pathname: string } | null {
  return process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' ? { origin: window.location.origin, pathname: window.location.pathname } : null
}
