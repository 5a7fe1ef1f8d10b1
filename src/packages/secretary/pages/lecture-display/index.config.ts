export default definePageConfig({
  navigationBarTitleText: '签到大屏',
  navigationBarBackgroundColor: '#C8102E',
  backgroundColor: '#C8102E',
  // H5 (a projector's browser): no router title bar above the board, so the board fills the screen
  // and full screen shows the board alone; the browser's own back leaves the page. The mini-program
  // keeps its native bar: its back arrow is the page's only way back there.
  ...(process.env.TARO_ENV === 'h5' ? { navigationStyle: 'custom' as const } : {}),
})
