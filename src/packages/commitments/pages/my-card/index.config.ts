export default definePageConfig({
  navigationBarTitleText: '我的亮身份名片',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
