import type { MemberRow } from '@contracts'
import { ROLE_LABELS } from '@contracts/rules'
import { MemberPicker } from '@/components/member-picker'
import { useMemberList } from '@/features/members/use-member-list'

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
  return (
    <MemberPicker
      className='attendee-picker'
      list={list}
      selected={selected}
      hint='选择要补录的人：'
      metaOf={(m) => (presentOpenids.has(m.openid) ? '已签到' : ROLE_LABELS[m.role])}
      isTaken={(m) => presentOpenids.has(m.openid)}
      onSelect={onSelect}
    />
  )
}
