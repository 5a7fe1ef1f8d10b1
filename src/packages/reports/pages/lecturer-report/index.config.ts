export default definePageConfig({
  navigationBarTitleText: '历次党课评议',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
