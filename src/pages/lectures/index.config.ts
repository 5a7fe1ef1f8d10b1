export default definePageConfig({
  navigationBarTitleText: '党课',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 200,
})
