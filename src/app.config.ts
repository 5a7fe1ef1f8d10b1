export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/lectures/index',
    'pages/wishes/index',
    'pages/mine/index',
    'pages/lecture-detail/index',
    'pages/check-in/index',
    'pages/lecture-rate/index',
    // In the main package: the speaker's subscribe message opens it (rating function, `?lectureId=`).
    'pages/lecture-report/index',
    // 我的 → 签到记录: any member's own history (lecture.myCheckIns).
    'pages/my-check-ins/index',
    'pages/not-found/index',
  ],
  // Tools only a branch secretary opens: kept out of the main package (docs/architecture.md "Budgets").
  subPackages: [
    {
      root: 'packages/secretary',
      pages: [
        'pages/members/index',
        'pages/invite-codes/index',
        'pages/join-requests/index',
        'pages/lecture-edit/index',
        'pages/lecture-display/index',
        'pages/lecture-attendance/index',
        'pages/wish-review/index',
        'pages/wish-figures/index',
        'pages/commitment-review/index',
        'pages/commitment-month/index',
        'pages/commitment-panel-edit/index',
      ],
    },
    // Reports a speaker opens (any member can be a speaker, so not under secretary/).
    {
      root: 'packages/reports',
      pages: ['pages/lecturer-report/index', 'pages/my-lectures/index'],
    },
    // 微心愿 beyond the tab: the wish page (also opened from the claimer's idle warning), the form, 我的心愿.
    {
      root: 'packages/wishes',
      pages: ['pages/wish-detail/index', 'pages/wish-post/index', 'pages/my-wishes/index'],
    },
    // 公开承诺: the board (also its public link), a member's month, 我的承诺 and my card.
    {
      root: 'packages/commitments',
      // The board on a projector and on A4 paper come with it (the code on both opens pages/board).
      pages: ['pages/board/index', 'pages/plan/index', 'pages/my-plan/index', 'pages/my-card/index', 'pages/board-display/index', 'pages/board-print/index'],
    },
  ],
  window: {
    navigationBarTitleText: '支部活动',
    navigationBarBackgroundColor: '#C8102E',
    navigationBarTextStyle: 'white',
    backgroundColor: '#F5F3F2',
    backgroundTextStyle: 'dark',
    // H5: Taro's router draws its title bar (the page's title, 返回 on a sub-page) only when this says
    // 'default' (@tarojs/router navigation-bar.js); the mini-program always has its native bar, so its
    // app.json stays as it was.
    ...(process.env.TARO_ENV === 'h5' ? { navigationStyle: 'default' as const } : {}),
  },
  // Check-in sends the phone's position when it can (it flags distance from the venue, never refuses);
  // the secretary picks the venue on WeChat's map (chooseLocation) when publishing a lecture. Since
  // 2022-07 each location API must be declared here or it fails with "requiredPrivateInfos".
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  // WeChat injects only the components a page declares (Taro's pages each declare their `comp`).
  lazyCodeLoading: 'requiredComponents',
  permission: {
    'scope.userLocation': { desc: '签到时核对你是否在党课会场附近；书记发布党课时选择会场位置' },
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
        pagePath: 'pages/lectures/index',
        text: '党课',
        iconPath: 'assets/tab/lectures.png',
        selectedIconPath: 'assets/tab/lectures-active.png',
      },
      {
        pagePath: 'pages/wishes/index',
        text: '心愿',
        iconPath: 'assets/tab/wishes.png',
        selectedIconPath: 'assets/tab/wishes-active.png',
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
