import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { SpokenLecture } from '@contracts'
import { EmptyState } from '@/components/empty-state'
import { PagedList } from '@/components/paged-list'
import { useMySpokenLectures } from '@/features/lectures/hooks/use-my-spoken-lectures'
import { CallErrorView } from '@/features/session'
import { usePagedListPage } from '@/features/shared/use-page-refresh'
import { ROUTES, withQuery } from '@/routes'
import { formatClock, formatDay } from '@/utils/beijing-time'
import './index.scss'

/**
 * 我主讲的党课 (from 我的): the lectures I gave as the linked speaker, newest first; each opens its
 * 评议结果, and 历次评议对比 compares them.
 */
export default function MyLecturesPage() {
  const list = useMySpokenLectures()

  usePagedListPage(list)

  const open = (l: SpokenLecture) => void Taro.navigateTo({ url: withQuery(ROUTES.lectureReport, { id: l.lectureId }) })

  return (
    <View className='my-lectures'>
      {list.status === 'ready' && list.error ? <Text className='my-lectures__stale'>刷新没有成功：{list.error.message}</Text> : null}
      {list.items.length > 1 ? (
        <Button
          className='app-button app-button--secondary app-button--block my-lectures__trend'
          onClick={() => void Taro.navigateTo({ url: ROUTES.lecturerReport })}
        >
          历次评议对比
        </Button>
      ) : null}
      <PagedList
        list={list}
        className='my-lectures__list'
        loadingText='正在加载我主讲的党课…'
        errorView={CallErrorView}
        empty={
          <EmptyState
            className='my-lectures__empty'
            title='还没有主讲的党课'
            hint='书记发布党课时把您设为主讲人后，党课会列在这里，点开可看评议结果。'
          />
        }
        endText={`没有更多了，共 ${list.items.length} 场`}
        renderItem={(l) => (
          <View key={l.lectureId} className='app-card my-lectures__row' hoverClass='my-lectures__row--pressed' onClick={() => open(l)}>
            <Text className='my-lectures__row-title'>{l.title}</Text>
            <Text className='my-lectures__row-line my-lectures__row-when'>
              {formatDay(l.startAt)}
              {formatClock(l.startAt)} · {l.branchName}
            </Text>
            <Text className='my-lectures__row-line my-lectures__row-count'>签到 {l.checkinCount} 人</Text>
            <Text className='my-lectures__row-action'>查看评议结果 ›</Text>
          </View>
        )}
      />
    </View>
  )
}
