import type { ComponentType, ReactNode } from 'react'
import { View } from '@tarojs/components'
import type { ErrorBody } from '@contracts'
import { LoadingState } from '../loading-state'
import { PagedListFooter } from '../paged-list-footer'

/** A server-paged list as `usePagedList` keeps it (any object of this shape will do). */
export interface PagedListSource<T> {
  status: 'loading' | 'ready' | 'error'
  items: readonly T[]
  error: ErrorBody | null
  hasMore: boolean
  loadingMore: boolean
  moreError: ErrorBody | null
  loadMore: () => unknown
  refresh: () => unknown
}

export interface PagedListProps<T> {
  list: PagedListSource<T>
  /** One row, with its key. */
  renderItem: (item: T) => ReactNode
  /** Said while the first page is on its way. */
  loadingText: string
  /** How this app shows a failed load (with its 重试); given the list's error. */
  errorView: ComponentType<{ error: ErrorBody; onRetry: () => void }>
  /** A first page with no rows: what is missing and what to do next (an EmptyState). */
  empty: ReactNode
  /** Said under the last row once there is nothing more. */
  endText?: string
  className?: string
}

/**
 * A page's server-paged list: the first page loading, failed (重试) or empty, else the rows with
 * 加载更多 under them. Pull-down and the page's bottom are the page's (`usePagedListPage`).
 */
export function PagedList<T>({ list, renderItem, loadingText, errorView: ErrorView, empty, endText, className }: PagedListProps<T>) {
  if (list.status === 'loading') return <LoadingState text={loadingText} />
  if (list.status === 'error') return list.error ? <ErrorView error={list.error} onRetry={() => void list.refresh()} /> : null
  if (list.items.length === 0) return <>{empty}</>
  return (
    <View className={['paged-list', className].filter(Boolean).join(' ')}>
      {list.items.map(renderItem)}
      <PagedListFooter
        hasMore={list.hasMore}
        loading={list.loadingMore}
        errorMessage={list.moreError?.message}
        onLoadMore={() => void list.loadMore()}
        endText={endText}
      />
    </View>
  )
}
