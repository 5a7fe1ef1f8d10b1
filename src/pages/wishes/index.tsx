import { useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { WishView } from '@contracts'
import { WISH_CATEGORIES, WISH_CATEGORY_LABELS, type WishCategory } from '@contracts/rules'
import { EmptyState } from '@/components/empty-state'
import { OptionGroup } from '@/components/option-group'
import { PagedList } from '@/components/paged-list'
import { useWhoami } from '@/features/members/use-whoami'
import { CallErrorView } from '@/features/session'
import { usePagedListPage } from '@/features/shared/use-page-refresh'
import { useWishList, useWishWall } from '@/features/wishes/hooks/use-wish-list'
import { WishCard, WishWallCard } from '@/features/wishes/wish-card'
import { wishesVersion } from '@/features/wishes/wish-changes'
import { ROUTES, withQuery } from '@/routes'
import './index.scss'

type Scope = 'open' | 'wall'

const SCOPES: { value: Scope; label: string }[] = [
  { value: 'open', label: '待认领' },
  { value: 'wall', label: '圆梦墙' },
]

const CATEGORY_CHIPS: { value: WishCategory | 'all'; label: string }[] = [
  { value: 'all', label: '全部' },
  ...WISH_CATEGORIES.map((c) => ({ value: c, label: WISH_CATEGORY_LABELS[c] })),
]

/**
 * 心愿 (tab): members see the open wishes they may claim, by category; everyone sees the 圆梦墙 of
 * wishes come true. A resident is invited to post one; a member may record one for a resident (代录).
 * Kept lean (main package): the wish page, the form and the lists of 我的 are in the wishes subpackage.
 */
export default function WishesPage() {
  const whoami = useWhoami()
  const role = whoami.data?.profile?.role ?? null
  const inBranch = Boolean(role && whoami.data?.branch)
  const isMember = role === 'member' || role === 'secretary'
  const [chosen, setScope] = useState<Scope>('open')
  const scope: Scope = isMember ? chosen : 'wall'
  const [category, setCategory] = useState<WishCategory | 'all'>('all')
  const known = whoami.status === 'ready' || whoami.status === 'error'
  const open = useWishList({ scope: 'open', category: category === 'all' ? undefined : category, enabled: isMember && scope === 'open' })
  const wall = useWishWall({ enabled: known && scope === 'wall' })
  const seen = useRef(wishesVersion())

  const reload = () => {
    seen.current = wishesVersion()
    return scope === 'open' ? open.refresh() : wall.refresh()
  }
  // Back from a wish or the form: reload only if something was changed meanwhile.
  useDidShow(() => {
    if (wishesVersion() !== seen.current) void reload()
  })
  usePagedListPage(scope === 'open' ? open : wall, () => Promise.all([reload(), whoami.reload()]))

  const toDetail = (w: WishView) => void Taro.navigateTo({ url: withQuery(ROUTES.wishDetail, { id: w.id }) })
  const toPost = () => void Taro.navigateTo({ url: ROUTES.wishPost })

  return (
    <View className='wishes-page'>
      <View className='wishes-page__top'>
        {role === 'resident' ? (
          <View className='wishes-page__invite'>
            <Text className='wishes-page__invite-title'>有困难？发布一个微心愿</Text>
            <Text className='wishes-page__invite-text'>例如修水龙头、陪同看病、孩子的学习用品。书记审核后，党员会认领并帮您实现。</Text>
            <Button className='app-button app-button--block wishes-page__post' onClick={toPost}>
              我要许愿
            </Button>
            <Button className='app-button app-button--secondary app-button--block wishes-page__mine' onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.myWishes, { kind: 'mine' }) })}>
              我的心愿
            </Button>
          </View>
        ) : null}
        {isMember ? (
          <>
            <OptionGroup className='wishes-page__scopes' options={SCOPES} value={scope} onChange={setScope} />
            {scope === 'open' ? (
              <OptionGroup className='wishes-page__categories' options={CATEGORY_CHIPS} value={category} onChange={setCategory} />
            ) : null}
            <Button className='app-button app-button--secondary app-button--block wishes-page__record' onClick={toPost}>
              代群众登记心愿
            </Button>
          </>
        ) : null}
        {known && !inBranch ? (
          <Text className='wishes-page__guest'>加入支部后可以发布心愿或认领心愿；邀请码请向支部书记索取，在“我的”页面填写。</Text>
        ) : null}
      </View>

      {scope === 'open' ? (
        <PagedList
          list={open}
          className='wishes-page__list'
          loadingText='正在加载心愿…'
          errorView={CallErrorView}
          empty={
            <EmptyState
              className='wishes-page__empty'
              title={category === 'all' ? '现在没有等待认领的心愿' : `没有「${WISH_CATEGORY_LABELS[category]}」类的心愿`}
              hint='群众的新心愿经书记审核后会出现在这里。也可以看看圆梦墙。'
            >
              <Button className='app-button app-button--secondary app-button--block wishes-page__to-wall' onClick={() => setScope('wall')}>
                看圆梦墙
              </Button>
            </EmptyState>
          }
          endText={`已经到底了，共 ${open.items.length} 个心愿`}
          renderItem={(w) => <WishCard key={w.id} wish={w} onOpen={toDetail} />}
        />
      ) : (
        <PagedList
          list={wall}
          className='wishes-page__wall'
          loadingText='正在加载圆梦墙…'
          errorView={CallErrorView}
          empty={<EmptyState className='wishes-page__empty' title='圆梦墙上还没有心愿' hint='心愿实现并经心愿人确认后，会展示在这里。' />}
          endText='已经到底了'
          renderItem={(e) => <WishWallCard key={e.id} entry={e} />}
        />
      )}
    </View>
  )
}
