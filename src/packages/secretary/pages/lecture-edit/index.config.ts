export default definePageConfig({
  navigationBarTitleText: '发布党课',
})
