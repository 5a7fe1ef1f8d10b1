import { Button, Text, View } from '@tarojs/components'
import type { ErrorBody, MemberRow } from '@contracts'
import { PagedListFooter } from '@/components/paged-list-footer'
import './member-picker.scss'

/** The branch's members a page at a time, as a paged-list hook answers them. */
export interface MemberPickerList {
  items: MemberRow[]
  status: 'loading' | 'ready' | 'error'
  error: ErrorBody | null
  hasMore: boolean
  loadingMore: boolean
  moreError: ErrorBody | null
  loadMore: () => Promise<void>
  refresh: () => Promise<void>
}

export interface MemberPickerProps {
  list: MemberPickerList
  /** openid of the member chosen now. */
  selected: string | null
  /** The line over the members. */
  hint: string
  /** Said instead of `hint` when the branch has nobody to offer; `hint` stays when left out. */
  emptyHint?: string
  /** The line right of a name (role, post, …). */
  metaOf: (member: MemberRow) => string
  /** Shown, but not offered (e.g. already checked in). */
  isTaken?: (member: MemberRow) => boolean
  onSelect: (member: MemberRow) => void
  /** The picker's own block, for its callers and tests. */
  className?: string
}

/** Pick one member of the branch from a server-paged list; a first page that fails offers 重试. */
export function MemberPicker({ list, selected, hint, emptyHint, metaOf, isTaken, onSelect, className }: MemberPickerProps) {
  const root = ['member-picker', className].filter(Boolean).join(' ')

  if (list.status === 'loading') return <Text className='member-picker__status'>正在加载本支部成员…</Text>
  if (list.status === 'error') {
    return (
      <View className={root}>
        <Text className='member-picker__status member-picker__status--error'>{list.error?.message ?? '没有加载成功'}</Text>
        <Button className='app-button app-button--secondary app-button--block member-picker__retry' onClick={() => void list.refresh()}>
          重试
        </Button>
      </View>
    )
  }
  return (
    <View className={root}>
      <Text className='member-picker__hint'>{list.items.length === 0 && emptyHint ? emptyHint : hint}</Text>
      {list.items.map((m) => {
        const taken = isTaken?.(m) ?? false
        const chosen = selected === m.openid
        return (
          <View
            key={m.openid}
            className={`member-picker__person${chosen ? ' member-picker__person--selected' : ''}${taken ? ' member-picker__person--taken' : ''}`}
            onClick={() => {
              if (!taken) onSelect(m)
            }}
          >
            <Text className='member-picker__name'>
              {chosen ? '✓ ' : ''}
              {m.name}
            </Text>
            <Text className='member-picker__meta'>{metaOf(m)}</Text>
          </View>
        )
      })}
      <PagedListFooter
        inline
        hasMore={list.hasMore}
        loading={list.loadingMore}
        errorMessage={list.moreError?.message}
        onLoadMore={() => void list.loadMore()}
        moreLabel='加载更多成员'
      />
    </View>
  )
}
