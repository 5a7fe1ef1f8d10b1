export default definePageConfig({
  navigationBarTitleText: '承诺榜与统计',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
