export default definePageConfig({
  navigationBarTitleText: '党员承诺榜',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  enableShareAppMessage: true,
})
