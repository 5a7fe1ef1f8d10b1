import { Button, Text, View } from '@tarojs/components'
import type { MemberRow as MemberRowData } from '@contracts'
import { RoleBadge } from '@/components/role-badge'
import { formatBeijingDate } from '@/utils/beijing-time'
import './member-row.scss'

export interface MemberRowProps {
  member: MemberRowData
  /** This row is the person looking at the list. */
  isSelf?: boolean
  busy?: boolean
  onChangeRole?: (member: MemberRowData) => void
}

/** One person in the secretary's list: full name and phone (a secretary needs them), role, post. */
export function MemberRow({ member, isSelf, busy, onChangeRole }: MemberRowProps) {
  const joined = formatBeijingDate(member.joinedAt)
  return (
    <View className={`member-row member-row--${member.role}`}>
      <View className='member-row__head'>
        <Text className='member-row__name'>
          {member.name}
          {isSelf ? '（我）' : ''}
        </Text>
        <RoleBadge role={member.role} className='member-row__role' />
      </View>
      <Text className='member-row__line member-row__phone'>手机：{member.phone || '未填写'}</Text>
      {member.post ? <Text className='member-row__line member-row__post'>职务：{member.post}</Text> : null}
      {joined ? <Text className='member-row__line member-row__joined'>加入日期：{joined}</Text> : null}
      {onChangeRole ? (
        <Button
          className='app-button app-button--secondary app-button--block member-row__change'
          disabled={busy}
          onClick={() => onChangeRole(member)}
        >
          {busy ? '正在更改…' : '更改身份'}
        </Button>
      ) : null}
    </View>
  )
}
