import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import type { WishView } from '@contracts'
import { EmptyState } from '@/components/empty-state'
import { OptionGroup } from '@/components/option-group'
import { PagedList } from '@/components/paged-list'
import { SecretaryOnly, isSecretary } from '@/features/members/secretary-only'
import { useWhoami } from '@/features/members/use-whoami'
import { CallErrorView } from '@/features/session'
import { usePagedListPage } from '@/features/shared/use-page-refresh'
import { useWishList } from '@/features/wishes/hooks/use-wish-list'
import { WishReviewDialogs, type ReviewDecision } from '@/features/wishes/wish-action-panel'
import { WishCard } from '@/features/wishes/wish-card'
import { ROUTES, withQuery } from '@/routes'
import './index.scss'

type Queue = 'pending' | 'fulfilled'

const QUEUES: { value: Queue; label: string }[] = [
  { value: 'pending', label: '待审核' },
  { value: 'fulfilled', label: '待确认' },
]

/**
 * 心愿审核 (secretary): the wishes waiting for review — 通过 (optionally open to every branch) or 不通过
 * with a reason, each asked first — and those fulfilled but not yet confirmed by their residents.
 */
export default function WishReviewPage() {
  const whoami = useWhoami()
  const secretary = isSecretary(whoami.data)
  const [queue, setQueue] = useState<Queue>('pending')
  const list = useWishList({ scope: queue, enabled: secretary })
  const [target, setTarget] = useState<{ id: string; title: string; decision: ReviewDecision } | null>(null)

  usePagedListPage(list, () => (secretary ? list.refresh() : whoami.reload()))

  const open = (w: WishView) => void Taro.navigateTo({ url: withQuery(ROUTES.wishDetail, { id: w.id }) })

  return (
    <SecretaryOnly
      className='wish-review'
      deniedTitle='只有支部书记可以审核心愿'
      deniedHint='心愿提交后由本支部书记审核。'
      back={{ tab: ROUTES.wishes, text: '回到“心愿”' }}
    >
      {() => (
        <View className='wish-review'>
          <View className='wish-review__top'>
            <OptionGroup className='wish-review__queues' options={QUEUES} value={queue} onChange={setQueue} />
            <Button className='app-button app-button--secondary app-button--block wish-review__record' onClick={() => void Taro.navigateTo({ url: ROUTES.wishPost })}>
              代群众登记心愿
            </Button>
          </View>
          <PagedList
            list={list}
            className='wish-review__list'
            loadingText='正在加载心愿…'
            errorView={CallErrorView}
            empty={
              <EmptyState
                className='wish-review__empty'
                title={queue === 'pending' ? '没有等待审核的心愿' : '没有等待确认的心愿'}
                hint={queue === 'pending' ? '群众发布或党员代录的心愿会先出现在这里。' : '完成 7 天仍未确认的心愿，可以在心愿页面代为确认。'}
              />
            }
            endText={`已经到底了，共 ${list.items.length} 个`}
            renderItem={(w) => (
              <View key={w.id} className='wish-review__item'>
                <WishCard wish={w} showStatus onOpen={open} />
                {queue === 'pending' ? (
                  <View className='wish-review__buttons'>
                    <Button className='app-button wish-review__approve' onClick={() => setTarget({ id: w.id, title: w.title, decision: 'approve' })}>
                      通过
                    </Button>
                    <Button className='app-button app-button--secondary wish-review__reject' onClick={() => setTarget({ id: w.id, title: w.title, decision: 'reject' })}>
                      不通过
                    </Button>
                  </View>
                ) : null}
              </View>
            )}
          />
          <WishReviewDialogs
            target={target}
            onClose={() => setTarget(null)}
            onDone={(done) => {
              setTarget(null)
              list.setItems((prev) => prev.filter((w) => w.id !== done.id))
              void Taro.showToast({ title: done.status === 'open' ? '已通过' : '已退回', icon: 'success' })
            }}
          />
        </View>
      )}
    </SecretaryOnly>
  )
}
