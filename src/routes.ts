/** Page URLs, in one place (Taro.navigateTo / switchTab take absolute paths). */
export const ROUTES = {
  home: '/pages/index/index',
  mine: '/pages/mine/index',
  secretaryMembers: '/packages/secretary/pages/members/index',
  secretaryInviteCodes: '/packages/secretary/pages/invite-codes/index',
} as const
