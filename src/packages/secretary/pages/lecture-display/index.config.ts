export default definePageConfig({
  navigationBarTitleText: '签到大屏',
  navigationBarBackgroundColor: '#C8102E',
  backgroundColor: '#C8102E',
})
