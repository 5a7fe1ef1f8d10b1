// `@tarojs/taro` for Jest: the real H5 APIs, plus page hooks. In a build the hooks are wired by Taro's
// loader; here mount-time hooks run once on mount, and the event hooks (pull-down refresh, reach
// bottom) are recorded so a test can fire them: `require('@tarojs/taro').__fire('usePullDownRefresh')`. The app's usePageNotFound is recorded the same way.
// jsdom has no page router: the page stack is empty, and navigateTo / redirectTo / switchTab / reLaunch /
// navigateBack succeed and are recorded instead: `__navigations()` lists `{ kind, url }` in order,
// `__resetNavigations()` starts over.
// requestSubscribeMessage (weapp only; Taro's H5 build has none) is a recording stub: `__subscribeRequests()`
// lists the options it was called with, `__answerSubscribe(fn)` decides the answer (fn(options) returns the
// success result, or throws / returns a rejected promise for a failure; default: every template accepted),
// `__resetSubscribe()` starts over.
// setNavigationBarTitle is recorded too (jsdom has no title bar): `__titles()` lists the titles set, in order,
// `__resetTitles()` starts over.
const React = require('react')
const apis = require('@tarojs/plugin-platform-h5/dist/runtime/apis')
const { Current } = require('@tarojs/runtime')

const handlers = new Map()
const once = (fn) => React.useEffect(() => { fn(Current.router?.params || {}) }, [])
const recorded = (name) => (fn) => {
  const ref = React.useRef(fn)
  ref.current = fn
  React.useEffect(() => {
    const call = (...args) => ref.current(...args)
    handlers.set(name, call)
    return () => { if (handlers.get(name) === call) handlers.delete(name) }
  }, [])
}
const noop = () => {}
const hooks = {
  useLoad: once, useLaunch: once, useReady: once, useDidShow: once, useDidHide: noop, useUnload: noop,
  usePullDownRefresh: recorded('usePullDownRefresh'), useReachBottom: recorded('useReachBottom'), usePageNotFound: recorded('usePageNotFound'),
  usePageScroll: noop, useShareAppMessage: noop, useShareTimeline: noop, useResize: noop,
  useRouter: () => Current.router || { params: {}, path: '' },
}
const navigations = []
const navigate = (kind) => (options) => {
  navigations.push({ kind, url: options && options.url })
  return Promise.resolve({ errMsg: `${kind}:ok` })
}
const routing = {
  navigateTo: navigate('navigateTo'),
  redirectTo: navigate('redirectTo'),
  switchTab: navigate('switchTab'),
  reLaunch: navigate('reLaunch'),
  navigateBack: navigate('navigateBack'),
  getCurrentPages: () => [],
  __navigations: () => navigations.slice(),
  __resetNavigations: () => { navigations.length = 0 },
}
const subscribeRequests = []
const acceptAll = (options) => Object.fromEntries([...((options && options.tmplIds) || []).map((id) => [id, 'accept']), ['errMsg', 'requestSubscribeMessage:ok']])
let subscribeAnswer = acceptAll
const subscribing = {
  requestSubscribeMessage: (options) => {
    subscribeRequests.push(options)
    try {
      return Promise.resolve(subscribeAnswer(options))
    } catch (err) {
      return Promise.reject(err)
    }
  },
  __subscribeRequests: () => subscribeRequests.slice(),
  __answerSubscribe: (fn) => { subscribeAnswer = fn },
  __resetSubscribe: () => {
    subscribeRequests.length = 0
    subscribeAnswer = acceptAll
  },
}
const titles = []
const titling = {
  setNavigationBarTitle: (options) => {
    titles.push(options && options.title)
    return Promise.resolve({ errMsg: 'setNavigationBarTitle:ok' })
  },
  __titles: () => titles.slice(),
  __resetTitles: () => { titles.length = 0 },
}
const __fire = (name, ...args) => {
  const h = handlers.get(name)
  if (!h) throw new Error(`no ${name} handler is mounted`)
  return h(...args)
}
// Resolved at access time, not copied: Taro's H5 packages import '@tarojs/taro' (this file) while
// `apis` is still initialising (a require cycle), so a copy made now would miss most APIs.
const own = { ...hooks, ...routing, ...subscribing, ...titling, __fire }
const lookup = (k) => (k in own ? own[k] : apis[k] !== undefined ? apis[k] : apis.default && apis.default[k])
const taro = new Proxy({}, { get: (_, k) => lookup(k), has: (_, k) => lookup(k) !== undefined })
module.exports = new Proxy({}, {
  get: (_, k) => (k === '__esModule' ? true : k === 'default' ? taro : lookup(k)),
  has: (_, k) => k === '__esModule' || k === 'default' || lookup(k) !== undefined,
})
