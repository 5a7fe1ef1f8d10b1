export default definePageConfig({
  navigationBarTitleText: '承诺公示栏（打印）',
  // H5: no router title bar, so the printed sheet is the board alone.
  ...(process.env.TARO_ENV === 'h5' ? { navigationStyle: 'custom' as const } : {}),
})
