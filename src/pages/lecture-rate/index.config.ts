export default definePageConfig({
  navigationBarTitleText: '党课评议',
})
