import { Button, Text, View } from '@tarojs/components'
import type { MemberRow } from '@contracts'
import { ROLE_LABELS } from '@/components/role-badge'
import { useMemberList } from '@/features/members/use-member-list'
import './speaker-picker.scss'

export interface SpeakerPickerProps {
  /** Load the branch's members only while shown. */
  active: boolean
  /** openid of the member linked now. */
  selected: string | null
  onSelect: (member: MemberRow) => void
}

/** Pick the lecture's speaker from the branch (member.listMembers, a page at a time). */
export function SpeakerPicker({ active, selected, onSelect }: SpeakerPickerProps) {
  const list = useMemberList({ enabled: active })

  if (list.status === 'loading') return <Text className='speaker-picker__status'>正在加载本支部成员…</Text>
  if (list.status === 'error') {
    return (
      <View className='speaker-picker'>
        <Text className='speaker-picker__status speaker-picker__status--error'>{list.error?.message ?? '没有加载成功'}</Text>
        <Button className='app-button app-button--secondary app-button--block speaker-picker__retry' onClick={() => void list.refresh()}>
          重试
        </Button>
      </View>
    )
  }
  return (
    <View className='speaker-picker'>
      <Text className='speaker-picker__hint'>{list.items.length > 0 ? '点选主讲人：' : '本支部还没有可选的成员。'}</Text>
      {list.items.map((m) => {
        const chosen = selected === m.openid
        return (
          <View
            key={m.openid}
            className={`speaker-picker__person${chosen ? ' speaker-picker__person--selected' : ''}`}
            onClick={() => onSelect(m)}
          >
            <Text className='speaker-picker__name'>
              {chosen ? '✓ ' : ''}
              {m.name}
            </Text>
            <Text className='speaker-picker__meta'>{[ROLE_LABELS[m.role], m.post].filter(Boolean).join(' · ')}</Text>
          </View>
        )
      })}
      {list.moreError ? <Text className='speaker-picker__status speaker-picker__status--error'>{list.moreError.message}</Text> : null}
      {list.hasMore ? (
        <Button
          className='app-button app-button--secondary app-button--block speaker-picker__more'
          disabled={list.loadingMore}
          onClick={() => void list.loadMore()}
        >
          {list.loadingMore ? '正在加载…' : list.moreError ? '重试加载更多' : '加载更多成员'}
        </Button>
      ) : null}
    </View>
  )
}
