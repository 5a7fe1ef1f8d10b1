import Taro from '@tarojs/taro'

/** The 我的 tab's place in the tab bar (`src/app.config.ts`): where a secretary's review count shows. */
const MINE_TAB_INDEX = 3

/**
 * The number on the 我的 tab (the in-app fallback when a subscribe message was not allowed); cleared at 0.
 * A page without the tab bar (a subpackage page) refuses the call: nothing to show there.
 */
export function showReviewBadge(count: number): void {
  const call = count > 0 ? Taro.setTabBarBadge({ index: MINE_TAB_INDEX, text: count > 99 ? '99+' : String(count) }) : Taro.removeTabBarBadge({ index: MINE_TAB_INDEX })
  void Promise.resolve(call).catch(() => undefined)
}
