export default definePageConfig({
  navigationBarTitleText: '亮职责',
})
