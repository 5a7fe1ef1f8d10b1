import { useEffect, useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import type { LectureView } from '@contracts'
import { EmptyState } from '@/components/empty-state'
import { LectureCard } from '@/components/lecture-card'
import { OptionGroup } from '@/components/option-group'
import { PagedList } from '@/components/paged-list'
import { LECTURE_LIVE_LABELS, lectureLive } from '@/features/lectures/rules/lecture-timing.rules'
import { useLectureList, type LectureScope } from '@/features/lectures/hooks/use-lecture-list'
import { useWhoami } from '@/features/members/use-whoami'
import { CallErrorView } from '@/features/session'
import { lecturesVersion } from '@/features/shared/lecture-changes'
import { usePagedListPage } from '@/features/shared/use-page-refresh'
import { ROUTES, withQuery } from '@/routes'
import { formatLectureTime } from '@/utils/beijing-time'
import './index.scss'

const SCOPES: { value: LectureScope; label: string }[] = [
  { value: 'upcoming', label: '即将开始' },
  { value: 'past', label: '往期党课' },
]

const NEEDS_BRANCH = new Set(['AUTH.NO_PROFILE', 'AUTH.NOT_IN_BRANCH'])

/** How often the 进行中 / 签到中 badges are looked at again while the list is on screen. */
const LIVE_TICK_MS = 30_000

/** The card's badge for a lecture happening now (see `lectureLive`). */
function liveBadge(l: LectureView, now: number) {
  const live = lectureLive(l, now)
  return live ? { text: LECTURE_LIVE_LABELS[live], tone: live } : null
}

/**
 * 党课 (tab): upcoming and past lectures of my branch and open ones of others; a secretary publishes here.
 * A lecture happening now is marked 进行中 (during its time) or 签到中 (check-in open around it).
 */
export default function LecturesPage() {
  const whoami = useWhoami()
  const [scope, setScope] = useState<LectureScope>('upcoming')
  const list = useLectureList({ scope })
  const seen = useRef(lecturesVersion())
  const [now, setNow] = useState(() => Date.now())

  useEffect(() => {
    if (scope !== 'upcoming') return undefined
    setNow(Date.now())
    const tick = setInterval(() => setNow(Date.now()), LIVE_TICK_MS)
    return () => clearInterval(tick)
  }, [scope])

  // Back from a detail or the editor: reload only if something was changed meanwhile.
  useDidShow(() => {
    if (lecturesVersion() === seen.current) return
    seen.current = lecturesVersion()
    void list.refresh()
  })
  usePagedListPage(list, () => {
    seen.current = lecturesVersion()
    return Promise.all([list.refresh(), whoami.reload()])
  })

  const isSecretary = whoami.data?.profile?.role === 'secretary'
  const open = (l: LectureView) => void Taro.navigateTo({ url: withQuery(ROUTES.lectureDetail, { id: l.id }) })

  if (list.status === 'error' && list.error && NEEDS_BRANCH.has(list.error.code)) {
    return (
      <View className='lectures-page lectures-page--guest'>
        <EmptyState
          className='lectures-page__join'
          title='加入支部后就能看到党课'
          hint='向支部书记要一个邀请码，在“我的”页面填写姓名和邀请码加入。'
        >
          <Button className='app-button app-button--block lectures-page__to-join' onClick={() => void Taro.switchTab({ url: ROUTES.mine })}>
            去“我的”加入支部
          </Button>
        </EmptyState>
      </View>
    )
  }

  return (
    <View className='lectures-page'>
      <View className='lectures-page__top'>
        <OptionGroup className='lectures-page__scopes' options={SCOPES} value={scope} onChange={setScope} />
        {isSecretary ? (
          <Button
            className='app-button app-button--block lectures-page__create'
            onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryLectureEdit })}
          >
            + 发布新党课
          </Button>
        ) : null}
      </View>

      <PagedList
        list={list}
        className='lectures-page__list'
        loadingText='正在加载党课…'
        errorView={CallErrorView}
        empty={
          scope === 'upcoming' ? (
            <EmptyState
              className='lectures-page__empty'
              title='近期没有安排党课'
              hint={isSecretary ? '点上面的“发布新党课”安排一场，发布后支部成员就能看到。' : '有新的党课时会出现在这里，也可以看看往期党课。'}
            >
              <Button className='app-button app-button--secondary app-button--block lectures-page__to-past' onClick={() => setScope('past')}>
                看往期党课
              </Button>
            </EmptyState>
          ) : (
            <EmptyState className='lectures-page__empty' title='还没有往期党课' hint='上过的党课会留在这里，方便回看资料和签到记录。' />
          )
        }
        endText={`已经到底了，共 ${list.items.length} 场`}
        renderItem={(l) => (
          <LectureCard
            key={l.id}
            lecture={l}
            timeText={formatLectureTime(l.startAt, l.endAt)}
            showCount={scope === 'past'}
            live={scope === 'upcoming' ? liveBadge(l, now) : null}
            onOpen={open}
          />
        )}
      />
    </View>
  )
}
