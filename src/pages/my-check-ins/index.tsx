import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { MyCheckIn } from '@contracts'
import { CheckInRecord } from '@/components/check-in-record'
import { EmptyState } from '@/components/empty-state'
import { PagedList } from '@/components/paged-list'
import { useMyCheckIns } from '@/features/lectures/hooks/use-my-check-ins'
import { CallErrorView } from '@/features/session'
import { usePagedListPage } from '@/features/shared/use-page-refresh'
import { ROUTES, withQuery } from '@/routes'
import { formatDay, formatClock, formatMoment } from '@/utils/beijing-time'
import './index.scss'

/**
 * 签到记录 (from 我的): the lectures I checked in to, newest first, in Beijing time; a row opens the lecture.
 * With none yet, 看看近期党课 goes to the 党课 tab.
 */
export default function MyCheckInsPage() {
  const list = useMyCheckIns()

  usePagedListPage(list)

  const open = (r: MyCheckIn) => void Taro.navigateTo({ url: withQuery(ROUTES.lectureDetail, { id: r.lectureId }) })

  return (
    <View className='my-check-ins'>
      {list.status === 'ready' && list.error ? <Text className='my-check-ins__stale'>刷新没有成功：{list.error.message}</Text> : null}
      <PagedList
        list={list}
        className='my-check-ins__list'
        loadingText='正在加载签到记录…'
        errorView={CallErrorView}
        empty={
          <EmptyState className='my-check-ins__empty' title='还没有签到记录' hint='参加党课时扫描现场二维码签到'>
            <Button className='app-button app-button--block my-check-ins__to-lectures' onClick={() => void Taro.switchTab({ url: ROUTES.lectures })}>
              看看近期党课
            </Button>
          </EmptyState>
        }
        endText='没有更多了'
        renderItem={(r) => (
          <CheckInRecord
            key={r.lectureId}
            record={r}
            atText={formatMoment(r.at)}
            lectureTimeText={`${formatDay(r.lectureStartAt)}${formatClock(r.lectureStartAt)}`}
            onOpen={open}
          />
        )}
      />
    </View>
  )
}
