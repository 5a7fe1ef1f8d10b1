import { useEffect } from 'react'
import Taro from '@tarojs/taro'

/**
 * A refused form: bring the first part marked by `selector` into view (the button is far below it).
 * `errors` is the form's per-field messages; each new set scrolls again.
 */
export function useScrollToError(errors: object, selector: string): void {
  const problems = Object.keys(errors).length
  useEffect(() => {
    if (problems === 0) return
    void Promise.resolve()
      .then(() => Taro.pageScrollTo({ selector, offsetTop: -24, duration: 200 }))
      .catch(() => undefined)
  }, [errors, problems, selector])
}
