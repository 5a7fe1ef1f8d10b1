import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'

/**
 * Pull-down refresh of a page (its config sets `enablePullDownRefresh`): `refresh` asks again for what
 * the page shows; the spinner stops when it settles, whatever the answer.
 */
export function usePullToRefresh(refresh: () => Promise<unknown>): void {
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })
}

/** What a page's paged list offers its page (`usePagedList` has it). */
export interface PageOfList {
  hasMore: boolean
  moreError: unknown
  loadMore: () => Promise<void>
  refresh: () => Promise<void>
}

/**
 * A page that is one server-paged list: pull-down starts it over (or runs the page's own `refresh`,
 * when more than the list is shown), and reaching the bottom loads the next page — unless the last try
 * failed: its 重试 is then under the rows, so scrolling does not hammer a failing server.
 */
export function usePagedListPage(list: PageOfList, refresh: () => Promise<unknown> = list.refresh): void {
  usePullToRefresh(refresh)
  useReachBottom(() => {
    if (list.hasMore && !list.moreError) void list.loadMore()
  })
}
