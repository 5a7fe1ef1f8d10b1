export default definePageConfig({
  navigationBarTitleText: '承诺榜大屏',
  navigationBarBackgroundColor: '#C8102E',
  backgroundColor: '#C8102E',
  // H5 (a projector's browser): no router title bar, so the board fills the screen, as the check-in
  // display does; the mini-program keeps its native bar and its back arrow.
  ...(process.env.TARO_ENV === 'h5' ? { navigationStyle: 'custom' as const } : {}),
})
