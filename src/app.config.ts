export default defineAppConfig({
  pages: ['pages/index/index', 'pages/mine/index'],
  // Tools only a branch secretary opens: kept out of the main package (DESIGN.md §3, §8).
  subPackages: [
    {
      root: 'packages/secretary',
      pages: ['pages/members/index', 'pages/invite-codes/index'],
    },
  ],
  window: {
    navigationBarTitleText: '支部活动',
    navigationBarBackgroundColor: '#C8102E',
    navigationBarTextStyle: 'white',
    backgroundColor: '#F5F3F2',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#4D4D4D',
    selectedColor: '#C8102E',
    backgroundColor: '#FFFFFF',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab/mine.png',
        selectedIconPath: 'assets/tab/mine-active.png',
      },
    ],
  },
})
