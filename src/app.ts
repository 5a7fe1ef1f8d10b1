import type { PropsWithChildren } from 'react'
import Taro, { usePageNotFound } from '@tarojs/taro'
import { ROUTES } from './routes'
import './app.scss'

/** The app shell: pages render themselves; shared state (who am I) lives in features/members. */
function App({ children }: PropsWithChildren) {
  // An unknown route (a stale link, a typo) gets a page with a way back rather than a blank screen.
  usePageNotFound(() => {
    void Taro.redirectTo({ url: ROUTES.notFound })
  })
  return children
}

export default App
