export default definePageConfig({
  navigationBarTitleText: '党员身份确认',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 200,
})
