import { Button, Text, View } from '@tarojs/components'
import './paged-list-footer.scss'

export interface PagedListFooterProps {
  /** The server has another page. */
  hasMore: boolean
  /** A page is on its way: the button waits. */
  loading: boolean
  /** Why the last "load more" failed; the button then offers to retry. */
  errorMessage?: string
  onLoadMore: () => void
  /** The button's word while nothing failed. */
  moreLabel?: string
  /** Said once there is nothing more; nothing is said when left out. */
  endText?: string
  /** Inside a picker rather than under a page's list: no page margins, left-aligned. */
  inline?: boolean
}

/** Under a server-paged list: a failed load's message, then 加载更多 (or 重试加载更多), or the end of the list. */
export function PagedListFooter({
  hasMore,
  loading,
  errorMessage,
  onLoadMore,
  moreLabel = '加载更多',
  endText,
  inline = false,
}: PagedListFooterProps) {
  if (!errorMessage && !hasMore && !endText) return null
  return (
    <View className={`paged-list-footer${inline ? ' paged-list-footer--inline' : ''}`}>
      {errorMessage ? <Text className='paged-list-footer__more-error'>{errorMessage}</Text> : null}
      {hasMore ? (
        <Button className='app-button app-button--secondary app-button--block paged-list-footer__more' disabled={loading} onClick={onLoadMore}>
          {loading ? '正在加载…' : errorMessage ? '重试加载更多' : moreLabel}
        </Button>
      ) : endText ? (
        <Text className='paged-list-footer__end'>{endText}</Text>
      ) : null}
    </View>
  )
}
