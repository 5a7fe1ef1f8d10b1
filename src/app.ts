import type { PropsWithChildren } from 'react'
import './app.scss'

/** The app shell: pages render themselves; shared state (who am I) lives in features/members. */
function App({ children }: PropsWithChildren) {
  return children
}

export default App
