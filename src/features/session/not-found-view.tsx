import Taro from '@tarojs/taro'
import { Button } from '@tarojs/components'
import { ErrorState } from '@/components/error-state'
import { ROUTES } from '@/routes'

export interface NotFoundViewProps {
  title?: string
  message?: string
  className?: string
}

/** A dead end (an unknown page, a link to something gone): says so and leads back to 首页 or 党课. */
export function NotFoundView({ title = '没有找到这个页面', message = '链接可能不完整或已失效。可以回到首页，或去党课列表找找。', className }: NotFoundViewProps) {
  return (
    <ErrorState className={['not-found', className].filter(Boolean).join(' ')} title={title} message={message}>
      <Button className='app-button app-button--block not-found__home' onClick={() => void Taro.switchTab({ url: ROUTES.home })}>
        回首页
      </Button>
      <Button className='app-button app-button--secondary app-button--block not-found__lectures' onClick={() => void Taro.switchTab({ url: ROUTES.lectures })}>
        看党课
      </Button>
    </ErrorState>
  )
}
