import { useEffect } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import { CheckInBoard } from '@/components/check-in-board'
import { EmptyState } from '@/components/empty-state'
import { LoadingState } from '@/components/loading-state'
import { formatClock, formatLectureTime } from '@/features/lectures/beijing-time'
import { safeDecode } from '@/features/lectures/check-in-scene'
import { useDisplayCode } from '@/features/lectures/use-display-code'
import { useLecture } from '@/features/lectures/use-lecture'
import { CallErrorView } from '@/features/session'
import { ROUTES, withQuery } from '@/routes'
import './index.scss'

/**
 * 签到大屏 (secretary): the rotating check-in code full screen — on the secretary's phone held up, or
 * on a projector through the browser — with a countdown to the next code, the live count and the newest
 * names. The screen is kept awake in WeChat.
 */
export default function LectureDisplayPage() {
  const router = useRouter()
  const lectureId = router.params.id ? safeDecode(router.params.id) : null
  const lecture = useLecture(lectureId)
  const l = lecture.data
  const usable = Boolean(l && l.me.canManage && l.status === 'published')
  const display = useDisplayCode(lectureId, { mode: l?.checkinMode ?? 'rotating', enabled: usable })

  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp' || !usable) return undefined
    void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined)
    return () => void Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined)
  }, [usable])

  if (lecture.status === 'loading') return <View className='lecture-display lecture-display--plain'><LoadingState /></View>
  if (!l) {
    return (
      <View className='lecture-display lecture-display--plain'>
        {lecture.error ? <CallErrorView error={lecture.error} onRetry={() => void lecture.reload()} /> : null}
      </View>
    )
  }
  if (!l.me.canManage) {
    return (
      <View className='lecture-display lecture-display--plain'>
        <EmptyState title='只有本支部书记可以打开签到大屏' hint='请扫描会场大屏上的二维码签到。' />
      </View>
    )
  }
  if (l.status !== 'published') {
    return (
      <View className='lecture-display lecture-display--plain'>
        <EmptyState
          title={l.status === 'draft' ? '党课还没有发布' : '这场党课已取消'}
          hint={l.status === 'draft' ? '发布后才能打开签到大屏。' : l.cancelReason ? `取消原因：${l.cancelReason}` : undefined}
        >
          <Button className='app-button app-button--block' onClick={() => void Taro.redirectTo({ url: withQuery(ROUTES.lectureDetail, { id: l.id }) })}>
            回到党课详情
          </Button>
        </EmptyState>
      </View>
    )
  }

  if (display.status !== 'ready' || !display.code) {
    return (
      <View className='lecture-display lecture-display--plain'>
        {display.status === 'error' && display.error ? (
          <CallErrorView title='签到码没有生成' error={display.error} onRetry={display.retry} />
        ) : (
          <LoadingState text='正在生成签到码…' />
        )}
      </View>
    )
  }

  const code = display.code
  return (
    <View className='lecture-display'>
      <CheckInBoard
        qrValue={code.qrContent}
        imageSrc={code.miniCode}
        title={l.title}
        subtitle={`${formatLectureTime(l.startAt, l.endAt)} · ${l.location.name}`}
        count={code.checkinCount}
        recent={code.recent.map((r) => ({ name: r.name, time: formatClock(r.at) }))}
        secondsLeft={display.secondsLeft}
        warning={display.stale ? '网络不稳，二维码暂未更新，正在重试…（当前二维码仍可扫）' : null}
        outdated={display.outdated}
      >
        {process.env.TARO_ENV === 'h5' ? (
          <Button
            className='app-button app-button--secondary app-button--block lecture-display__fullscreen'
            onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}
          >
            全屏显示（投影时用）
          </Button>
        ) : null}
      </CheckInBoard>
    </View>
  )
}
