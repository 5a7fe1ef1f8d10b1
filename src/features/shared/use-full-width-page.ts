import { useEffect } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'

const FULL_WIDTH = 'app-full-width'

function set(on: boolean): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return
  document.documentElement.classList.toggle(FULL_WIDTH, on)
}

/**
 * H5: this page takes the whole window instead of the phone-width column (src/app.scss), while it is
 * the page shown — a page left open under another (navigateTo) gives the column back. Nothing in WeChat.
 */
export function useFullWidthPage(): void {
  useEffect(() => {
    set(true)
    return () => set(false)
  }, [])
  useDidShow(() => set(true))
  useDidHide(() => set(false))
}
