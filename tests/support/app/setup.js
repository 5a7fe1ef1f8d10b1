// Taro's build-time constants (DefinePlugin in a real build) and the H5 platform, for jsdom.
Object.assign(globalThis, {
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: true,
  ENABLE_SIZE_APIS: true,
  ENABLE_TEMPLATE_CONTENT: true,
  ENABLE_CLONE_NODE: true,
  ENABLE_CONTAINS: true,
  ENABLE_MUTATION_OBSERVER: true,
  DEPRECATED_ADAPTER_COMPONENT: false,
})
process.env.TARO_ENV = 'h5'
process.env.TARO_PLATFORM = 'web'
process.env.FRAMEWORK = 'react'
process.env.SUPPORT_TARO_POLYFILL = 'disabled'

// NutUI's barrel imports lottie, which touches canvas 2D at import time.
HTMLCanvasElement.prototype.getContext = function getContext() {
  return new Proxy({}, { get: (t, k) => (k in t ? t[k] : () => {}), set: (t, k, v) => ((t[k] = v), true) })
}

// Two known messages from inside NutUI (not from this app) are dropped so real warnings stand out:
// lottie's "no dynamic canvas in mini-programs" and react-transition-group's findDOMNode deprecation.
const KNOWN_LIBRARY_NOISE = [/^发现 Lottie 动态创建 canvas 组件/, /findDOMNode is deprecated/]
for (const level of ['warn', 'error']) {
  const original = console[level].bind(console)
  console[level] = (...args) => {
    const first = typeof args[0] === 'string' ? args[0] : ''
    if (KNOWN_LIBRARY_NOISE.some((re) => re.test(first))) return
    original(...args)
  }
}
