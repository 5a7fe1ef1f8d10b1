import Taro from '@tarojs/taro'
import { ROUTES, withQuery } from '@/routes'

/** Back to the lecture's detail: the page underneath when it is that (it reloads itself), else a fresh one. */
export function backToLecture(lectureId: string): void {
  const pages = Taro.getCurrentPages()
  const below = pages[pages.length - 2]
  if (below?.route && below.route.replace(/^\//, '') === ROUTES.lectureDetail.replace(/^\//, '')) {
    void Taro.navigateBack()
  } else {
    void Taro.redirectTo({ url: withQuery(ROUTES.lectureDetail, { id: lectureId }) })
  }
}
