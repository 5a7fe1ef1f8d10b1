export default definePageConfig({
  navigationBarTitleText: '入党员申请',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 200,
})
