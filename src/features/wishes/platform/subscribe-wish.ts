import type { WishRelation } from '@contracts'
import { canRequestSubscribe, requestSubscribe, templateIdList } from '@/features/shared/subscribe-message'

/*
 * Consent to the wish's subscribe messages. The `wish` function sends them (the poster: approved,
 * rejected, claimed, fulfilled; the claimer: confirmed, about to be released), but WeChat delivers a
 * one-time message only to someone who accepted its template from a tap in the mini-program, as
 * `features/ratings/platform/subscribe-report.ts` does for the speaker.
 */

/**
 * The template ids (comma-separated, the same as the function's) inlined at build time from
 * `TARO_APP_WISH_POSTER_TEMPLATE_IDS` / `TARO_APP_WISH_CLAIMER_TEMPLATE_IDS` — written out in full so Taro
 * can replace them. WeChat takes at most 3 per request.
 */
export function wishTemplateIds(relation: WishRelation): string[] {
  return templateIdList(relation === 'poster' ? process.env.TARO_APP_WISH_POSTER_TEMPLATE_IDS : relation === 'claimer' ? process.env.TARO_APP_WISH_CLAIMER_TEMPLATE_IDS : '')
}

/** Only the mini-program can ask (H5 has no subscribe messages), and only when templates are configured. */
export function canSubscribeWish(relation: WishRelation): boolean {
  return canRequestSubscribe(wishTemplateIds(relation))
}

/**
 * Asks once; call it straight from a tap (nothing awaited before it). Resolves whether at least one
 * template was accepted. Never throws.
 */
export async function subscribeWish(relation: WishRelation): Promise<boolean> {
  return (await requestSubscribe(wishTemplateIds(relation))).accepted.length > 0
}
