export default definePageConfig({
  navigationBarTitleText: '党课详情',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
