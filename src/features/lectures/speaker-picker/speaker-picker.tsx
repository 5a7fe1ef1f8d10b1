import type { MemberRow } from '@contracts'
import { ROLE_LABELS } from '@contracts/rules'
import { MemberPicker } from '@/components/member-picker'
import { useMemberList } from '@/features/members/use-member-list'

export interface SpeakerPickerProps {
  /** Load the branch's members only while shown. */
  active: boolean
  /** openid of the member linked now. */
  selected: string | null
  onSelect: (member: MemberRow) => void
}

/**
 * Pick the lecture's speaker from the branch's 党员 and secretaries (member.listMembers, a page at a
 * time); the server refuses a 群众 too. Anyone else is typed in as a name only.
 */
export function SpeakerPicker({ active, selected, onSelect }: SpeakerPickerProps) {
  const list = useMemberList({ enabled: active, speakers: true })
  return (
    <MemberPicker
      className='speaker-picker'
      list={list}
      selected={selected}
      hint='点选主讲人（党员或书记）：'
      emptyHint='本支部还没有可选的党员。群众或外请讲师请只填写姓名。'
      metaOf={(m) => [ROLE_LABELS[m.role], m.post].filter(Boolean).join(' · ')}
      onSelect={onSelect}
    />
  )
}
