import { useEffect, useRef, useState, type ReactNode } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { LectureDetail } from '@contracts'
import { CheckInBoard } from '@/components/check-in-board'
import { EmptyState } from '@/components/empty-state'
import { LoadingState } from '@/components/loading-state'
import { formatCountdown } from '@/features/lectures/rules/lecture-timing.rules'
import { useCheckinPhase } from '@/features/lectures/hooks/use-checkin-phase'
import { useDisplayCode, useServerClock } from '@/features/lectures/hooks/use-display-code'
import { useLecture } from '@/features/lectures/hooks/use-lecture'
import { useFullWidthPage } from '@/features/shared/use-full-width-page'
import { CallErrorView } from '@/features/session'
import { ROUTES, withQuery } from '@/routes'
import { formatClock, formatLectureTime, formatMoment } from '@/utils/beijing-time'
import { safeDecode } from '@/utils/safe-decode'
import './index.scss'

/**
 * 签到大屏 (secretary): the rotating code full screen, only while check-in is open, phased by the server's
 * clock as the display estimates it (docs/architecture.md "The display").
 */
export default function LectureDisplayPage() {
  const router = useRouter()
  const lectureId = router.params.id ? safeDecode(router.params.id) : null
  const lecture = useLecture(lectureId)
  const l = lecture.data
  const usable = Boolean(l && l.me.canManage && l.status === 'published')
  const serverClock = useServerClock()
  const { phase, now } = useCheckinPhase(serverClock.known ? l : null, { now: serverClock.now })
  const display = useDisplayCode(lectureId, {
    mode: l?.checkinMode ?? 'rotating',
    // Until closed: the codes while open, the server's clock before (and before the phase is known).
    enabled: usable && phase !== 'closed',
    live: phase === 'open',
    serverClock,
  })
  const cancelledMeanwhile = display.error?.code === 'CHECKIN.CANCELLED'
  const { reload } = lecture

  // A projector shows the board across the whole window, not in the app's phone-width column.
  useFullWidthPage()

  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp' || !usable) return undefined
    void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined)
    return () => void Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined)
  }, [usable])

  // Cancelled while on screen: read the lecture again for its reason (the screen says 已取消 meanwhile).
  useEffect(() => {
    if (cancelledMeanwhile) void reload()
  }, [cancelledMeanwhile, reload])

  // Closed while on screen: the last code's count until the lecture, read again, gives the final one.
  const [closedCount, setClosedCount] = useState<number | null>(null)
  const lastCount = useRef<number | null>(null)
  lastCount.current = display.code?.checkinCount ?? lastCount.current
  const wasOpen = useRef(false)
  useEffect(() => {
    if (phase === 'open') wasOpen.current = true
    if (phase !== 'closed' || !wasOpen.current) return
    wasOpen.current = false
    setClosedCount(lastCount.current)
    void reload().then((fresh) => {
      if (fresh) setClosedCount(null)
    })
  }, [phase, reload])

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
  if (l.status !== 'published' || cancelledMeanwhile) {
    const draft = l.status === 'draft'
    return (
      <View className='lecture-display lecture-display--plain'>
        <EmptyState
          className={draft ? 'lecture-display__draft' : 'lecture-display__cancelled'}
          title={draft ? '党课还没有发布' : '这场党课已取消'}
          hint={draft ? '发布后才能打开签到大屏。' : l.cancelReason ? `取消原因：${l.cancelReason}` : '无需签到。'}
        >
          <Button className='app-button app-button--block' onClick={() => void Taro.redirectTo({ url: withQuery(ROUTES.lectureDetail, { id: l.id }) })}>
            回到党课详情
          </Button>
        </EmptyState>
      </View>
    )
  }

  if (phase === null) return <View className='lecture-display lecture-display--plain'><LoadingState /></View>

  if (phase === 'notOpen') {
    return (
      <DisplayNotice lecture={l} className='lecture-display__not-open'>
        <Text className='lecture-display__notice-title'>签到将于 {formatMoment(l.checkinOpensAt, now)} 开放</Text>
        <Text className='lecture-display__countdown'>
          还有 <Text className='lecture-display__countdown-value'>{formatCountdown(Date.parse(l.checkinOpensAt) - now)}</Text>
        </Text>
        <Text className='lecture-display__notice-text'>到时这里会自动显示签到二维码，无需刷新页面。</Text>
      </DisplayNotice>
    )
  }

  if (phase === 'closed') {
    return (
      <DisplayNotice lecture={l} className='lecture-display__closed'>
        <Text className='lecture-display__notice-title'>签到已结束</Text>
        <Text className='lecture-display__final'>
          共 <Text className='lecture-display__final-count'>{closedCount ?? l.checkinCount}</Text> 人签到
        </Text>
        <Text className='lecture-display__notice-text'>签到已于 {formatMoment(l.checkinClosesAt, now)} 截止。确实到场但没有签到的，可以在签到名单里补录。</Text>
        <Button
          className='app-button app-button--secondary app-button--block lecture-display__to-attendance'
          onClick={() => void Taro.redirectTo({ url: withQuery(ROUTES.secretaryLectureAttendance, { id: l.id }) })}
        >
          查看签到名单
        </Button>
      </DisplayNotice>
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
        <FullscreenButton />
      </CheckInBoard>
    </View>
  )
}

/** In a browser: the board alone on the projector. Gone while full screen: the room sees only the board. */
function FullscreenButton() {
  const full = useFullscreen()
  if (process.env.TARO_ENV !== 'h5' || full) return null
  return (
    <Button
      className='app-button app-button--secondary app-button--block lecture-display__fullscreen'
      onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}
    >
      全屏显示（投影时用）
    </Button>
  )
}

/** Whether the browser shows the page full screen (always false in the mini-program). */
function useFullscreen(): boolean {
  const [full, setFull] = useState(false)
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return undefined
    const update = () => setFull(Boolean(document.fullscreenElement))
    update()
    document.addEventListener('fullscreenchange', update)
    return () => document.removeEventListener('fullscreenchange', update)
  }, [])
  return full
}

/** The screen outside the check-in window: the lecture, then what is the case instead of a code. */
function DisplayNotice({ lecture, className, children }: { lecture: LectureDetail; className: string; children: ReactNode }) {
  return (
    <View className={`lecture-display lecture-display--notice ${className}`}>
      <View className='lecture-display__head'>
        <Text className='lecture-display__title'>{lecture.title}</Text>
        <Text className='lecture-display__subtitle'>{`${formatLectureTime(lecture.startAt, lecture.endAt)} · ${lecture.location.name}`}</Text>
      </View>
      <View className='lecture-display__notice'>{children}</View>
      <View className='lecture-display__notice-extra'>
        <FullscreenButton />
      </View>
    </View>
  )
}
