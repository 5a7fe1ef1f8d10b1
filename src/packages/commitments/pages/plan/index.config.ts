export default definePageConfig({
  navigationBarTitleText: '党员承诺',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  enableShareAppMessage: true,
})
