import { useRef } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import type { WishView } from '@contracts'
import { EmptyState } from '@/components/empty-state'
import { PagedList } from '@/components/paged-list'
import { CallErrorView } from '@/features/session'
import { usePagedListPage } from '@/features/shared/use-page-refresh'
import { useMyWishes } from '@/features/wishes/hooks/use-wish-list'
import { WishCard } from '@/features/wishes/wish-card'
import { wishesVersion } from '@/features/wishes/wish-changes'
import { ROUTES, withQuery } from '@/routes'
import './index.scss'

/** 我的心愿 (`?kind=mine`: posted or recorded by me) and 我认领的 (`?kind=claims`), from 我的. */
export default function MyWishesPage() {
  const router = useRouter()
  const claims = router.params.kind === 'claims'
  const list = useMyWishes(claims ? 'myClaims' : 'mine')
  const seen = useRef(wishesVersion())

  useDidShow(() => {
    void Taro.setNavigationBarTitle({ title: claims ? '我认领的心愿' : '我的心愿' }).catch(() => undefined)
    if (wishesVersion() === seen.current) return
    seen.current = wishesVersion()
    void list.refresh()
  })
  usePagedListPage(list)

  const open = (w: WishView) => void Taro.navigateTo({ url: withQuery(ROUTES.wishDetail, { id: w.id }) })

  return (
    <View className='my-wishes'>
      <PagedList
        list={list}
        className='my-wishes__list'
        loadingText='正在加载心愿…'
        errorView={CallErrorView}
        empty={
          claims ? (
            <EmptyState className='my-wishes__empty' title='还没有认领心愿' hint='在“心愿”页面看看群众的心愿，认领一个帮他实现。'>
              <Button className='app-button app-button--block my-wishes__to-wishes' onClick={() => void Taro.switchTab({ url: ROUTES.wishes })}>
                去看心愿
              </Button>
            </EmptyState>
          ) : (
            <EmptyState className='my-wishes__empty' title='还没有发布心愿' hint='有需要帮忙的小事，可以发布一个微心愿。'>
              <Button className='app-button app-button--block my-wishes__to-post' onClick={() => void Taro.navigateTo({ url: ROUTES.wishPost })}>
                发布心愿
              </Button>
            </EmptyState>
          )
        }
        endText='没有更多了'
        renderItem={(w) => <WishCard key={w.id} wish={w} showStatus onOpen={open} />}
      />
    </View>
  )
}
