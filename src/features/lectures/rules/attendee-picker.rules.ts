import type { Audience, AttendeeCandidate } from '@contracts'

/** What the 补录 dialog says when it has nobody to offer, and what to do next. Null: there is someone. */
export function attendeePickerNotice(input: {
  audience: Audience
  search: string
  items: readonly AttendeeCandidate[]
  hasMore: boolean
}): { title: string; hint: string } | null {
  const open = input.audience === 'open'
  const guestNext = '没有加入支部的来宾，请点上面的“登记来宾”。'
  if (input.search && input.items.length === 0) {
    return open
      ? { title: `没有找到“${input.search}”`, hint: `本支部成员可以输入姓名中的字查找；其他支部来听课的人，要输入完整姓名才能找到。${guestNext}` }
      : { title: `本支部没有姓名含“${input.search}”的成员`, hint: '这场党课只对本支部开放，只能补录本支部成员。换个字再找，或清空搜索框查看全部。' }
  }
  const offered = input.items.some((c) => c.attendance !== 'present')
  if (offered || input.hasMore) return null
  if (input.search) {
    return { title: '找到的人都已签到', hint: '已签到的人不用补录。要撤销或恢复某人的签到，请回到签到名单，在他那一行操作。' }
  }
  if (input.items.length === 0) {
    return open
      ? { title: '本支部还没有成员', hint: `其他支部来听课的人，请在上面输入完整姓名查找。${guestNext}` }
      : { title: '本支部还没有成员', hint: '成员加入支部后才能补录。' }
  }
  return open
    ? { title: '本支部成员都已签到', hint: `其他支部来听课的人，请在上面输入完整姓名查找。${guestNext}` }
    : { title: '本支部成员都已签到，无需补录', hint: '这场党课只对本支部开放。要撤销或恢复某人的签到，请回到签到名单，在他那一行操作。' }
}
