export default definePageConfig({
  navigationBarTitleText: '我主讲的党课',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 200,
})
