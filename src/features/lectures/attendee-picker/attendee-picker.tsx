import { Button, Text, View } from '@tarojs/components'
import type { MemberRow } from '@contracts'
import { ROLE_LABELS } from '@/components/role-badge'
import { useMemberList } from '@/features/members/use-member-list'
import './attendee-picker.scss'

export interface AttendeePickerProps {
  /** Load the branch's members only while shown. */
  active: boolean
  selected: string | null
  /** People already checked in: shown, but not offered again. */
  presentOpenids: ReadonlySet<string>
  onSelect: (member: MemberRow) => void
}

/** Pick one person of the branch (member.listMembers, a page at a time) to add to the attendance. */
export function AttendeePicker({ active, selected, presentOpenids, onSelect }: AttendeePickerProps) {
  const list = useMemberList({ enabled: active })

  if (list.status === 'loading') return <Text className='attendee-picker__status'>正在加载本支部成员…</Text>
  if (list.status === 'error') {
    return (
      <View className='attendee-picker'>
        <Text className='attendee-picker__status attendee-picker__status--error'>{list.error?.message ?? '没有加载成功'}</Text>
        <Button className='app-button app-button--secondary app-button--block attendee-picker__retry' onClick={() => void list.refresh()}>
          重试
        </Button>
      </View>
    )
  }
  return (
    <View className='attendee-picker'>
      <Text className='attendee-picker__hint'>选择要补录的人：</Text>
      {list.items.map((m) => {
        const present = presentOpenids.has(m.openid)
        const chosen = selected === m.openid
        return (
          <View
            key={m.openid}
            className={`attendee-picker__person${chosen ? ' attendee-picker__person--selected' : ''}${present ? ' attendee-picker__person--present' : ''}`}
            onClick={() => {
              if (!present) onSelect(m)
            }}
          >
            <Text className='attendee-picker__name'>
              {chosen ? '✓ ' : ''}
              {m.name}
            </Text>
            <Text className='attendee-picker__meta'>{present ? '已签到' : ROLE_LABELS[m.role]}</Text>
          </View>
        )
      })}
      {list.hasMore ? (
        <Button
          className='app-button app-button--secondary app-button--block attendee-picker__more'
          disabled={list.loadingMore}
          onClick={() => void list.loadMore()}
        >
          {list.loadingMore ? '正在加载…' : '加载更多成员'}
        </Button>
      ) : null}
    </View>
  )
}
